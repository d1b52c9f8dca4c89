import GatewayConfig

/// Preparing an artifact region for deciding. A hand-edited artifact that breaks what the
/// compiler guarantees is refused here, by name.
extension CompiledRegion {
    /// Checks one artifact region's invariants and builds its lookup tables. `zones` caches a
    /// UTC offset table per time zone across the regions of one artifact.
    convenience init(validating region: RegionArtifact, key: String, catalog: CatalogArtifact,
                     calendars: [String: CalendarArtifact] = [:],
                     zones: inout [String: UTCOffsetTable]) throws(ArtifactError) {
        func broken(_ detail: String) -> ArtifactError { .invariant("region \(key): \(detail)") }
        // What the compiler guarantees, checked in one place for every reader of an artifact
        // (ArtifactInvariants); what follows checks only what building the tables needs.
        try ArtifactInvariants.check(region, key: key, catalog: catalog, calendars: calendars)
        let offsets = try Self.offsetTable(region.timezone, zones: &zones, broken: broken)
        let calendar = try Self.joinedCalendar(region, calendars: calendars, offsets: offsets, broken: broken)
        try Self.checkBounds(region, broken: broken)
        let methods = try Self.methods(of: region, catalog: catalog, broken: broken)
        try Self.checkRoutes(of: region, methods: methods, catalog: catalog, broken: broken)

        let availability = region.availability
        self.init(
            code: key, source: region.source, status: availability.status,
            window: Window(from: availability.from, until: availability.until),
            blackouts: (availability.blackouts ?? []).map { Window(from: $0.from, until: $0.until) },
            rolloutPercent: availability.rollout?.percent ?? 0,
            allow: Set(availability.rollout?.allow ?? []), deny: Set(availability.rollout?.deny ?? []),
            methods: methods, limits: try Self.ranges(region.limits, broken: broken),
            routes: region.routes.map { Route(name: $0.name, acquirer: $0.acquirer) },
            settlementCurrency: region.currencies.settlement, calendar: calendar,
            cutoffSecond: region.settlement.cutoff.secondsSinceMidnight,
            businessDays: region.settlement.businessDays)
    }

    /// The zone's offset table, built once per artifact.
    static func offsetTable(_ timezone: String, zones: inout [String: UTCOffsetTable],
                            broken: (String) -> ArtifactError) throws(ArtifactError) -> UTCOffsetTable {
        if let cached = zones[timezone] { return cached }
        guard let built = UTCOffsetTable(identifier: timezone) else { throw broken("unknown time zone `\(timezone)`") }
        zones[timezone] = built
        return built
    }

    /// The window, rollout percent, settlement days and route list are within what the compiler writes.
    static func checkBounds(_ region: RegionArtifact, broken: (String) -> ArtifactError) throws(ArtifactError) {
        let availability = region.availability
        if let from = availability.from, let until = availability.until, from >= until {
            throw broken("availability.from is not before availability.until")
        }
        let percent = availability.rollout?.percent ?? 0
        guard (0...100).contains(percent) else { throw broken("rollout percent \(percent) is outside 0...100") }
        guard (0...SettlementSchedule.maximumDays).contains(region.settlement.businessDays) else {
            throw broken("settlement.business_days \(region.settlement.businessDays) is outside 0...\(SettlementSchedule.maximumDays)")
        }
        guard !region.routes.isEmpty else { throw broken("no routes") }
    }

    /// The region's methods in descriptor order, each with the route it takes in each currency.
    static func methods(of region: RegionArtifact, catalog: CatalogArtifact,
                        broken: (String) -> ArtifactError) throws(ArtifactError) -> [Method] {
        let presentment = Set(region.currencies.presentment)
        var methods: [Method] = []
        var seen = Set<String>()
        for (index, method) in region.paymentMethods.enumerated() {
            guard let entry = catalog.paymentMethods[method.method] else {
                throw broken("payment method `\(method.method)` is not in the catalog")
            }
            guard seen.insert(method.method).inserted else { throw broken("payment method `\(method.method)` is listed twice") }
            for currency in method.currencies where !presentment.contains(currency) {
                throw broken("\(method.method) offers \(currency), which is not a presentment currency")
            }
            // The route each currency takes is decided here, once, by the artifact's own rule.
            var routeIndex = CurrencyTable<Int>()
            for currency in method.currencies {
                routeIndex[currency] = region.firstRoute(method: method.method, currency: currency)?.index
            }
            methods.append(Method(
                id: method.method, index: index, status: method.availability?.status, routeIndex: routeIndex,
                window: Window(from: method.availability?.from, until: method.availability?.until),
                currencies: method.currencies, limits: try ranges(method.limits, broken: broken),
                walletCurrency: entry.walletCurrency))
        }
        return methods
    }

