import GatewayConfig

/// An immutable snapshot of a compiled config, prepared for deciding checkouts.
/// Safe to share across tasks; a decision parses nothing and allocates nothing.
///
/// Order of checks (the first that fails is the decline reason):
/// 1. region known (`UNKNOWN_REGION`)
/// 2. region status offers payments (pilot or live) and the instant is in [from, until) (`REGION_NOT_LIVE`)
/// 3. no region blackout contains the instant (`BLACKOUT`)
/// 4. merchant not denied; for pilot: allowed, or bucket under percent (`NOT_IN_ROLLOUT`)
/// 5. the region lists the method, its status offers payments and the instant is in its window
///    (`METHOD_NOT_OFFERED`); a pilot method follows the region's rollout, so a pilot method in a
///    live region reaches nobody
/// 6. the method takes the currency (`CURRENCY_NOT_SUPPORTED`)
/// 7. the amount is within the region's range and then the method's (`AMOUNT_BELOW_MIN`, `AMOUNT_ABOVE_MAX`)
/// 8. the first matching route gives the acquirer (`NO_ROUTE` if none: only a hand-edited artifact):
///    the first of its primary and fallbacks that is enabled and not ejected at the instant
///    (`ACQUIRER_UNAVAILABLE` if none)
public struct CheckoutRouter: Sendable {
    package let artifact: GatewayArtifact
    /// Regions by their two upper-case letters (26 x 26 slots): a lookup without hashing.
    let regionSlots: [CompiledRegion?]
    /// Held strongly: the routes' candidates refer to its acquirers' health unowned.
    let health: HealthTracker?

    /// Checks an artifact built in memory (`ArtifactInvariants`) and builds the router from it.
    /// With `health`, decisions skip the acquirers it has ejected; without, only disabled ones.
    public init(artifact: GatewayArtifact, health: HealthTracker? = nil) throws(ArtifactError) {
        self.init(try ArtifactInvariants.check(artifact), health: health)
    }

    /// Builds the router from an artifact already checked: nothing is checked again.
    package init(_ checked: CheckedArtifact, health: HealthTracker? = nil) {
        artifact = checked.artifact
        self.health = health
        // Every acquirer of the catalog, routed or not, so the tracker takes (and shows) its
        // outcomes with the release's policy.
        if let health {
            for (id, entry) in checked.artifact.catalog.acquirers { _ = health.health(of: id, policy: entry.health) }
        }
        var zones: [String: UTCOffsetTable] = [:]
        var slots = [CompiledRegion?](repeating: nil, count: 26 * 26)
        for region in checked.regions {
            let compiled = CompiledRegion(region, catalog: checked.artifact.catalog, health: health, zones: &zones)
            // A region code is two upper-case letters (`RegionCode`), so every region has a slot.
            if let slot = Self.slot(compiled.code) { slots[slot] = compiled }
        }
        regionSlots = slots
    }

    /// The slot of a two-letter upper-case code, or nil for anything else (which no region has).
    static func slot(_ code: String) -> Int? {
        var iterator = code.utf8.makeIterator()
        guard let first = iterator.next(), let second = iterator.next(), iterator.next() == nil,
              (0x41...0x5A).contains(first), (0x41...0x5A).contains(second) else { return nil }
        return Int(first - 0x41) * 26 + Int(second - 0x41)
    }

    public var sourceDigest: String { artifact.sourceDigest }

    /// Decides one checkout.
    public func route(_ request: RouteRequest) -> RouteDecision {
        var tracer = SilentTracer()
        return decide(request, tracer: &tracer)
    }

    /// Decides one checkout and records every check made, with the descriptor field it used.
    public func explain(_ request: RouteRequest) -> Explanation {
        var tracer = RecordingTracer()
        let decision = decide(request, tracer: &tracer)
        return Explanation(decision: decision, steps: tracer.steps)
    }

