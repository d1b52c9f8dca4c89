import RegionCompiler

/// `textDocument/hover`: a key's meaning, a catalog id's entry, a currency, a date's business-day status.
struct HoverHandler: PositionFeatureHandler {
    static let method = "textDocument/hover"
    static var capability: WritableKeyPath<ServerCapabilities, Bool?> { \.hoverProvider }
    static var feature: (Position, FeatureDocument, Compilation, WorkspaceSnapshot) -> Hover? { HoverContent.hover }
}
