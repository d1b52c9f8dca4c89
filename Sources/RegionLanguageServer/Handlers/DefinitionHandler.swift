import RegionCompiler

/// `textDocument/definition`: a catalog id to its catalog.yaml entry, a calendar market to its file.
struct DefinitionHandler: PositionFeatureHandler {
    static let method = "textDocument/definition"
    static var capability: WritableKeyPath<ServerCapabilities, Bool?> { \.definitionProvider }
    static var feature: (Position, FeatureDocument, Compilation, WorkspaceSnapshot) -> Location? { Definitions.definition }
}
