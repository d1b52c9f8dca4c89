import RegionCompiler

/// A request about the key or value at a place (`hover`, `definition`): each reads the document as
/// the request found it and the latest compilation, answers through its feature, and announces
/// itself by one flag.
protocol PositionFeatureHandler: RequestHandler where Params == TextDocumentPositionParams, Result == Answer? {
    associatedtype Answer: Encodable & Sendable
    /// The flag `initialize` sets for this method.
    static var capability: WritableKeyPath<ServerCapabilities, Bool?> { get }
    /// What to answer about a position in a document; nil: nothing.
    static var feature: (Position, FeatureDocument, Compilation, WorkspaceSnapshot) -> Answer? { get }
}

extension PositionFeatureHandler {
    func handle(_ params: TextDocumentPositionParams, context: RequestContext) async throws -> Answer? {
        guard let document = FeatureDocument(uri: params.textDocument.uri, snapshot: context.snapshot) else { return nil }
        let compilation = await LatestCompilation.of(context)
        return Self.feature(params.position, document, compilation, context.snapshot)
    }

    func announce(in capabilities: inout ServerCapabilities) {
        capabilities[keyPath: Self.capability] = true
    }
}
