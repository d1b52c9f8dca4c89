import GatewayConfig

/// Preparing a checked artifact region for deciding. `ArtifactInvariants` has proved everything
/// the tables need (and hands over what it found: the time zone, each method's catalog entry,
/// the calendars followed), so building them cannot fail and checks nothing again.
extension CompiledRegion {
    /// Builds one region's lookup tables. `zones` caches a UTC offset table per time zone across
    /// the regions of one artifact.
    convenience init(_ checked: CheckedRegion, catalog: CatalogArtifact, health: HealthTracker?,
                     zones: inout [String: UTCOffsetTable]) {
        let region = checked.region
        let availability = region.availability
        let phases = availability.phases.map { phase in
            Phase(start: phase.start?.secondsSinceEpoch ?? .min, stepIndex: phase.stepIndex, status: phase.status,
                  blackouts: (phase.blackouts ?? []).map { Window(from: $0.from, until: $0.until) },
                  rolloutPercent: phase.rollout?.percent ?? 0,
                  allow: Set(phase.rollout?.allow ?? []), deny: Set(phase.rollout?.deny ?? []))
        }
        self.init(
            code: region.region.rawValue, source: region.source,
            window: Window(from: availability.from, until: availability.until),
            // `phases` always holds the base first.
            basePhase: phases[0], laterPhases: Array(phases.dropFirst()),
            methods: Self.methods(of: checked), limits: Self.ranges(region.limits),
            routes: Self.routes(region.routes, catalog: catalog, health: health),
            settlementCurrency: region.currencies.settlement,
            calendar: Self.joinedCalendar(checked, offsets: Self.offsetTable(checked, zones: &zones)),
            cutoffSecond: region.settlement.cutoff.secondsSinceMidnight,
            businessDays: region.settlement.businessDays)
    }

    /// The routes with their acquirers; the invariants proved every id is in the catalog.
    static func routes(_ routes: [RouteArtifact], catalog: CatalogArtifact, health: HealthTracker?) -> [Route] {
        routes.enumerated().map { index, route in
            let ids = route.candidates
            let candidates = ids.map { id in
                let entry = catalog.acquirers[id]
                return Candidate(id: id, disabled: entry?.enabled == false,
                                 health: health?.health(of: id, policy: entry?.health))
            }
            return Route(name: route.name, index: index, candidates: candidates)
        }
    }

    /// The zone's offset table, built once per artifact.
    static func offsetTable(_ checked: CheckedRegion, zones: inout [String: UTCOffsetTable]) -> UTCOffsetTable {
        if let cached = zones[checked.region.timezone] { return cached }
        let built = UTCOffsetTable(zone: checked.timeZone)
        zones[checked.region.timezone] = built
        return built
    }

    /// The region's methods in descriptor order, each with the route it takes in each currency.
    static func methods(of checked: CheckedRegion) -> [Method] {
        let region = checked.region
        return checked.methods.enumerated().map { index, checkedMethod in
            let method = checkedMethod.method
            // The route each currency takes is decided here, once, by the artifact's own rule.
            var routeIndex = CurrencyTable<Int>()
            for currency in method.currencies {
                routeIndex[currency] = region.firstRoute(method: method.method, currency: currency)?.index
            }
            return Method(
                id: method.method, index: index, status: method.availability?.status,
                laterStatuses: (method.availability?.schedule ?? []).map { ($0.at.secondsSinceEpoch, $0.status) },
                routeIndex: routeIndex,
                window: Window(from: method.availability?.from, until: method.availability?.until),
                currencies: method.currencies, limits: ranges(method.limits),
                walletCurrency: checkedMethod.catalogEntry.walletCurrency)
        }
    }

    /// The join of the calendars the region's payouts follow, plus the region's own lists when
    /// they are a layer of their own.
    static func joinedCalendar(_ checked: CheckedRegion, offsets: UTCOffsetTable) -> BusinessCalendar {
        let region = checked.region
        var layers: [CalendarLayer] = []
        var halfDayLayers = Set<Int>()
        for calendar in checked.calendars {
            // Half days are the region's own market's: its banks close early, so its captures do.
            if calendar.market == region.region { halfDayLayers.insert(layers.count) }
            layers.append(CalendarLayer(label: calendar.market.rawValue, weekend: calendar.weekend,
                                        holidays: calendar.holidays.map { ($0.date, $0.name) },
                                        halfDays: (calendar.halfDays ?? []).map { ($0.date, $0.cutoff, $0.name) },
                                        from: calendar.from, through: calendar.through))
        }
        if checked.ownListsAreALayer {
            layers.append(CalendarLayer(label: region.source, weekend: region.weekend ?? [],
                                        holidays: (region.holidays ?? []).map { ($0, "holiday") }))
        }
        return BusinessCalendar(offsets: offsets, timeZone: region.timezone, layers: layers, weekend: checked.weekend,
                                halfDayLayers: halfDayLayers)
    }

    /// The per-payment ranges by currency; an absent bound is open.
    static func ranges(_ limits: LimitsArtifact?) -> CurrencyTable<AmountRange> {
        var byCurrency = CurrencyTable<AmountRange>()
        for range in limits?.perPayment ?? [] {
            byCurrency[range.currency] = AmountRange(min: range.min ?? .min, max: range.max ?? .max)
        }
        return byCurrency
    }
}
