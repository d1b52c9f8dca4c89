/// `textDocument/hover`: a key's meaning, a catalog id's entry, a currency, a date's business-day status.
struct HoverHandler: RequestHandler {
    static let method = "textDocument/hover"

    func handle(_ params: TextDocumentPositionParams, context: RequestContext) async throws -> Hover? {
        guard let document = FeatureDocument(uri: params.textDocument.uri, snapshot: context.snapshot) else { return nil }
        let compilation = await LatestCompilation.of(context)
        return HoverContent.hover(at: params.position, in: document, compilation: compilation, snapshot: context.snapshot)
    }

    func announce(in capabilities: inout ServerCapabilities) {
        capabilities.hoverProvider = true
    }
}
