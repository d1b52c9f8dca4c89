import GatewayConfig
import RegionCompiler

/// The document a feature request is about, as the request found it (the open buffer's text, else
/// the file's): what input it is, its YAML tree, and the crossing between LSP positions and the
/// compiler's (through `LineColumns`, the one conversion home).
struct FeatureDocument {
    enum Role: Equatable { case region, catalog, defaults, calendar }

    let uri: String
    let text: String
    let file: SourceFile
    let role: Role
    /// nil when the text does not parse as YAML.
    let root: YAMLNode?

    init?(uri: String, snapshot: WorkspaceSnapshot) {
        guard let path = DocumentURI.path(of: uri), let text = snapshot.text(at: uri) else { return nil }
        self.init(uri: uri, path: path, text: text, root: snapshot.root)
    }

    /// A document of the tree at `path` with `text` (not necessarily the one the snapshot holds:
    /// completion reads a copy with the word at the cursor replaced); nil outside the tree.
    init?(uri: String, path: String, text: String, root tree: WorkspaceRoot) {
        guard let input = tree.inputName(ofPath: path), let role = Self.role(ofPath: path, root: tree) else { return nil }
        self.uri = uri
        self.text = text
        self.role = role
        file = SourceFile(name: input.isCalendar ? "calendars/" + input.name : input.name, displayPath: path,
                          bytes: Array(text.utf8))
        root = YAMLComposer.compose(file).root
    }

    /// What input of the tree `path` is, nil when none.
    static func role(ofPath path: String, root tree: WorkspaceRoot) -> Role? {
        guard let input = tree.inputName(ofPath: path) else { return nil }
        if input.isCalendar { return .calendar }
        return switch DescriptorCompiler.role(of: SourceFile(name: input.name, displayPath: path, bytes: [])) {
        case .catalog: .catalog
        case .defaults: .defaults
        case .region: .region
        }
    }

    var path: String { file.displayPath }

    /// The key or value at an LSP position.
    func hit(at position: Position) -> YAMLHit? {
        let (line, column) = LineColumns.sourcePosition(of: position, in: text)
        return root?.scalar(atLine: line, column: column)
    }

    func range(of location: SourceLocation) -> LSPRange {
        LineColumns.range(of: location, lineText: file.line(location.line))
    }
}

extension WorkspaceSnapshot {
    /// The LSP location of a compiler location in any file of the tree, its columns converted on
    /// the text the snapshot holds for that file.
    func lspLocation(of location: SourceLocation) -> Location {
        let uri = uri(ofDisplayPath: location.file)
        let line = text(at: uri).flatMap { SourceFile(name: "", displayPath: "", bytes: Array($0.utf8)).line(location.line) }
        return Location(uri: uri, range: LineColumns.range(of: location, lineText: line))
    }
}
