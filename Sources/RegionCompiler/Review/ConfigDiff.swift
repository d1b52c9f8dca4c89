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
    /// Payout dates that move, filled in by the caller that can compute them (`regionc diff`).
    package var payoutMoves: [PayoutMove] = []

    package var isEmpty: Bool { changes.isEmpty && impacts.isEmpty && payoutMoves.isEmpty }
    package var hasBreaking: Bool { changes.contains(where: \.breaking) || impacts.contains(where: \.breaking) }

    /// Exit status for CI: 0 no changes, 3 changes, 4 breaking changes.
    package var exitStatus: Int32 { isEmpty ? 0 : (hasBreaking ? 4 : 3) }

    package static func compare(old: GatewayArtifact, new: GatewayArtifact) -> ConfigDiff {
        var changes: [FieldChange] = []
        var impacts: [Impact] = []
        for code in Set(old.regions.keys).union(new.regions.keys).sorted() {
            let before = old.regions[code]
            let after = new.regions[code]
            switch (before, after) {
            case (nil, .some(let added)):
                changes.append(FieldChange(region: code, field: "region", change: "added (\(added.availability.status.rawValue))",
                                           breaking: false))
            case (.some(let removed), nil):
                changes.append(FieldChange(region: code, field: "region", change: "removed (was \(removed.availability.status.rawValue))",
                                           breaking: removed.availability.status.offersPayments))
            case (.some(let before), .some(let after)):
                changes += FieldComparison.compare(region: code, before, after)
            case (nil, nil):
                break
            }
            impacts += compareOffers(region: code, before, after, oldCatalog: old.catalog, newCatalog: new.catalog)
        }
        changes += CatalogComparison.compare(old.catalog, new.catalog, newRegions: new.regions)
        // Breaking first, then by region and field, so the reviewer reads what stops payments first.
        changes.sort { ($0.breaking ? 0 : 1, $0.region, $0.field) < ($1.breaking ? 0 : 1, $1.region, $1.field) }
        impacts.sort { ($0.breaking ? 0 : 1, $0.region, $0.method, $0.currency) < ($1.breaking ? 0 : 1, $1.region, $1.method, $1.currency) }
        return ConfigDiff(changes: changes, impacts: impacts)
    }

    static func compareOffers(region code: String, _ before: RegionArtifact?, _ after: RegionArtifact?,
                              oldCatalog: CatalogArtifact, newCatalog: CatalogArtifact) -> [Impact] {
        let oldOffers = before.map { offers($0, catalog: oldCatalog) } ?? [:]
        let newOffers = after.map { offers($0, catalog: newCatalog) } ?? [:]
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

    /// Every (method, presentment currency) of a region, with its offer or nil when not offered
    /// (the method is not offered, or every acquirer of its route is disabled in `catalog`).
    package static func offers(_ region: RegionArtifact, catalog: CatalogArtifact) -> [PairKey: Offer?] {
        var result: [PairKey: Offer?] = [:]
        for method in region.paymentMethods {
            let offered = region.offers(method)
            for currency in method.currencies {
                let key = PairKey(method: method.method, currency: currency.rawValue)
                guard offered, let (_, route) = region.firstRoute(method: method.method, currency: currency),
                      let acquirer = route.firstEnabledAcquirer(in: catalog)
                else {
                    result[key] = .some(nil)
                    continue
                }
                let (audience, reach) = audienceOf(region)
                result[key] = Offer(audience: audience, reach: reach, route: route.name, acquirer: acquirer,
                                    settlementCurrency: region.currencies.settlement.rawValue)
            }
        }
        return result
    }

    static func audienceOf(_ region: RegionArtifact) -> (String, Int) {
        let deny = region.availability.rollout?.deny.count ?? 0
        let denied = deny > 0 ? " except \(deny) denied" : ""
        guard region.availability.status == .pilot else { return ("all merchants\(denied)", 10_000) }
        let percent = region.availability.rollout?.percent ?? 0
        let allow = region.availability.rollout?.allow.count ?? 0
        let allowed = allow > 0 ? " + \(allow) allowed" : ""
        return ("\(percent)% of merchants\(allowed)\(denied)", percent * 100)
    }
}
