/// The offer invariants of one region: per-payment ranges, payment methods and routes.
extension ArtifactInvariants {
    /// The ranges by currency; nil bounds are open.
    static func ranges(_ limits: LimitsArtifact?, presentment: [CurrencyCode], field: String,
                       _ broken: (String) -> ArtifactError) throws(ArtifactError) -> [CurrencyCode: (min: Int64?, max: Int64?)] {
        var byCurrency: [CurrencyCode: (min: Int64?, max: Int64?)] = [:]
        for range in limits?.perPayment ?? [] {
            guard byCurrency[range.currency] == nil else { throw broken("\(field) has two ranges for \(range.currency)") }
            guard presentment.contains(range.currency) else {
                throw broken("\(field) has a range in \(range.currency), which is not a presentment currency")
            }
            guard range.min != nil || range.max != nil else { throw broken("\(field) has a \(range.currency) range with neither min nor max") }
            if let min = range.min, min < 0 { throw broken("\(field) has a negative \(range.currency) min (\(min))") }
            if let max = range.max, max < 0 { throw broken("\(field) has a negative \(range.currency) max (\(max))") }
            if let min = range.min, let max = range.max, !AmountRangeRule.isOrdered(min: min, max: max) {
                throw broken("\(field) has a \(range.currency) range whose min \(min) is not below its max \(max)")
            }
            byCurrency[range.currency] = (range.min, range.max)
        }
        return byCurrency
    }

    /// The region's methods with their catalog entries.
    static func checkMethods(_ region: RegionArtifact, catalog: CatalogArtifact, regionRanges: [CurrencyCode: (min: Int64?, max: Int64?)],
                             _ broken: (String) -> ArtifactError) throws(ArtifactError) -> [CheckedMethod] {
        guard !region.paymentMethods.isEmpty else { throw broken("no payment methods") }
        var seen = Set<String>()
        var checked: [CheckedMethod] = []
        for method in region.paymentMethods {
            let name = method.method
            guard let entry = catalog.paymentMethods[name] else { throw broken("payment method `\(name)` is not in the catalog") }
            guard seen.insert(name).inserted else { throw broken("payment method `\(name)` is listed twice") }
            guard !method.currencies.isEmpty else { throw broken("\(name) offers no currency") }
            try unique(method.currencies, "\(name) currency", broken)
            for currency in method.currencies where !region.currencies.presentment.contains(currency) {
                throw broken("\(name) offers \(currency), which is not a presentment currency")
            }
            let own = try ranges(method.limits, presentment: region.currencies.presentment, field: "\(name) limits", broken)
            for (currency, bounds) in own {
                guard let outer = regionRanges[currency] else { continue }
                // As the compiler judges it: a bound the method sets may not pass the region's.
                if let min = bounds.min, let outerMin = outer.min, min < outerMin {
                    throw broken("\(name)'s \(currency) min is below the region's (wider than the region's)")
                }
                if let max = bounds.max, let outerMax = outer.max, max > outerMax {
                    throw broken("\(name)'s \(currency) max is above the region's (wider than the region's)")
                }
            }
            if let availability = method.availability {
                if let widening = ScheduleRule.firstWidening(method: availability.statusPhases, region: region.availability.statusPhases) {
                    throw broken("\(name) is \(widening.method.rawValue) in a \(widening.region.rawValue) region"
                                 + (widening.at.map { " from \($0)" } ?? ""))
                }
                if let step = outOfOrderStep((availability.schedule ?? []).map(\.at), from: availability.from, until: availability.until) {
                    throw broken("\(name)'s availability.schedule[\(step.index)] at \(step.at) is out of order or outside its window")
                }
                if let from = availability.from, let until = availability.until, from >= until {
                    throw broken("\(name)'s availability.from is not before its until")
                }
                if let regionFrom = region.availability.from, (availability.from ?? regionFrom) < regionFrom {
                    throw broken("\(name) is available before its region")
                }
                if let regionUntil = region.availability.until, (availability.until ?? regionUntil) > regionUntil {
                    throw broken("\(name) is available after its region")
                }
            }
            checked.append(CheckedMethod(method: method, catalogEntry: entry))
        }
        return checked
    }

    static func checkRoutes(_ region: RegionArtifact, catalog: CatalogArtifact,
                            _ broken: (String) -> ArtifactError) throws(ArtifactError) {
        guard !region.routes.isEmpty else { throw broken("no routes") }
        let settlement = region.currencies.settlement
        let offered = Set(region.paymentMethods.map(\.method))
        var names = Set<String>()
        for route in region.routes {
            guard names.insert(route.name).inserted else { throw broken("route name `\(route.name)` is used twice") }
            let candidates = route.candidates
            guard !RouteCandidatesRule.isTooMany(candidates.count) else {
                throw broken("route `\(route.name)` names \(candidates.count) acquirers (at most \(RouteCandidatesRule.maximum))")
            }
            if route.fallback?.isEmpty == true { throw broken("route `\(route.name)` has an empty fallback") }
            if let repeated = RouteCandidatesRule.repeats(candidates).first {
                throw broken("route `\(route.name)` names acquirer `\(repeated.id)` twice")
            }
            for id in candidates {
                guard let acquirer = catalog.acquirers[id] else {
                    throw broken("route `\(route.name)` uses acquirer `\(id)`, which is not in the catalog")
                }
                guard acquirer.settlementCurrencies.contains(settlement) else {
                    throw broken("route `\(route.name)`'s acquirer `\(id)` cannot settle \(settlement)")
                }
            }
            if let methods = route.match?.methods {
                guard !methods.isEmpty else { throw broken("route `\(route.name)` has an empty match.methods (it would match nothing)") }
                for name in methods where !offered.contains(name) {
                    throw broken("route `\(route.name)` matches `\(name)`, which the region does not offer")
                }
            }
            if let currencies = route.match?.currencies {
                guard !currencies.isEmpty else { throw broken("route `\(route.name)` has an empty match.currencies (it would match nothing)") }
                for currency in currencies where !region.currencies.presentment.contains(currency) {
                    throw broken("route `\(route.name)` matches \(currency), which is not a presentment currency")
                }
            }
        }
        // Walk the routes over every listed (method, currency) pair, as the compiler does: a route
        // that takes no pair is unreachable, a pair no route takes is unrouted.
        let pairs = region.paymentMethods.flatMap { method in method.currencies.map { Pair(method: method.method, currency: $0) } }
        var taken = Set<Pair>()
        for route in region.routes {
            var fresh = false
            for pair in pairs where route.matches(method: pair.method, currency: pair.currency) {
                if taken.insert(pair).inserted { fresh = true }
            }
            guard fresh else { throw broken("route `\(route.name)` is unreachable: earlier routes take every payment it matches") }
        }
        for pair in pairs where !taken.contains(pair) {
            throw broken("no route takes \(pair.method) in \(pair.currency)")
        }
    }

    struct Pair: Hashable {
        let method: String
        let currency: CurrencyCode
    }
}
