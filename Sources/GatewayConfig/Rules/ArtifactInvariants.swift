/// What the compiler guarantees about every artifact it writes, checked where an artifact is read
/// (`ArtifactLoader`, and `Router` for an artifact built in memory). Each broken guarantee is an
/// `ArtifactError.invariant` naming the region and the field; the first one found is reported.
///
/// Checked: `format_version`; regions keyed by their code; presentment currencies listed, none
/// twice; weekend days not repeated and not all seven; holidays not repeated; availability
/// `from` before `until`; rollout percent 0...100 and, with allow, only on a pilot; allow and
/// deny disjoint; blackouts not inverted, at most 14 days, not overlapping; limits: one range a
/// presentment currency, min and max not negative, min not above max, a method's range inside the
/// region's; methods in the catalog, listed once, offering a non-empty subset of presentment, and
/// never reaching further than the region (status and window); routes: at least one, names
/// unique, acquirers in the catalog and able to settle the settlement currency, match lists
/// non-empty and naming offered methods and presentment currencies, none shadowed by an earlier
/// route, and every offered (method, currency) pair reaching one; settlement: `schedule` and
/// `business_days` agreeing (T+0 ... T+10), minimum payout in the settlement currency and not
/// negative, calendars named and carried, each keyed by its market and not running backwards.
package enum ArtifactInvariants {
    /// `formats`: the versions the reader accepts (review tools read format 1, which has no calendars).
    package static func check(_ artifact: GatewayArtifact,
                              formats: ClosedRange<Int> = GatewayArtifact.currentFormatVersion...GatewayArtifact.currentFormatVersion)
        throws(ArtifactError) {
        guard formats.contains(artifact.formatVersion) else {
            throw .unsupportedFormatVersion(found: artifact.formatVersion, supported: GatewayArtifact.currentFormatVersion)
        }
        for (market, calendar) in artifact.calendars {
            func broken(_ detail: String) -> ArtifactError { .invariant("calendar \(market): \(detail)") }
            guard calendar.market.rawValue == market else { throw broken("keyed as `\(market)` but describes `\(calendar.market)`") }
            try unique(calendar.weekend, "weekend day", broken)
            guard calendar.weekend.count < 7 else { throw broken("the weekend covers every day") }
            try unique(calendar.holidays.map(\.date), "holiday", broken)
            if let from = calendar.from, let through = calendar.through, from > through {
                throw broken("runs from \(from) to \(through)")
            }
        }
        for key in artifact.regions.keys.sorted() {
            guard let region = artifact.regions[key] else { continue }
            try check(region, key: key, catalog: artifact.catalog, calendars: artifact.calendars,
                      hasCalendars: artifact.formatVersion >= 2)
        }
    }

    /// One region's invariants, against the catalog and calendars of its artifact.
    package static func check(_ region: RegionArtifact, key: String, catalog: CatalogArtifact,
                              calendars: [String: CalendarArtifact], hasCalendars: Bool = true) throws(ArtifactError) {
        func broken(_ detail: String) -> ArtifactError { .invariant("region \(key): \(detail)") }
        guard key == region.region.rawValue else { throw broken("keyed as `\(key)` but describes `\(region.region)`") }

        let presentment = region.currencies.presentment
        guard !presentment.isEmpty else { throw broken("currencies.presentment is empty") }
        try unique(presentment, "presentment currency", broken)
        try unique(region.weekend ?? [], "weekend day", broken)
        guard (region.weekend ?? []).count < 7 else { throw broken("the weekend covers every day") }
        try unique(region.holidays ?? [], "holiday", broken)

        try checkAvailability(region.availability, broken)
        try checkSettlement(region, calendars: calendars, hasCalendars: hasCalendars, broken)
        let regionRanges = try ranges(region.limits, presentment: presentment, field: "limits", broken)
        try checkMethods(region, catalog: catalog, regionRanges: regionRanges, broken)
        try checkRoutes(region, catalog: catalog, broken)
    }

    static func checkAvailability(_ availability: AvailabilityArtifact, _ broken: (String) -> ArtifactError) throws(ArtifactError) {
        if let from = availability.from, let until = availability.until, from >= until {
            throw broken("availability.from \(from) is not before availability.until \(until)")
        }
        if let rollout = availability.rollout {
            guard (0...100).contains(rollout.percent) else { throw broken("rollout percent \(rollout.percent) is outside 0...100") }
            if availability.status != .pilot, rollout.percent != 0 || !rollout.allow.isEmpty {
                throw broken("a rollout percent or allow list on status \(availability.status.rawValue) (only a pilot has one)")
            }
            if let both = Set(rollout.allow).intersection(rollout.deny).sorted().first {
                throw broken("merchant `\(both)` is both allowed and denied")
            }
        }
        let blackouts = (availability.blackouts ?? []).sorted { $0.from < $1.from }
        for (index, blackout) in blackouts.enumerated() {
            guard blackout.from < blackout.until else { throw broken("a blackout from \(blackout.from) is not before its until \(blackout.until)") }
            guard blackout.until.secondsSinceEpoch - blackout.from.secondsSinceEpoch <= 14 * 86_400 else {
                throw broken("a blackout from \(blackout.from) lasts longer than 14 days")
            }
            if index > 0, blackouts[index - 1].until > blackout.from {
                throw broken("the blackouts from \(blackouts[index - 1].from) and \(blackout.from) overlap")
            }
        }
    }

    static func checkSettlement(_ region: RegionArtifact, calendars: [String: CalendarArtifact], hasCalendars: Bool,
                                _ broken: (String) -> ArtifactError) throws(ArtifactError) {
        let settlement = region.settlement
        guard let schedule = SettlementSchedule(businessDays: settlement.businessDays) else {
            throw broken("settlement.business_days \(settlement.businessDays) is outside 0...\(SettlementSchedule.maximumDays)")
        }
        guard settlement.schedule == schedule.description else {
            throw broken("settlement.schedule `\(settlement.schedule)` disagrees with business_days \(settlement.businessDays)")
        }
        if let payout = settlement.minimumPayout {
            guard payout.currency == region.currencies.settlement else {
                throw broken("settlement.minimum_payout is in \(payout.currency), not the settlement currency \(region.currencies.settlement)")
            }
            guard payout.amount >= 0 else { throw broken("settlement.minimum_payout is negative") }
        }
        guard hasCalendars else { return }
        guard !settlement.calendars.isEmpty else { throw broken("settlement.calendars is empty") }
        try unique(settlement.calendars, "settlement calendar", broken)
        for market in settlement.calendars where calendars[market.rawValue] == nil {
            throw broken("settlement follows calendar `\(market)`, which the artifact does not carry")
        }
    }

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
            if let min = range.min, let max = range.max, min > max {
                throw broken("\(field) has a \(range.currency) range with min above max")
            }
            byCurrency[range.currency] = (range.min, range.max)
        }
        return byCurrency
    }

    static func checkMethods(_ region: RegionArtifact, catalog: CatalogArtifact, regionRanges: [CurrencyCode: (min: Int64?, max: Int64?)],
                             _ broken: (String) -> ArtifactError) throws(ArtifactError) {
        guard !region.paymentMethods.isEmpty else { throw broken("no payment methods") }
        var seen = Set<String>()
        for method in region.paymentMethods {
            let name = method.method
            guard catalog.paymentMethods[name] != nil else { throw broken("payment method `\(name)` is not in the catalog") }
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
                guard availability.status.reach <= region.availability.status.reach else {
                    throw broken("\(name) is \(availability.status.rawValue) in a \(region.availability.status.rawValue) region")
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
        }
    }

    static func checkRoutes(_ region: RegionArtifact, catalog: CatalogArtifact,
                            _ broken: (String) -> ArtifactError) throws(ArtifactError) {
        guard !region.routes.isEmpty else { throw broken("no routes") }
        let settlement = region.currencies.settlement
        let offered = Set(region.paymentMethods.map(\.method))
        var names = Set<String>()
        for (index, route) in region.routes.enumerated() {
            guard names.insert(route.name).inserted else { throw broken("route name `\(route.name)` is used twice") }
            guard let acquirer = catalog.acquirers[route.acquirer] else {
                throw broken("route `\(route.name)` uses acquirer `\(route.acquirer)`, which is not in the catalog")
            }
            guard acquirer.settlementCurrencies.contains(settlement) else {
                throw broken("route `\(route.name)`'s acquirer `\(route.acquirer)` cannot settle \(settlement)")
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

    static func unique<T: Hashable>(_ values: [T], _ what: String,
                                                               _ broken: (String) -> ArtifactError) throws(ArtifactError) {
        var seen = Set<T>()
        for value in values where !seen.insert(value).inserted { throw broken("\(what) \(value) is listed twice") }
    }
}
