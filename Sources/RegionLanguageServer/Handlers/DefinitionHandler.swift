/// `textDocument/definition`: a catalog id to its catalog.yaml entry, a calendar market to its file.
struct DefinitionHandler: RequestHandler {
    static let method = "textDocument/definition"

    func handle(_ params: TextDocumentPositionParams, context: RequestContext) async throws -> Location? {
        guard let document = FeatureDocument(uri: params.textDocument.uri, snapshot: context.snapshot) else { return nil }
        let compilation = await LatestCompilation.of(context)
        return Definitions.definition(at: params.position, in: document, compilation: compilation, snapshot: context.snapshot)
    }

    func announce(in capabilities: inout ServerCapabilities) {
        capabilities.definitionProvider = true
    }
}
