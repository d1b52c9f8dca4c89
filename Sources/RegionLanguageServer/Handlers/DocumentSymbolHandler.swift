/// `textDocument/documentSymbol`: the outline (region, availability and its steps, payment
/// methods, routes, change freezes, every key) with ranges.
struct DocumentSymbolHandler: RequestHandler {
    static let method = "textDocument/documentSymbol"

    func handle(_ params: DocumentSymbolParams, context: RequestContext) async throws -> [DocumentSymbol] {
        guard let document = FeatureDocument(uri: params.textDocument.uri, snapshot: context.snapshot) else { return [] }
        return DocumentOutline.symbols(of: document)
    }

    func announce(in capabilities: inout ServerCapabilities) {
        capabilities.documentSymbolProvider = true
    }
}
