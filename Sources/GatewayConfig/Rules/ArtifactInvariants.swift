import Foundation

/// What the compiler guarantees about every artifact it writes, checked where an artifact is read
/// (`ArtifactLoader`, and `CheckoutRouter` for an artifact built in memory), once: what a router needs
/// from the checks comes back typed in a `CheckedArtifact`. Each broken guarantee is an
/// `ArtifactError.invariant` naming the region and the field; the first one found is reported.
///
/// Checked: `format_version`; regions keyed by their code; an IANA time zone; presentment
/// currencies listed, none twice; weekend days not repeated and not all seven; holidays not
/// repeated; availability `from` before `until`; rollout percent 0...100 and, with allow, only on
/// a pilot; allow and deny disjoint (in every phase of the schedule, whose steps run forward inside
/// [from, until) and none inside a change freeze); blackouts not inverted, at most 14 days (`BlackoutRule`), not
/// overlapping; limits: one range a presentment currency, min and max not negative, min below max
/// (`AmountRangeRule`), a method's range inside the region's; methods in the catalog, listed once,
/// offering a non-empty subset of presentment, and never reaching further than the region (status
/// and window); routes: at least one, names unique, acquirers in the catalog and able to settle the
/// settlement currency (the primary and each fallback, none twice, at most 64), health policies
/// within `HealthPolicyRule`, match lists non-empty and naming offered methods and presentment
/// currencies, none shadowed by an earlier route, and every offered (method, currency) pair
/// reaching one; settlement: `schedule` and `business_days` agreeing (T+0 ... T+10), minimum payout
/// in the settlement currency and not negative, calendars named and carried, each keyed by its
/// market and not running backwards, and their weekends joined with the region's own lists
/// (`SettlementCalendarRule`) leaving a business day (`JoinedWeekend`).
package enum ArtifactInvariants {
    /// Checks an artifact of the current format, the one a router reads: the only way to a `CheckedArtifact`.
    package static func check(_ artifact: GatewayArtifact) throws(ArtifactError) -> CheckedArtifact {
        guard artifact.formatVersion == GatewayArtifact.currentFormatVersion else {
            throw .unsupportedFormatVersion(found: artifact.formatVersion, supported: GatewayArtifact.currentFormatVersion)
        }
        try checkCalendars(artifact.calendars)
        try checkAcquirers(artifact.catalog)
        var regions: [CheckedRegion] = []
        for key in artifact.regions.keys.sorted() {
            guard let region = artifact.regions[key] else { continue }
            func broken(_ detail: String) -> ArtifactError { .invariant("region \(key): \(detail)") }
            let (timeZone, methods) = try check(region, key: key, catalog: artifact.catalog, broken)
            let payout = try payoutCalendars(region, calendars: artifact.calendars, broken)
            regions.append(CheckedRegion(region: region, timeZone: timeZone, methods: methods, calendars: payout.calendars,
                                         ownListsAreALayer: payout.ownListsAreALayer, weekend: payout.weekend))
        }
        return CheckedArtifact(artifact: artifact, regions: regions)
    }

    /// Checks an artifact review tools read (`ArtifactLoader.reviewFormats`): format 1 carries no
    /// calendars, so the checks that need them are skipped; the current format is checked in full,
    /// and what that check found is returned, so a router needs no second check.
    package static func checkForReview(_ artifact: GatewayArtifact) throws(ArtifactError) -> CheckedArtifact? {
        guard artifact.formatVersion != GatewayArtifact.currentFormatVersion else { return try check(artifact) }
        guard ArtifactLoader.reviewFormats.contains(artifact.formatVersion) else {
            throw .unsupportedFormatVersion(found: artifact.formatVersion, supported: GatewayArtifact.currentFormatVersion)
        }
        try checkCalendars(artifact.calendars)
        for key in artifact.regions.keys.sorted() {
            guard let region = artifact.regions[key] else { continue }
            func broken(_ detail: String) -> ArtifactError { .invariant("region \(key): \(detail)") }
            _ = try check(region, key: key, catalog: artifact.catalog, broken)
        }
        return nil
    }

    /// Every acquirer's health policy within `HealthPolicyRule`'s ranges.
    static func checkAcquirers(_ catalog: CatalogArtifact) throws(ArtifactError) {
        for id in catalog.acquirers.keys.sorted() {
            guard let policy = catalog.acquirers[id]?.health, let violation = HealthPolicyRule.violations(policy).first else { continue }
            throw .invariant("acquirer \(id): health.\(violation.message)")
        }
    }

    static func checkCalendars(_ calendars: [String: CalendarArtifact]) throws(ArtifactError) {
        for (market, calendar) in calendars {
            func broken(_ detail: String) -> ArtifactError { .invariant("calendar \(market): \(detail)") }
            guard calendar.market.rawValue == market else { throw broken("keyed as `\(market)` but describes `\(calendar.market)`") }
            try unique(calendar.weekend, "weekend day", broken)
            guard calendar.weekend.count < 7 else { throw broken("the weekend covers every day") }
            try unique(calendar.holidays.map(\.date), "holiday", broken)
            if let from = calendar.from, let through = calendar.through, from > through {
                throw broken("runs from \(from) to \(through)")
            }
        }
    }

    /// One region's invariants but its payout calendars, against the catalog of its artifact:
    /// its time zone, and its methods with their catalog entries.
    static func check(_ region: RegionArtifact, key: String, catalog: CatalogArtifact,
                      _ broken: (String) -> ArtifactError) throws(ArtifactError) -> (TimeZone, [CheckedMethod]) {
        guard key == region.region.rawValue else { throw broken("keyed as `\(key)` but describes `\(region.region)`") }
        guard let timeZone = TimeZoneCatalog.zone(region.timezone) else {
            throw broken("unknown time zone `\(region.timezone)` (not an IANA name)")
        }
        let presentment = region.currencies.presentment
        guard !presentment.isEmpty else { throw broken("currencies.presentment is empty") }
        try unique(presentment, "presentment currency", broken)
        try unique(region.weekend ?? [], "weekend day", broken)
        guard (region.weekend ?? []).count < 7 else { throw broken("the weekend covers every day") }
        try unique(region.holidays ?? [], "holiday", broken)

        try checkAvailability(region.availability, broken)
        try checkChangeFreezes(region, broken)
        try checkSettlement(region, broken)
        let regionRanges = try ranges(region.limits, presentment: presentment, field: "limits", broken)
        let methods = try checkMethods(region, catalog: catalog, regionRanges: regionRanges, broken)
        try checkRoutes(region, catalog: catalog, broken)
        return (timeZone, methods)
    }

    static func checkAvailability(_ availability: AvailabilityArtifact, _ broken: (String) -> ArtifactError) throws(ArtifactError) {
        if let from = availability.from, let until = availability.until, from >= until {
            throw broken("availability.from \(from) is not before availability.until \(until)")
        }
        if let step = outOfOrderStep((availability.schedule ?? []).map(\.at), from: availability.from, until: availability.until) {
            throw broken("availability.schedule[\(step.index)] at \(step.at) is not after the step or start before it, or not before until")
        }
        for phase in availability.phases {
            let name = phase.stepIndex.map { "availability.schedule[\($0)]" } ?? "availability"
            func brokenPhase(_ detail: String) -> ArtifactError { broken("\(name): \(detail)") }
            try checkPhase(phase, brokenPhase)
        }
    }

    /// The first step (index and instant) not strictly after the one before it (the first: after
    /// `from`) and before `until`; nil when they all run forward inside the window.
    static func outOfOrderStep(_ steps: [Instant], from: Instant?, until: Instant?) -> (index: Int, at: Instant)? {
        var previous = from
        for (index, at) in steps.enumerated() {
            guard ScheduleRule.isInWindow(at, from: previous, until: until) else { return (index, at) }
            previous = at
        }
        return nil
    }

    /// One phase's status, rollout and blackouts hold together.
    static func checkPhase(_ phase: AvailabilityPhase, _ broken: (String) -> ArtifactError) throws(ArtifactError) {
        if let rollout = phase.rollout {
            guard (0...100).contains(rollout.percent) else { throw broken("rollout percent \(rollout.percent) is outside 0...100") }
            if phase.status != .pilot, rollout.percent != 0 || !rollout.allow.isEmpty {
                throw broken("a rollout percent or allow list on status \(phase.status.rawValue) (only a pilot has one)")
            }
            if let both = Set(rollout.allow).intersection(rollout.deny).sorted().first {
                throw broken("merchant `\(both)` is both allowed and denied")
            }
        }
        let blackouts = (phase.blackouts ?? []).sorted { $0.from < $1.from }
        for (index, blackout) in blackouts.enumerated() {
            guard blackout.from < blackout.until else { throw broken("a blackout from \(blackout.from) is not before its until \(blackout.until)") }
            guard !BlackoutRule.isTooLong(from: blackout.from, until: blackout.until) else {
                throw broken("a blackout from \(blackout.from) lasts longer than \(BlackoutRule.longestDays) days")
            }
            if index > 0, blackouts[index - 1].until > blackout.from {
                throw broken("the blackouts from \(blackouts[index - 1].from) and \(blackout.from) overlap")
            }
        }
    }

    /// Freezes run forward, and no scheduled step (the region's or a method's) takes effect in one.
    static func checkChangeFreezes(_ region: RegionArtifact, _ broken: (String) -> ArtifactError) throws(ArtifactError) {
        for freeze in region.changeFreezes ?? [] where freeze.from >= freeze.until {
            throw broken("a change freeze from \(freeze.from) is not before its until \(freeze.until)")
        }
        for instant in region.stepInstants {
            if let freeze = region.changeFreeze(containing: instant) {
                throw broken("a scheduled step at \(instant) takes effect inside the change freeze from \(freeze.from) (\(freeze.source))")
            }
        }
    }

    static func checkSettlement(_ region: RegionArtifact, _ broken: (String) -> ArtifactError) throws(ArtifactError) {
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
    }

    /// The calendars a region's payouts follow, whether its own lists join them, and the weekend
    /// of the join, which must leave a business day.
    static func payoutCalendars(_ region: RegionArtifact, calendars: [String: CalendarArtifact], _ broken: (String) -> ArtifactError)
        throws(ArtifactError) -> (calendars: [CalendarArtifact], ownListsAreALayer: Bool, weekend: JoinedWeekend) {
        let markets = region.settlement.calendars
        guard !markets.isEmpty else { throw broken("settlement.calendars is empty") }
        try unique(markets, "settlement calendar", broken)
        var followed: [CalendarArtifact] = []
        for market in markets {
            guard let calendar = calendars[market.rawValue] else {
                throw broken("settlement follows calendar `\(market)`, which the artifact does not carry")
            }
            followed.append(calendar)
        }
        let ownListsAreALayer = region.ownListsAreALayer(calendars: calendars)
        let weekends = followed.map(\.weekend) + (ownListsAreALayer ? [region.weekend ?? []] : [])
        guard let weekend = JoinedWeekend(joining: weekends) else {
            throw broken("the weekends of its calendars (\(markets.map(\.rawValue).joined(separator: ", "))\(ownListsAreALayer ? " and its own" : "")) cover every day")
        }
        return (followed, ownListsAreALayer, weekend)
    }

    static func unique<T: Hashable>(_ values: [T], _ what: String, _ broken: (String) -> ArtifactError) throws(ArtifactError) {
        var seen = Set<T>()
        for value in values where !seen.insert(value).inserted { throw broken("\(what) \(value) is listed twice") }
    }
}
