import GatewayConfig

/// What a change to the regions does: field changes in the descriptor's own words, and the
/// payment impact for every region x method x presentment currency. Changes that stop
/// payments that used to work are breaking.
package struct ConfigDiff: Sendable, Equatable {
    package struct FieldChange: Sendable, Equatable {
        package var region: String
        /// The descriptor field, e.g. `availability.status`, `payment_methods[ALIPAY_HK].currencies`.
        package var field: String
        /// `planned -> pilot`, `+USD`, `+USD, -HKD`, `added`, `removed`.
        package var change: String
        package var breaking: Bool

        package var line: String { "\(region) \(field): \(change)" }
    }

    package struct Impact: Sendable, Equatable {
        package var region: String
        package var method: String
        package var currency: String
        package var before: Offer?
        package var after: Offer?
        package var breaking: Bool
        package var summary: String

        package var line: String { "\(region) \(method) \(currency): \(summary)" }
    }

    /// How a (region, method, currency) is offered.
    package struct Offer: Sendable, Equatable {
        /// `all merchants`, `25% of merchants + 2 allowed`.
        package var audience: String
        /// Rank of the audience: 0 none ... 10,000 all; lets "narrower" be judged.
        package var reach: Int
        package var route: String
        package var acquirer: String
        package var settlementCurrency: String

        package var text: String { "\(audience) via \(acquirer) (route \(route), settles \(settlementCurrency))" }
    }

    package var changes: [FieldChange]
    package var impacts: [Impact]
    /// Scheduled steps added, removed, moved or changed, in time order.
    package var scheduleChanges: [ScheduleChange] = []
    /// The instant the diff is judged at (`--as-of`): payment impact compares the phases in
    /// effect then, and a change freeze holding it makes a changed region breaking.
    package var asOf: Instant
    /// Every freeze holding a region at `asOf`, changed or not (see `frozenChanges`).
    package var freezesHolding: [FreezeHold] = []
    /// Payout dates that move, filled in by the caller that can compute them (`regionc diff`).
    package var payoutMoves: [PayoutMove] = []

    package var isEmpty: Bool { changes.isEmpty && impacts.isEmpty && scheduleChanges.isEmpty && payoutMoves.isEmpty }

    /// The regions this diff changes in any way: a field, a payment, a step, a payout date.
    package var changedRegions: Set<String> {
        var regions = Set(changes.map(\.region).filter { $0 != CatalogComparison.pseudoRegion })
        regions.formUnion(impacts.map(\.region))
        regions.formUnion(scheduleChanges.map(\.region))
        regions.formUnion(payoutMoves.map(\.region))
        return regions
    }

    /// The freezes holding a region this diff changes: each makes the diff breaking.
    /// An unchanged region never breaks, frozen or not.
    package var frozenChanges: [FreezeHold] {
        let changed = changedRegions
        return freezesHolding.filter { changed.contains($0.region) }
    }

    package var hasBreaking: Bool {
        changes.contains(where: \.breaking) || impacts.contains(where: \.breaking) || !frozenChanges.isEmpty
    }

    /// Exit status for CI: 0 no changes, 3 changes, 4 breaking changes.
    package var exitStatus: Int32 { isEmpty ? 0 : (hasBreaking ? 4 : 3) }

    package init(changes: [FieldChange], impacts: [Impact], asOf: Instant) {
        self.changes = changes
        self.impacts = impacts
        self.asOf = asOf
    }

    package static func compare(old: GatewayArtifact, new: GatewayArtifact, asOf: Instant) -> ConfigDiff {
        var changes: [FieldChange] = []
        var impacts: [Impact] = []
        var scheduleChanges: [ScheduleChange] = []
        var freezes: [FreezeHold] = []
        for code in Set(old.regions.keys).union(new.regions.keys).sorted() {
            let before = old.regions[code]
            let after = new.regions[code]
            switch (before, after) {
            case (nil, .some(let added)):
                changes.append(FieldChange(region: code, field: "region", change: "added (\(added.availability.status.rawValue))",
                                           breaking: false))
                scheduleChanges += ScheduleComparison.compare(region: code, nil, added)
            case (.some(let removed), nil):
                changes.append(FieldChange(region: code, field: "region", change: "removed (was \(removed.availability.status.rawValue))",
                                           breaking: removed.availability.status.offersPayments))
            case (.some(let before), .some(let after)):
                changes += FieldComparison.compare(region: code, before, after)
                scheduleChanges += ScheduleComparison.compare(region: code, before, after)
            case (nil, nil):
                break
            }
            impacts += compareOffers(region: code, before, after, oldCatalog: old.catalog, newCatalog: new.catalog, at: asOf)
            freezes += FreezeHold.holding(asOf, region: code, old: before, new: after)
        }
        changes += CatalogComparison.compare(old.catalog, new.catalog, newRegions: new.regions)
        // Breaking first, then by region and field, so the reviewer reads what stops payments first.
        changes.sort { ($0.breaking ? 0 : 1, $0.region, $0.field) < ($1.breaking ? 0 : 1, $1.region, $1.field) }
        impacts.sort { ($0.breaking ? 0 : 1, $0.region, $0.method, $0.currency) < ($1.breaking ? 0 : 1, $1.region, $1.method, $1.currency) }
        // The plan in time order, as a launch meeting reads it.
        scheduleChanges.sort {
            ($0.at, $0.region, $0.method != nil ? 1 : 0, $0.field) < ($1.at, $1.region, $1.method != nil ? 1 : 0, $1.field)
        }
        var diff = ConfigDiff(changes: changes, impacts: impacts, asOf: asOf)
        diff.scheduleChanges = scheduleChanges
        diff.freezesHolding = freezes
        return diff
    }

    /// The offers of both sides, each in the phase in effect at `instant`: a step that already
    /// took effect counts, a later one does not (it is listed as a schedule change).
    static func compareOffers(region code: String, _ before: RegionArtifact?, _ after: RegionArtifact?,
                              oldCatalog: CatalogArtifact, newCatalog: CatalogArtifact, at instant: Instant) -> [Impact] {
        let oldOffers = before.map { offers($0, catalog: oldCatalog, at: instant) } ?? [:]
        let newOffers = after.map { offers($0, catalog: newCatalog, at: instant) } ?? [:]
        var impacts: [Impact] = []
        let keys = Set(oldOffers.keys).union(newOffers.keys).sorted { ($0.method, $0.currency) < ($1.method, $1.currency) }
        for key in keys {
            let was = oldOffers[key] ?? nil
            let now = newOffers[key] ?? nil
            guard was != now else { continue }
            let summary: String
            var breaking = false
            switch (was, now) {
            case (nil, .some(let offer)):
                summary = "newly offered to \(offer.text)"
            case (.some(let offer), nil):
                summary = "no longer offered (was \(offer.text))"
                breaking = true
            case (.some(let old), .some(let new)):
                var parts: [String] = []
                if old.audience != new.audience { parts.append("audience \(old.audience) -> \(new.audience)") }
                if old.route != new.route || old.acquirer != new.acquirer {
                    parts.append("route \(old.route) via \(old.acquirer) -> \(new.route) via \(new.acquirer)")
                }
                if old.settlementCurrency != new.settlementCurrency {
                    parts.append("settles \(old.settlementCurrency) -> \(new.settlementCurrency)")
                }
                summary = parts.joined(separator: "; ")
                breaking = new.reach < old.reach || old.settlementCurrency != new.settlementCurrency
            case (nil, nil):
                continue
            }
            impacts.append(Impact(region: code, method: key.method, currency: key.currency, before: was, after: now,
                                  breaking: breaking, summary: summary))
        }
        return impacts
    }

    package struct PairKey: Hashable {
        package let method: String
        package let currency: String

        package init(method: String, currency: String) {
            self.method = method
            self.currency = currency
        }
    }

    /// Every (method, presentment currency) of a region, with its offer at `instant` or nil when not
    /// offered then (the method is not offered in the phase in effect, or every acquirer of its
    /// route is disabled in `catalog`).
    package static func offers(_ region: RegionArtifact, catalog: CatalogArtifact, at instant: Instant) -> [PairKey: Offer?] {
        var result: [PairKey: Offer?] = [:]
        let phase = region.availability.phase(at: instant)
        for method in region.paymentMethods {
            let offered = region.offers(method, at: instant)
            for currency in method.currencies {
                let key = PairKey(method: method.method, currency: currency.rawValue)
                guard offered, let (_, route) = region.firstRoute(method: method.method, currency: currency),
                      let acquirer = route.firstEnabledAcquirer(in: catalog)
                else {
                    result[key] = .some(nil)
                    continue
                }
                let (audience, reach) = audienceOf(phase)
                result[key] = Offer(audience: audience, reach: reach, route: route.name, acquirer: acquirer,
                                    settlementCurrency: region.currencies.settlement.rawValue)
            }
        }
        return result
    }

    /// Who a phase reaches: `all merchants`, `25% of merchants + 2 allowed`, and its rank.
    static func audienceOf(_ phase: AvailabilityPhase) -> (String, Int) {
        let deny = phase.rollout?.deny.count ?? 0
        let denied = deny > 0 ? " except \(deny) denied" : ""
        guard phase.status == .pilot else { return ("all merchants\(denied)", 10_000) }
        let percent = phase.rollout?.percent ?? 0
        let allow = phase.rollout?.allow.count ?? 0
        let allowed = allow > 0 ? " + \(allow) allowed" : ""
        return ("\(percent)% of merchants\(allowed)\(denied)", percent * 100)
    }
}
