import GatewayConfig
import RegionCompiler

/// A catalog entry, a currency and an amount as an editor shows them (hover, completion
/// documentation), in Markdown: one wording for both.
enum CatalogEntryText {
    static func method(_ method: Catalog.Method) -> String {
        var lines = ["**\(method.id.value)**: \(method.name) (payment method)",
                     "wallet: \(region(method.walletRegion)), balances in \(method.walletCurrency)"
                         + (method.alipayPlus == true ? "; an Alipay+ method" : "")]
        if let caps = method.caps {
            var limits: [String] = []
            if caps.perPaymentMin != nil || caps.perPaymentMax != nil {
                limits.append("per payment \(caps.perPaymentMin.map { "\($0.value)" } ?? "-") to \(caps.perPaymentMax.map { "\($0.value)" } ?? "-")")
            }
            for (cap, period) in [(caps.perDay, "day"), (caps.perMonth, "month"), (caps.perYear, "year")] {
                if let cap { limits.append("\(cap.value) per \(period)") }
            }
            lines.append("caps: " + (limits.isEmpty ? "none recorded" : limits.joined(separator: "; ")))
            if let source = caps.source { lines.append("source: \(source.value)") }
        } else {
            lines.append("caps: none recorded")
        }
        return lines.joined(separator: "\n\n")
    }

    static func acquirer(_ acquirer: Catalog.Acquirer) -> String {
        var lines = ["**\(acquirer.id.value)**: \(acquirer.name) (acquirer)",
                     "region: \(region(acquirer.region)); settles \(acquirer.settlementCurrencies.map(\.rawValue).joined(separator: ", "))",
                     acquirer.isEnabled ? "enabled" : "disabled: `enabled: false` drains it fleet-wide"]
        if let health = acquirer.health {
            lines.append("health: ejected after \(health.consecutiveFailures.value) failures in a row, or \(health.failureRate.value)% "
                + "of at least \(health.minOutcomes.value) outcomes in \(DurationText.text(seconds: health.windowSeconds.value)); "
                + "ejection \(DurationText.text(seconds: health.ejectionSeconds.value)), at most \(DurationText.text(seconds: health.maxEjectionSeconds.value))")
        }
        return lines.joined(separator: "\n\n")
    }

    static func currency(_ code: String) -> String? {
        guard let entry = ISO4217.entries[code] else { return nil }
        return "**\(entry.code)**: \(entry.name) (ISO 4217), \(minorUnits(entry.minorUnits))"
    }

    static func money(_ money: Money) -> String {
        let name = ISO4217.entries[money.currency.rawValue].map { "\($0.name), \(minorUnits($0.minorUnits))" } ?? ""
        return "**\(money)**: \(money.minorUnits) minor units of \(money.currency) (\(name))"
    }

    static func minorUnits(_ count: Int) -> String {
        count == 0 ? "no minor unit" : "\(count) minor unit\(count == 1 ? "" : "s") (1 = \(intPow10(count)) minor units)"
    }

    private static func intPow10(_ exponent: Int) -> Int {
        (0..<min(exponent, 18)).reduce(1) { value, _ in value * 10 }
    }

    private static func region(_ code: RegionCode) -> String {
        "\(code) (\(code.name))"
    }
}
