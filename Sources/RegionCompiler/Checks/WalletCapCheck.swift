import GatewayConfig

/// A region's limits for a wallet, in the wallet's own currency, sit inside the wallet's caps from catalog.yaml:
/// the range a payment can actually have (the region's range intersected with the method's) must not promise
/// amounts the wallet refuses. Other currencies are not judged: comparing them would need an FX rate.
enum WalletCapCheck: RegionCheck {
    static func run(_ region: RegionDescriptor, catalog: Catalog) -> [Diagnostic] {
        let regionRanges = LimitCheck.rangesByCurrency(region.limits)
        var diagnostics: [Diagnostic] = []
        for method in region.methods {
            guard let id = method.method, let wallet = catalog.methods[id.value], let caps = wallet.caps else { continue }
            let currency = wallet.walletCurrency
            guard region.currencies(of: method).contains(currency) else { continue }
            let methodRange = LimitCheck.rangesByCurrency(method.limits)[currency]
            let ranges = [methodRange, regionRanges[currency]].compactMap { $0 }
            // Method limits come first, so on a tie the method's own `max:` / `min:` is the one named.
            let effectiveMax = ranges.compactMap(\.max).min { $0.value.minorUnits < $1.value.minorUnits }
            let effectiveMin = ranges.compactMap(\.min).max { $0.value.minorUnits < $1.value.minorUnits }
            func fix(_ bound: String, _ amount: Money, binding: Located<Money>) -> String {
                binding.location == methodRange?.max?.location || binding.location == methodRange?.min?.location
                    ? "\(bound == "max" ? "lower" : "raise") this `\(bound)` to \(amount) or \(bound == "max" ? "less" : "more")"
                    : "give \(id.value) its own `limits: { per_payment: [ { \(bound): \(amount) } ] }`, or change the region's `\(bound)`"
            }
            let source = caps.source.map { " (\($0.value))" } ?? ""
            if let (cap, kind) = caps.singlePaymentBound {
                let capText = "\(wallet.name) accepts at most \(cap.value) \(kind)"
                let note = RelatedNote(location: cap.location, message: "\(wallet.name)'s cap \(kind)\(source)")
                let narrowing = kind == "per payment" ? "" : ": no single payment can exceed it"
                if let max = effectiveMax {
                    if max.value.minorUnits > cap.value.minorUnits {
                        diagnostics.append(.error(.aboveWalletCap,
                            "\(id.value) payments up to \(max.value) are allowed here, above the wallet's cap of \(cap.value) \(kind)",
                            at: max.location, hint: "\(capText)\(narrowing); \(fix("max", cap.value, binding: max))",
                            related: [note]))
                    }
                } else {
                    diagnostics.append(.error(.aboveWalletCap,
                        "\(id.value) payments in \(currency) have no maximum here, but the wallet caps them at \(cap.value) \(kind)",
                        at: id.location,
                        hint: "\(capText)\(narrowing); add `limits: { per_payment: [ { max: \(cap.value) } ] }` to this method",
                        related: [note]))
                }
            }
            if let floor = caps.perPaymentMin {
                let note = RelatedNote(location: floor.location, message: "\(wallet.name)'s minimum per payment\(source)")
                if let min = effectiveMin {
                    if min.value.minorUnits < floor.value.minorUnits {
                        diagnostics.append(.error(.belowWalletMinimum,
                            "\(id.value) payments from \(min.value) are allowed here, below the wallet's minimum of \(floor.value)",
                            at: min.location, hint: "\(wallet.name) refuses payments under \(floor.value); \(fix("min", floor.value, binding: min))",
                            related: [note]))
                    }
                } else if floor.value.minorUnits > 1 {
                    diagnostics.append(.error(.belowWalletMinimum,
                        "\(id.value) payments in \(currency) have no minimum here, but the wallet's minimum is \(floor.value)",
                        at: id.location,
                        hint: "add `limits: { per_payment: [ { min: \(floor.value) } ] }` to this method", related: [note]))
                }
            }
        }
        return diagnostics
    }
}