    @inline(__always)
    func decide<Tracer: DecisionTracer>(_ request: RouteRequest, tracer: inout Tracer) -> RouteDecision {
        guard let slot = Self.slot(request.region), let region = regionSlots[slot] else {
            tracer.record("region", passed: false, detail: "no region `\(request.region)` in the config", source: "regions")
            return .decline(.unknownRegion)
        }
        let phase = region.phase(at: request.at.secondsSinceEpoch)
        if let decline = checkRegionOpen(region, phase, at: request.at, tracer: &tracer) { return .decline(decline) }
        if let decline = checkRollout(region, phase, merchant: request.merchant, tracer: &tracer) { return .decline(decline) }
        guard let method = offeredMethod(region, phase, request, tracer: &tracer) else { return .decline(.methodNotOffered) }
        if let decline = checkCurrencyAndAmount(region, method, request.amount, tracer: &tracer) { return .decline(decline) }
        return routeAndSettle(region, method, request, tracer: &tracer)
    }

    /// Checks 2 and 3: the region takes payments at the instant, outside every blackout of the phase.
    private func checkRegionOpen<Tracer: DecisionTracer>(_ region: CompiledRegion, _ phase: CompiledRegion.Phase, at instant: Instant,
                                                         tracer: inout Tracer) -> DeclineReason? {
        let file = region.source
        let offers = phase.status.offersPayments
        tracer.record("region status", passed: offers, detail: "status is \(phase.status.rawValue)\(describeStart(phase))",
                      source: source(region, phase, "status"))
        guard offers else { return .regionNotLive }
        let inWindow = region.window.contains(instant)
        tracer.record("region window", passed: inWindow, detail: describe(region.window, at: instant),
                      source: "\(file) availability.from/until")
        guard inWindow else { return .regionNotLive }
        for blackout in phase.blackouts where blackout.contains(instant) {
            tracer.record("blackout", passed: false, detail: "\(instant) is inside \(describe(blackout))",
                          source: source(region, phase, "blackouts"))
            return .blackout
        }
        tracer.record("blackout", passed: true, detail: "no blackout at \(instant)", source: source(region, phase, "blackouts"))
        return nil
    }

    /// Check 4: the merchant is not denied and, in a pilot, allowed or in the rollout's buckets.
    private func checkRollout<Tracer: DecisionTracer>(_ region: CompiledRegion, _ phase: CompiledRegion.Phase, merchant: String,
                                                      tracer: inout Tracer) -> DeclineReason? {
        if phase.deny.contains(merchant) {
            tracer.record("rollout", passed: false, detail: "merchant `\(merchant)` is denied",
                          source: source(region, phase, "rollout.deny"))
            return .notInRollout
        }
        guard phase.status == .pilot else {
            tracer.record("rollout", passed: true, detail: "live: every merchant not denied", source: source(region, phase, "status"))
            return nil
        }
        if phase.allow.contains(merchant) {
            tracer.record("rollout", passed: true, detail: "merchant `\(merchant)` is allowed",
                          source: source(region, phase, "rollout.allow"))
            return nil
        }
        let bucket = RolloutBucket.of(merchant: merchant)
        let included = RolloutBucket.isIncluded(bucket: bucket, percent: phase.rolloutPercent)
        tracer.record("rollout", passed: included,
                      detail: "bucket \(bucket) of 10000 \(included ? "<" : ">=") \(phase.rolloutPercent * 100) (percent \(phase.rolloutPercent)\(describeStart(phase)))",
                      source: source(region, phase, "rollout.percent"))
        return included ? nil : .notInRollout
    }

