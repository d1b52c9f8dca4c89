import Foundation
import GatewayConfig
import RegionCompiler

/// What completion offers in a context: the keys valid there (with their schema description), or
/// the values its role takes (catalog ids with their entry, currencies with their minor units,
/// statuses, time zones, weekdays, calendar markets).
enum CompletionItems {
    static func items(for context: CompletionContext, role: FeatureDocument.Role, compilation: Compilation,
                      snapshot: WorkspaceSnapshot) -> [CompletionItem] {
        switch context.want {
        case .key(let mapping, let existing):
            let keys = (KeyCatalog.keys(at: mapping, in: role) ?? []).filter { !existing.contains($0) }
            let schema = SchemaDescriptions(for: role, root: snapshot.root)
            return keys.enumerated().map { index, key in
                item(key, kind: CompletionItemKind.property, detail: nil,
                     documentation: schema?.description(at: mapping + [.key(key)]),
                     newText: context.colonFollows ? key : key + ": ", sortText: String(format: "%03d", index), context: context)
            }
        case .value(let keys):
            return values(for: ValueRole.of(keys: keys, isKey: false, in: role), compilation: compilation, snapshot: snapshot)
                .map { value in
                    item(value.label, kind: CompletionItemKind.value, detail: value.detail, documentation: value.documentation,
                         newText: value.label, sortText: nil, context: context)
                }
        }
    }

    private static func item(_ label: String, kind: Int, detail: String?, documentation: String?, newText: String,
                             sortText: String?, context: CompletionContext) -> CompletionItem {
        CompletionItem(label: label, kind: kind, detail: detail, documentation: documentation.map(MarkupContent.init(markdown:)),
                       textEdit: TextEdit(range: context.range, newText: newText), sortText: sortText)
    }

    private static func values(for role: ValueRole?, compilation: Compilation, snapshot: WorkspaceSnapshot)
        -> [(label: String, detail: String?, documentation: String?)] {
        switch role {
        case .methodID?:
            return compilation.catalog.methods.values.sorted { $0.id.value < $1.id.value }
                .map { ($0.id.value, "\($0.name), wallet \($0.walletRegion) \($0.walletCurrency)", CatalogEntryText.method($0)) }
        case .acquirerID?:
            return compilation.catalog.acquirers.values.sorted { $0.id.value < $1.id.value }
                .map { ($0.id.value, "\($0.name), settles \($0.settlementCurrencies.map(\.rawValue).joined(separator: ", "))",
                        CatalogEntryText.acquirer($0)) }
        case .currency?:
            return ISO4217.entries.values.sorted { $0.code < $1.code }
                .map { ($0.code, "\($0.name), \($0.minorUnits) minor unit\($0.minorUnits == 1 ? "" : "s")", CatalogEntryText.currency($0.code)) }
        case .status?:
            return AvailabilityStatus.allCases.map { ($0.rawValue, nil, nil) }
        case .timeZone?:
            // Area/City names, and UTC (an IANA link not every platform lists); never offsets or abbreviations.
            return Set(TimeZoneCatalog.identifiers.filter { $0.contains("/") && !$0.hasPrefix("Etc/") } + ["UTC"]).sorted()
                .map { ($0, nil, nil) }
        case .weekday?:
            return Weekday.allCases.map { ($0.rawValue, nil, nil) }
        case .calendarMarket?:
            let files = snapshot.calendarListing.files.compactMap { file -> String? in
                let name = FilePaths.lastComponent(file.displayPath)
                guard let stem = name.split(separator: ".").first, stem.count == 2 else { return nil }
                return stem.uppercased()
            }
            let markets = Set(files + compilation.calendars.calendars.keys.map(\.rawValue)).sorted()
            return markets.map { market in
                (market, compilation.calendars.calendars.values.first { $0.market.rawValue == market }?.name, nil)
            }
        case .methodDeclaration?, .acquirerDeclaration?, .money?, .date?, .instant?, nil:
            return []
        }
    }
}
