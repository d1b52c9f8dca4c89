import GatewayConfig
import RegionCompiler

/// Every use of a catalog id across the tree's region files and defaults.yaml (as the open buffers
/// have them), and its catalog.yaml entry when the declaration is asked for: which regions use
/// `antom-hk`?
enum References {
    enum Kind { case method, acquirer }

    /// The id at `position` and its kind, when the cursor is on a catalog id (a use or a declaration).
    static func id(at position: Position, in document: FeatureDocument) -> (id: String, kind: Kind)? {
        guard let hit = document.hit(at: position), let text = hit.node.scalarText else { return nil }
        switch ValueRole.of(keys: hit.keys, isKey: hit.isKey, in: document.role) {
        case .methodID?, .methodDeclaration?: return (text, .method)
        case .acquirerID?, .acquirerDeclaration?: return (text, .acquirer)
        default: return nil
        }
    }

    static func locations(of id: String, kind: Kind, includeDeclaration: Bool, snapshot: WorkspaceSnapshot) -> [Location] {
        var found: [Location] = []
        for file in snapshot.compileInputs().files {
            let role = DescriptorCompiler.role(of: file)
            guard role == .catalog ? includeDeclaration : true, let root = YAMLComposer.compose(file).root else { continue }
            let uri = snapshot.uri(ofDisplayPath: file.displayPath)
            func location(_ node: YAMLNode) -> Location {
                Location(uri: uri, range: LineColumns.range(of: node.location, lineText: file.line(node.location.line)))
            }
            switch role {
            case .catalog:
                if let pair = root.value(atKeys: [kind == .method ? "payment_methods" : "acquirers", id]) {
                    found.append(location(pair.key))
                }
            case .region, .defaults:
                let documentRole: FeatureDocument.Role = role == .region ? .region : .defaults
                let wanted: ValueRole = kind == .method ? .methodID : .acquirerID
                for (path, node) in root.scalarValues() where node.scalarText == id
                    && ValueRole.of(keys: path.compactMap(\.key), isKey: false, in: documentRole) == wanted {
                    found.append(location(node))
                }
            }
        }
        return found.sorted { ($0.uri, $0.range.start) < ($1.uri, $1.range.start) }
    }
}
