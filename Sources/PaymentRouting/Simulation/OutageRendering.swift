import GatewayConfig

/// The outage paragraph of a traffic replay, in each format: which acquirers were replayed as
/// down, and on each side how many checkouts (and how much money) were declined for want of an
/// acquirer and how many failed over to a fallback.
extension TrafficRenderer {
    /// Nothing when no acquirer was down or disabled on either side.
    static func outageLines(_ report: TrafficReport) -> [String] {
        guard !report.down.isEmpty || !report.outage.isEmpty else { return [] }
        return [outageHeadline(report, quoted: { $0 }),
                "  OLD: " + sideSummary(report.outage.old),
                "  NEW: " + sideSummary(report.outage.new)]
    }

    static func outageMarkdown(_ report: TrafficReport) -> [String] {
        guard !report.down.isEmpty || !report.outage.isEmpty else { return [] }
        return ["**" + outageHeadline(report, quoted: { "`\(code($0))`" }) + "**", "",
                "- base config: " + sideSummary(report.outage.old),
                "- proposed config: " + sideSummary(report.outage.new), ""]
    }

    static func outageHeadline(_ report: TrafficReport, quoted: (String) -> String) -> String {
        guard !report.down.isEmpty else { return "Unavailable acquirers (disabled by a config):" }
        let names = report.down.map { quoted(TrafficFormatting.shown($0)) }.joined(separator: ", ")
        return "Outage replayed: \(names) down on both sides:"
    }

    /// `declines 120 checkouts (12,000.00 HKD) as ACQUIRER_UNAVAILABLE; fails over 0`.
    static func sideSummary(_ side: OutageTally.Side) -> String {
        typealias F = TrafficFormatting
        func amounts(_ sums: [CurrencyCode: OutageTally.Sum]) -> String {
            guard !sums.isEmpty else { return "" }
            let listed = sums.keys.sorted { $0.rawValue < $1.rawValue }.compactMap { currency in
                sums[currency].map { F.money($0.amount, currency, grouping: true) }
            }
            return " (" + listed.joined(separator: ", ") + ")"
        }
        return "declines \(F.plural(side.declinedCount, "checkout"))\(amounts(side.declined)) as ACQUIRER_UNAVAILABLE; "
            + "fails over \(F.plural(side.failedOverCount, "checkout"))\(amounts(side.failedOver)) to a fallback"
    }

    static func outageValue(_ report: TrafficReport) -> JSONValue {
        func sums(_ sums: [CurrencyCode: OutageTally.Sum]) -> JSONValue {
            let currencies = sums.keys.sorted { $0.rawValue < $1.rawValue }
            return .object([
                ("amount", .object(currencies.compactMap { currency in
                    sums[currency].map { (currency.rawValue, .string(TrafficFormatting.money($0.amount, currency, grouping: false))) }
                })),
                ("amount_minor_units", .object(currencies.compactMap { currency in
                    sums[currency].map { (currency.rawValue, .integer($0.amount)) }
                })),
                ("count", .integer(Int128(sums.values.reduce(0) { $0 + $1.count }))),
            ])
        }
        func side(_ side: OutageTally.Side) -> JSONValue {
            .object([("declined", sums(side.declined)), ("failed_over", sums(side.failedOver))])
        }
        return .object([
            ("down", .array(report.down.map { .string($0) })),
            ("new", side(report.outage.new)),
            ("old", side(report.outage.old)),
        ])
    }
}
