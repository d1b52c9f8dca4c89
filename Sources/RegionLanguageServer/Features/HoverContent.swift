import GatewayConfig
import RegionCompiler

/// What the hover says about the key or value under the cursor: a key's meaning (its schema
/// description), a catalog id's entry, a currency, an amount, a date's business-day status.
enum HoverContent {
    static func hover(at position: Position, in document: FeatureDocument, compilation: Compilation,
                      snapshot: WorkspaceSnapshot) -> Hover? {
        guard let hit = document.hit(at: position), let text = hit.node.scalarText else { return nil }
        let range = document.range(of: hit.node.location)
        let markdown: String?
        switch ValueRole.of(keys: hit.keys, isKey: hit.isKey, in: document.role) {
        case .methodID?, .methodDeclaration?:
            markdown = compilation.catalog.methods[text].map(CatalogEntryText.method)
        case .acquirerID?, .acquirerDeclaration?:
            markdown = compilation.catalog.acquirers[text].map(CatalogEntryText.acquirer)
        case .currency?:
            markdown = CatalogEntryText.currency(text)
        case .money?:
            markdown = (try? Money.parse(text).get()).map(CatalogEntryText.money)
        case .date?:
            markdown = region(of: document, in: compilation).flatMap { region in
                CalendarDate(text).flatMap {
                    BusinessDayText.status(of: $0, localNote: nil, region: region, calendars: compilation.calendars)
                }
            }
        case .instant?:
            markdown = region(of: document, in: compilation).flatMap { region in
                Instant(text).flatMap {
                    BusinessDayText.status(of: $0, region: region, calendars: compilation.calendars)
                }
            }
        case .calendarMarket?:
            markdown = compilation.calendars.calendars.values.first { $0.market.rawValue == text }
                .map { "**\($0.market)**: \($0.name), from \($0.source)\($0.through.map { " (through \($0))" } ?? "")" }
        case .status?, .timeZone?, .weekday?, nil:
            markdown = nil
        }
        let meaning = hit.isKey ? SchemaDescriptions(for: document.role, root: snapshot.root)?.description(at: hit.path) : nil
        let parts = [markdown, meaning.map { hit.isKey ? "`\(text)`: \($0)" : $0 }].compactMap { $0 }
        guard !parts.isEmpty else { return nil }
        return Hover(contents: MarkupContent(markdown: parts.joined(separator: "\n\n---\n\n")), range: range)
    }

    /// The region a document describes, as last compiled.
    static func region(of document: FeatureDocument, in compilation: Compilation) -> RegionDescriptor? {
        compilation.regions.first { $0.file.displayPath == document.path }
    }
}