    /// Check 5: the region lists the method and offers it at the instant; nil is `METHOD_NOT_OFFERED`.
    private func offeredMethod<Tracer: DecisionTracer>(_ region: CompiledRegion, _ phase: CompiledRegion.Phase, _ request: RouteRequest,
                                                       tracer: inout Tracer) -> CompiledRegion.Method? {
        let file = region.source
        guard let method = region.method(named: request.method) else {
            tracer.record("method", passed: false, detail: "`\(request.method)` is not among the region's payment methods",
                          source: "\(file) payment_methods")
            return nil
        }
        let own = method.status(at: request.at.secondsSinceEpoch)
        let methodOffers = phase.status.offersMethod(withStatus: own.status)
        let methodInWindow = method.window.contains(request.at)
        tracer.record("method availability", passed: methodOffers && methodInWindow,
                      detail: "\(method.id) is \((own.status ?? phase.status).rawValue)\(own.status == nil ? " (as its region)" : ""); \(describe(method.window, at: request.at))",
                      source: AvailabilityPhase.source(file: file, method: method.index, stepIndex: own.stepIndex))
        return methodOffers && methodInWindow ? method : nil
    }

    /// Checks 6 and 7: the method takes the currency, and the amount is within the region's range, then the method's.
    private func checkCurrencyAndAmount<Tracer: DecisionTracer>(_ region: CompiledRegion, _ method: CompiledRegion.Method,
                                                                _ amount: Money, tracer: inout Tracer) -> DeclineReason? {
        let file = region.source
        let currency = amount.currency
        let takesCurrency = method.currencies.contains(currency)
        tracer.record("currency", passed: takesCurrency,
                      detail: "\(method.id) takes \(method.currencies.map(\.rawValue).joined(separator: ", ")); asked \(currency)",
                      source: "\(file) payment_methods[\(method.index)].currencies")
        guard takesCurrency else { return .currencyNotSupported }
        if let decline = checkAmount(amount, against: region.limits[currency], tracer: &tracer, source: "\(file) limits") {
            return decline
        }
        if let decline = checkAmount(amount, against: method.limits[currency], tracer: &tracer,
                                     source: "\(file) payment_methods[\(method.index)].limits") {
            return decline
        }
        tracer.record("amount", passed: true, detail: "\(amount) is within limits", source: "\(file) limits")
        return nil
    }

    /// Check 8 and the payout: the route decided at load for the method and currency, and the settlement date.
    private func routeAndSettle<Tracer: DecisionTracer>(_ region: CompiledRegion, _ method: CompiledRegion.Method,
                                                        _ request: RouteRequest, tracer: inout Tracer) -> RouteDecision {
        let file = region.source
        let currency = request.amount.currency
        guard let routeIndex = method.routeIndex[currency], region.routes.indices.contains(routeIndex) else {
            tracer.record("route", passed: false, detail: "no route matches \(method.id) in \(currency)", source: "\(file) routes")
            return .decline(.noRoute)
        }
        let route = region.routes[routeIndex]
        guard let pick = pickAcquirer(route, region: region, at: request.at, tracer: &tracer) else {
            return .decline(.acquirerUnavailable)
        }
        let settlement = region.calendar.settlement(capturedAt: request.at, cutoffSecond: region.cutoffSecond,
                                                    businessDays: region.businessDays)
        let payment = RoutedPayment(route: route.name, acquirer: pick.acquirer, presentmentCurrency: currency,
                                    settlementCurrency: region.settlementCurrency, walletCurrency: method.walletCurrency,
                                    fxRequired: currency != region.settlementCurrency,
                                    settlementDate: CalendarDate(clampingDaysSinceEpoch: settlement.day),
                                    settlementDateEstimated: settlement.estimated,
                                    fallbacks: FallbackAcquirers(ids: route.ids, usable: pick.fallbacks), failover: pick.failover)
        tracer.record("route", passed: true, detail: "route `\(route.name)` via \(pick.acquirer)", source: "\(file) routes[\(route.index)]")
        tracer.record("settlement", passed: true,
                      detail: "captured \(region.calendar.localDate(of: request.at)) local; T+\(region.businessDays), cutoff \(describeCutoff(region.cutoffSecond)) -> \(payment.settlementDate); "
                          + SettlementExplainer.describe(region.calendar, capturedAt: request.at, cutoffSecond: region.cutoffSecond,
                                                         settlementDate: payment.settlementDate),
                      source: "\(file) settlement")
        return .route(payment)
    }

