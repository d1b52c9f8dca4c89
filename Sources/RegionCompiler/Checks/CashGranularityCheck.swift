import GatewayConfig

/// Amounts in currencies that ISO 4217 gives minor units but that are paid in whole units in practice.
/// `1000.50 IDR` is valid ISO money, yet no wallet or bank moves half a rupiah: a warning, not an error.
enum CashGranularityCheck: RegionCheck {
    /// Currencies whose CLDR cash digits (or CLDR digits) are 0 while ISO 4217 gives them minor units.
    /// Source: Unicode CLDR 49, common/supplemental/supplementalData.xml, `<fractions>` (e.g.
    /// `<info iso4217="PKR" digits="2" rounding="0" cashDigits="0" cashRounding="0"/>`; IDR has digits="0").
    static let wholeUnitCurrencies: Set<String> = [
        "AFN", "ALL", "AMD", "COP", "CRC", "CZK", "GYD", "HUF", "IDR", "IQD", "IRR", "KPW", "LAK", "LBP",
        "MGA", "MMK", "MNT", "MUR", "NOK", "PKR", "RSD", "SEK", "SOS", "SYP", "TWD", "TZS", "UZS", "YER",
    ]

    static func run(_ region: RegionDescriptor, catalog: Catalog) -> [Diagnostic] {
        var amounts: [Located<Money>] = region.minimumPayout.map { [$0] } ?? []
        for limits in [region.limits] + region.methods.map(\.limits) {
            for range in limits?.ranges ?? [] { amounts += [range.min, range.max].compactMap { $0 } }
        }
        return amounts.compactMap(check)
    }

    static func check(_ amount: Located<Money>) -> Diagnostic? {
        let currency = amount.value.currency
        guard wholeUnitCurrencies.contains(currency.rawValue), currency.minorUnits > 0 else { return nil }
        var unit: Int64 = 1
        for _ in 0..<currency.minorUnits { unit *= 10 }
        let (whole, fraction) = amount.value.minorUnits.quotientAndRemainder(dividingBy: unit)
        guard fraction != 0 else { return nil }
        return .warning(.finerThanCash, "`\(amount.value)` has a fraction of a unit; \(currency) is paid in whole units",
                        at: amount.location,
                        hint: "\(currency) has \(currency.minorUnits) minor units in ISO 4217 but none in practice (CLDR cash digits 0): write `\(whole) \(currency)` or `\(whole + 1) \(currency)`")
    }
}