    /// Every route's acquirer is in the catalog and every method it names is one the region offers.
    static func checkRoutes(of region: RegionArtifact, methods: [Method], catalog: CatalogArtifact,
                            broken: (String) -> ArtifactError) throws(ArtifactError) {
        let offered = Set(methods.map(\.id))
        for route in region.routes {
            guard catalog.acquirers[route.acquirer] != nil else {
                throw broken("route `\(route.name)` uses acquirer `\(route.acquirer)`, which is not in the catalog")
            }
            for name in route.match?.methods ?? [] where !offered.contains(name) {
                throw broken("route `\(route.name)` matches `\(name)`, which the region does not offer")
            }
        }
    }
    /// The join of the calendars the region's payouts follow, plus the region's own lists.
    static func joinedCalendar(_ region: RegionArtifact, calendars: [String: CalendarArtifact], offsets: UTCOffsetTable,
                               broken: (String) -> ArtifactError) throws(ArtifactError) -> BusinessCalendar {
        guard !region.settlement.calendars.isEmpty else { throw broken("settlement.calendars is empty") }
        var layers: [CalendarLayer] = []
        var halfDayLayers = Set<Int>()
        for market in region.settlement.calendars {
            guard let calendar = calendars[market.rawValue] else {
                throw broken("settlement follows calendar `\(market)`, which the artifact does not carry")
            }
            guard calendar.market == market else {
                throw broken("calendar keyed `\(market)` describes `\(calendar.market)`")
            }
            if let from = calendar.from, let through = calendar.through, from > through {
                throw broken("calendar \(market) runs from \(from) to \(through)")
            }
            // Half days are the region's own market's: its banks close early, so its captures do.
            if market == region.region { halfDayLayers.insert(layers.count) }
            layers.append(CalendarLayer(label: market.rawValue, weekend: calendar.weekend,
                                        holidays: calendar.holidays.map { ($0.date, $0.name) },
                                        halfDays: (calendar.halfDays ?? []).map { ($0.date, $0.cutoff, $0.name) },
                                        from: calendar.from, through: calendar.through))
        }
        // The region's own lists add to its calendars, unless they already are its market's calendar.
        let listsAreCalendar = calendars[region.region.rawValue]?.source == region.source
            && region.settlement.calendars.contains(region.region)
        if !listsAreCalendar, region.weekend?.isEmpty == false || region.holidays?.isEmpty == false {
            layers.append(CalendarLayer(label: region.source, weekend: region.weekend ?? [],
                                        holidays: (region.holidays ?? []).map { ($0, "holiday") }))
        }
        guard let calendar = BusinessCalendar(offsets: offsets, timeZone: region.timezone, layers: layers,
                                              halfDayLayers: halfDayLayers) else {
            throw broken("the weekends of its calendars cover every day")
        }
        return calendar
    }

    static func ranges(_ limits: LimitsArtifact?, broken: (String) -> ArtifactError) throws(ArtifactError)
        -> CurrencyTable<AmountRange> {
        var byCurrency = CurrencyTable<AmountRange>()
        for range in limits?.perPayment ?? [] {
            guard byCurrency[range.currency] == nil else { throw broken("two ranges for \(range.currency)") }
            let bounds = AmountRange(min: range.min ?? .min, max: range.max ?? .max)
            guard bounds.min <= bounds.max else { throw broken("a \(range.currency) range has min above max") }
            byCurrency[range.currency] = bounds
        }
        return byCurrency
    }
}
