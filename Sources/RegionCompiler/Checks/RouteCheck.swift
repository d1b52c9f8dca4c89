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

    static func checkSettlement(_ region: RegionDescriptor, catalog: Catalog) -> [Diagnostic] {
        guard let settlement = region.settlementCurrency else { return [] }
        return region.routes.compactMap { route -> Diagnostic? in
            guard route.enabled, let id = route.acquirer, let acquirer = catalog.acquirers[id.value],
                  !acquirer.settlementCurrencies.contains(settlement.value) else { return nil }
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
        var pairs: [(pair: Pair, location: SourceLocation)] = []
        let presentment = Set(region.presentment.map(\.value))
        for method in region.methods {
            guard let id = method.method else { continue }
            for currency in region.currencies(of: method) where presentment.contains(currency) {
                pairs.append((Pair(method: id.value, currency: currency), id.location))
            }
        }
        guard !pairs.isEmpty, region.routes.allSatisfy(\.matchIsReadable) else { return [] }
        var claimedBy: [Pair: String] = [:]
        var diagnostics: [Diagnostic] = []
        for (index, route) in region.routes.enumerated() where route.enabled {
            let name = route.name?.value ?? "#\(index + 1)"
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
        for (pair, location) in pairs where claimedBy[pair] == nil {
            diagnostics.append(.error(.uncoveredPair, "\(pair.method) in \(pair.currency) matches no route", at: location,
                                      hint: "add a route for it, or end `routes` with a catch-all route (one without `match`)"))
        }
        return diagnostics
    }

    static func matches(_ route: RegionDescriptor.Route, _ pair: Pair) -> Bool {
        RouteMatchArtifact.matches(methods: route.methods?.lazy.map(\.value), currencies: route.currencies?.lazy.map(\.value),
                                   method: pair.method, currency: pair.currency)
    }
}
