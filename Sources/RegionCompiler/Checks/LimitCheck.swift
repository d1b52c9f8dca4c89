import GatewayConfig

/// Per-payment ranges: presentment currencies only, one per currency, min below max,
/// and a method's ranges inside the region's.
enum LimitCheck: RegionCheck {
    static func run(_ region: RegionDescriptor, catalog: Catalog) -> [Diagnostic] {
        let presentment = region.presentment.map(\.value)
        var diagnostics = checkRanges(region.limits, allowed: presentment, owner: "the region's presentment currencies")
        let regionRanges = rangesByCurrency(region.limits)
        for method in region.methods {
            guard let limits = method.limits else { continue }
            let methodName = method.method?.value ?? "this method"
            diagnostics += checkRanges(limits, allowed: region.currencies(of: method), owner: "the currencies of \(methodName)")
            for range in limits.ranges {
                guard let currency = range.currency, let outer = regionRanges[currency] else { continue }
                if let min = range.min, let outerMin = outer.min, min.value.minorUnits < outerMin.value.minorUnits {
                    diagnostics.append(.error(.methodLimitWidens,
                                              "\(methodName) `min` \(min.value) is below the region's min \(outerMin.value)",
                                              at: min.location, hint: "a method may narrow the region's limits, never widen them",
                                              related: [RelatedNote(location: outerMin.location, message: "region limit")]))
                }
                if let max = range.max, let outerMax = outer.max, max.value.minorUnits > outerMax.value.minorUnits {
                    diagnostics.append(.error(.methodLimitWidens,
                                              "\(methodName) `max` \(max.value) is above the region's max \(outerMax.value)",
                                              at: max.location, hint: "a method may narrow the region's limits, never widen them",
                                              related: [RelatedNote(location: outerMax.location, message: "region limit")]))
                }
            }
        }
        if let limits = region.limits, !limits.ranges.isEmpty {
            for currency in region.presentment where regionRanges[currency.value] == nil {
                diagnostics.append(.warning(.currencyWithoutLimit, "presentment currency `\(currency.value)` has no per-payment limit",
                                            at: currency.location, hint: "add a range for \(currency.value) to `limits.per_payment`"))
            }
        }
        return diagnostics
    }

    static func rangesByCurrency(_ limits: RegionDescriptor.Limits?) -> [CurrencyCode: RegionDescriptor.Range] {
        var byCurrency: [CurrencyCode: RegionDescriptor.Range] = [:]
        for range in limits?.ranges ?? [] {
            if let currency = range.currency, byCurrency[currency] == nil { byCurrency[currency] = range }
        }
        return byCurrency
    }

    static func checkRanges(_ limits: RegionDescriptor.Limits?, allowed: [CurrencyCode], owner: String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var seen: [CurrencyCode: SourceLocation] = [:]
        for range in limits?.ranges ?? [] {
            guard let currency = range.currency else { continue }
            if !allowed.isEmpty, !allowed.contains(currency) {
                diagnostics.append(.error(.limitCurrencyNotPresented, "a limit in \(currency), which is not one of \(owner)",
                                          at: range.firstAmountLocation,
                                          hint: "limits apply to [\(allowed.map(\.rawValue).joined(separator: ", "))]"))
            }
            if let first = seen[currency] {
                diagnostics.append(.error(.duplicateLimitCurrency, "a second range for \(currency)", at: range.firstAmountLocation,
                                          hint: "merge the two ranges into one",
                                          related: [RelatedNote(location: first, message: "first range for \(currency)")]))
            } else {
                seen[currency] = range.firstAmountLocation
            }
            if let min = range.min, let max = range.max,
               !AmountRangeRule.isOrdered(min: min.value.minorUnits, max: max.value.minorUnits) {
                diagnostics.append(.error(.minNotBelowMax, "`min` \(min.value) is not below `max` \(max.value)", at: min.location,
                                          hint: "swap them, or fix the amount"))
            }
        }
        return diagnostics
    }
}
