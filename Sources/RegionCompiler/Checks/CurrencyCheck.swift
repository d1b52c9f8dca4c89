import GatewayConfig

/// Method currencies are presentment currencies, the payout is in the settlement currency,
/// and every presentment currency is offered by some method.
enum CurrencyCheck: RegionCheck {
    static func run(_ region: RegionDescriptor, catalog: Catalog) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let presentment = Set(region.presentment.map(\.value))
        let presentmentText = region.presentment.map(\.value.rawValue).joined(separator: ", ")
        for method in region.methods {
            for currency in method.currencies ?? [] where !presentment.isEmpty && !presentment.contains(currency.value) {
                diagnostics.append(.error(.methodCurrencyNotPresented,
                                          "`\(currency.value)` is not a presentment currency of \(region.region?.value.rawValue ?? "this region")",
                                          at: currency.location,
                                          hint: "presentment currencies are [\(presentmentText)]; add it to `currencies.presentment` or remove it here"))
            }
        }
        if let payout = region.minimumPayout, let settlement = region.settlementCurrency,
           payout.value.currency != settlement.value {
            diagnostics.append(.error(.payoutNotInSettlementCurrency,
                                      "`minimum_payout` is in \(payout.value.currency) but the region settles in \(settlement.value)",
                                      at: payout.location, hint: "write the payout in \(settlement.value)"))
        }
        let offered = Set(region.methods.flatMap { region.currencies(of: $0) })
        if !region.methods.isEmpty {
            for currency in region.presentment where !offered.contains(currency.value) {
                diagnostics.append(.warning(.currencyNotOffered, "no payment method offers presentment currency `\(currency.value)`",
                                            at: currency.location, hint: "add it to a method's `currencies`, or drop it"))
            }
        }
        return diagnostics
    }
}
