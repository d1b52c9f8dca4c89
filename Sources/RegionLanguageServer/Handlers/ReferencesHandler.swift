import GatewayConfig

/// `textDocument/references` on a catalog id: its uses in every region (and its entry when asked).
struct ReferencesHandler: RequestHandler {
    static let method = "textDocument/references"

    func handle(_ params: ReferenceParams, context: RequestContext) async throws -> [Location] {
        guard let document = FeatureDocument(uri: params.textDocument.uri, snapshot: context.snapshot),
              let (id, kind) = References.id(at: params.position, in: document) else { return [] }
        let snapshot = context.snapshot
        let includeDeclaration = params.context?.includeDeclaration ?? false
        return await BlockingWork.run {
            References.locations(of: id, kind: kind, includeDeclaration: includeDeclaration, snapshot: snapshot)
        }
    }

    func announce(in capabilities: inout ServerCapabilities) {
        capabilities.referencesProvider = true
    }
}
