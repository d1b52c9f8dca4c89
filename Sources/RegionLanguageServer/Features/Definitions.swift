import GatewayConfig
import RegionCompiler

/// Where an id used in a region is declared: a payment method or acquirer id's entry in
/// catalog.yaml, a calendar market's `calendars/<code>.yaml`.
enum Definitions {
    static func definition(at position: Position, in document: FeatureDocument, compilation: Compilation,
                           snapshot: WorkspaceSnapshot) -> Location? {
        guard let hit = document.hit(at: position), let text = hit.node.scalarText else { return nil }
        switch ValueRole.of(keys: hit.keys, isKey: hit.isKey, in: document.role) {
        case .methodID?:
            return compilation.catalog.methods[text].map { snapshot.lspLocation(of: $0.id.location) }
        case .acquirerID?:
            return compilation.catalog.acquirers[text].map { snapshot.lspLocation(of: $0.id.location) }
        case .calendarMarket?:
            guard RegionCode(text) != nil else { return nil }
            let path = FilePaths.join(snapshot.root.calendars, text.lowercased() + ".yaml")
            let uri = snapshot.uri(ofDisplayPath: path)
            guard snapshot.text(at: uri) != nil else { return nil }
            let start = Position(line: 0, character: 0)
            return Location(uri: uri, range: LSPRange(start: start, end: start))
        default:
            return nil
        }
    }
}