    /// The first usable acquirer of the route at the instant, the usable ones after it (a bit per
    /// position), and the failover when the primary was skipped; nil when none is usable.
    private func pickAcquirer<Tracer: DecisionTracer>(_ route: CompiledRegion.Route, region: CompiledRegion, at instant: Instant,
                                                      tracer: inout Tracer)
        -> (acquirer: String, fallbacks: UInt64, failover: Failover?)? {
        let second = instant.secondsSinceEpoch
        var chosen: String?
        var fallbacks: UInt64 = 0
        var primarySkipped: SkipReason?
        let candidates = route.candidates
        for position in candidates.indices {
            let candidate = candidates[position]
            let skip: SkipReason? = candidate.disabled ? .disabled : (candidate.isEjected(at: second) ? .ejected : nil)
            if let skip {
                if position == 0 { primarySkipped = skip }
                tracer.record("acquirer", passed: false, detail: describeSkip(candidate, skip, at: second),
                              source: "\(region.source) routes[\(route.index)].\(position == 0 ? "acquirer" : "fallback[\(position - 1)]")")
            } else if chosen == nil {
                chosen = candidate.id
            } else if position < 64 {
                fallbacks |= 1 << UInt64(position)
            }
        }
        guard let chosen else {
            tracer.record("route", passed: false, detail: "route `\(route.name)`: every acquirer is disabled or ejected",
                          source: "\(region.source) routes[\(route.index)]")
            return nil
        }
        let failover = primarySkipped.flatMap { reason in candidates.first.map { Failover(from: $0.id, reason: reason) } }
        return (chosen, fallbacks, failover)
    }

    private func describeSkip(_ candidate: CompiledRegion.Candidate, _ reason: SkipReason, at second: Int64) -> String {
        switch reason {
        case .disabled: return "\(candidate.id) skipped: disabled in the catalog (enabled: false)"
        case .ejected:
            guard let end = candidate.ejectionEnd(at: second), end != .max else {
                return "\(candidate.id) skipped: down for this replay (--down)"
            }
            return "\(candidate.id) skipped: ejected by its health until \(Instant(secondsSinceEpoch: end))"
        }
    }

    /// The decline for an amount outside `range`, or nil. The source text is only built when traced.
    private func checkAmount<Tracer: DecisionTracer>(_ amount: Money, against range: AmountRange?, tracer: inout Tracer,
                                                     source: @autoclosure () -> String) -> DeclineReason? {
        guard let range else { return nil }
        if amount.minorUnits < range.min {
            tracer.record("amount", passed: false,
                          detail: "\(amount) is below min \(Money(minorUnits: range.min, currency: amount.currency))", source: source())
            return .amountBelowMin
        }
        if amount.minorUnits > range.max {
            tracer.record("amount", passed: false,
                          detail: "\(amount) is above max \(Money(minorUnits: range.max, currency: amount.currency))", source: source())
            return .amountAboveMax
        }
        return nil
    }

    /// The descriptor field a phase's value comes from: the step that started the phase, or the base field.
    private func source(_ region: CompiledRegion, _ phase: CompiledRegion.Phase, _ field: String) -> String {
        AvailabilityPhase.source(file: region.source, stepIndex: phase.stepIndex, field: field)
    }

    private func describeStart(_ phase: CompiledRegion.Phase) -> String {
        phase.stepIndex == nil ? "" : " since \(Instant(secondsSinceEpoch: phase.start))"
    }

    private func describe(_ window: Window, at instant: Instant) -> String {
        "\(instant) within \(describe(window))"
    }

    private func describe(_ window: Window) -> String {
        let from = window.from == .min ? "-inf" : Instant(secondsSinceEpoch: window.from).description
        let until = window.until == .max ? "+inf" : Instant(secondsSinceEpoch: window.until).description
        return "[\(from), \(until))"
    }

    private func describeCutoff(_ second: Int) -> String {
        LocalTime(hour: second / 3600, minute: second / 60 % 60)?.description ?? "\(second)s"
    }
}
