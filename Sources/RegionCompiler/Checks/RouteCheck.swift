import GatewayConfig

/// Routes: unique names, matches that refer to what the region offers, acquirers that can
/// settle the region's currency, no unreachable route, and every offered payment routed.
enum RouteCheck: RegionCheck {
    /// One payment shape a region offers: a method in one of its currencies.
    struct Pair: Hashable {
        let method: String
        let currency: CurrencyCode
    }

    static func run(_ region: RegionDescriptor, catalog: Catalog) -> [Diagnostic] {
        var diagnostics = checkNames(region) + checkMatches(region, catalog: catalog)
        diagnostics += checkSettlement(region, catalog: catalog)
        diagnostics += checkReachability(region)
        return diagnostics
    }

    static func checkNames(_ region: RegionDescriptor) -> [Diagnostic] {
        Diagnostic.repeats(in: region.routes, key: \.name, code: .duplicateRouteName, { "route name `\($0)` is used twice" },
                           hint: "give each route its own name; reports and traces refer to it", firstNote: "first used here")
    }

    static func checkMatches(_ region: RegionDescriptor, catalog: Catalog) -> [Diagnostic] {
        let offered = Set(region.methods.compactMap { $0.method?.value })
        let presentment = Set(region.presentment.map(\.value))
        var diagnostics: [Diagnostic] = []
        for route in region.routes {
            for method in route.methods ?? [] where !offered.contains(method.value) && catalog.methods[method.value] != nil {
                diagnostics.append(.error(.routeMethodNotOffered, "route matches `\(method.value)`, which this region does not offer",
                                          at: method.location,
                                          hint: "offered: \(offered.sorted().joined(separator: ", ")); add it to `payment_methods` or drop it here"))
            }
            for currency in route.currencies ?? [] where !presentment.isEmpty && !presentment.contains(currency.value) {
                diagnostics.append(.error(.routeCurrencyNotPresented,
                                          "route matches `\(currency.value)`, which is not a presentment currency",
                                          at: currency.location,
                                          hint: "presentment currencies: \(region.presentment.map(\.value.rawValue).joined(separator: ", "))"))
            }
        }
        return diagnostics
    }

    /// The primary and each fallback settle the region's settlement currency: a fallback that
    /// cannot would pay the merchant in another currency the moment it is used.
    static func checkSettlement(_ region: RegionDescriptor, catalog: Catalog) -> [Diagnostic] {
        guard let settlement = region.settlementCurrency else { return [] }
        return region.routes.filter(\.enabled).flatMap(\.candidates).compactMap { id -> Diagnostic? in
            guard let acquirer = catalog.acquirers[id.value], !acquirer.settlementCurrencies.contains(settlement.value) else { return nil }
            let able = catalog.acquirers.values.filter { $0.settlementCurrencies.contains(settlement.value) }.map(\.id.value).sorted()
            let can = acquirer.settlementCurrencies.map(\.rawValue).joined(separator: ", ")
            return .error(.acquirerCannotSettle,
                          "acquirer `\(id.value)` cannot settle \(settlement.value), the region's settlement currency (it settles \(can))",
                          at: id.location,
                          hint: able.isEmpty ? "no acquirer in catalog.yaml settles \(settlement.value)"
                              : "acquirers that settle \(settlement.value): \(able.joined(separator: ", "))",
                          related: [RelatedNote(location: settlement.location, message: "settlement currency")])
        }
    }

    /// Walks routes in order over every offered pair: a route that gets no pair is unreachable;
    /// a pair no route gets is unrouted.
    static func checkReachability(_ region: RegionDescriptor) -> [Diagnostic] {
        let pairs = offeredPairs(region)
        guard !pairs.isEmpty, region.routes.allSatisfy(\.matchIsReadable) else { return [] }
        var claimedBy: [Pair: String] = [:]
        var diagnostics: [Diagnostic] = []
        for (index, route) in region.routes.enumerated() where route.enabled {
            let name = routeName(route, index: index)
            let matched = pairs.map(\.pair).filter { matches(route, $0) }
            let fresh = matched.filter { claimedBy[$0] == nil }
            for pair in fresh { claimedBy[pair] = name }
            guard fresh.isEmpty else { continue }
            let message: String
            if matched.isEmpty {
                message = "route `\(name)` matches no payment this region offers"
            } else {
                let earlier = Set(matched.compactMap { claimedBy[$0] }).sorted().map { "`\($0)`" }.joined(separator: ", ")
                message = "route `\(name)` is unreachable: every payment it matches is taken by \(earlier)"
            }
            diagnostics.append(.error(.shadowedRoute, message, at: route.location,
                                      hint: "first match wins: move it above the routes that take its payments, narrow them, or remove it"))
        }
        for (pair, location, _) in pairs where claimedBy[pair] == nil {
            diagnostics.append(.error(.uncoveredPair, "\(pair.method) in \(pair.currency) matches no route", at: location,
                                      hint: "add a route for it, or end `routes` with a catch-all route (one without `match`)"))
        }
        return diagnostics
    }

    /// Every (method, currency) pair the region lists, with the method entry and where its id is.
    static func offeredPairs(_ region: RegionDescriptor) -> [(pair: Pair, location: SourceLocation, method: RegionDescriptor.Method)] {
        let presentment = Set(region.presentment.map(\.value))
        return region.methods.flatMap { method in
            method.method.map { id in
                region.currencies(of: method).filter(presentment.contains).map { (Pair(method: id.value, currency: $0), id.location, method) }
            } ?? []
        }
    }

    /// The pairs of `pairs` each enabled route takes, first match wins, by route index (in pair order).
    static func claims(_ region: RegionDescriptor, pairs: [Pair]) -> [Int: [Pair]] {
        var taken = Set<Pair>()
        var claims: [Int: [Pair]] = [:]
        for (index, route) in region.routes.enumerated() where route.enabled {
            let fresh = pairs.filter { !taken.contains($0) && matches(route, $0) }
            taken.formUnion(fresh)
            if !fresh.isEmpty { claims[index] = fresh }
        }
        return claims
    }

    /// A route's name for messages: its own, or its position when the name could not be read.
    static func routeName(_ route: RegionDescriptor.Route, index: Int) -> String { route.name?.value ?? "#\(index + 1)" }

    static func matches(_ route: RegionDescriptor.Route, _ pair: Pair) -> Bool {
        RouteMatchArtifact.matches(methodListed: route.methods.map { $0.contains { $0.value == pair.method } },
                                   currencyListed: route.currencies.map { $0.contains { $0.value == pair.currency } })
    }
}
