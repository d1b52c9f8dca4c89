import GatewayConfig

/// A route's fallbacks (each acquirer named once, at most 64 in all: `RouteCandidatesRule`), and
/// what an outage would do to it: a warning for a live or pilot region's route left with one
/// usable (enabled) acquirer, and for a route whose every acquirer is disabled. Unknown ids and
/// settlement are `ReferenceCheck`'s and `RouteCheck`'s, for fallbacks as for the primary.
enum FailoverCheck: RegionCheck {
    /// How many pairs (or acquirers) a warning lists before "and N more".
    static let pairsListed = 6

    static func run(_ region: RegionDescriptor, catalog: Catalog) -> [Diagnostic] {
        var diagnostics = region.routes.enumerated().filter { $0.element.enabled }.flatMap { checkCandidates($0.element, index: $0.offset) }
        diagnostics += checkUsable(region, catalog: catalog)
        return diagnostics
    }

    static func checkCandidates(_ route: RegionDescriptor.Route, index: Int) -> [Diagnostic] {
        let candidates = route.candidates
        var diagnostics: [Diagnostic] = []
        for repeated in RouteCandidatesRule.repeats(candidates.map(\.value)) {
            guard candidates.indices.contains(repeated.index), candidates.indices.contains(repeated.first) else { continue }
            let ofPrimary = repeated.first == 0 && route.acquirer != nil
            diagnostics.append(.error(
                .fallbackRepeatsAcquirer,
                ofPrimary ? "fallback `\(repeated.id)` is the route's own acquirer" : "fallback `\(repeated.id)` is listed twice",
                at: candidates[repeated.index].location,
                hint: "remove it: a decision tries each acquirer of a route once, in order",
                related: [RelatedNote(location: candidates[repeated.first].location,
                                      message: ofPrimary ? "the route's acquirer" : "first listed here")]))
        }
        let most = RouteCandidatesRule.maximum
        if RouteCandidatesRule.isTooMany(candidates.count), let over = candidates.dropFirst(most).first {
            diagnostics.append(.error(
                .tooManyRouteAcquirers,
                "route `\(RouteCheck.routeName(route, index: index))` names \(candidates.count) acquirers; at most \(most) (its acquirer and \(most - 1) fallbacks)",
                at: over.location, hint: "keep the fallbacks most likely to be up when the first ones are not"))
        }
        return diagnostics
    }

    static func checkUsable(_ region: RegionDescriptor, catalog: Catalog) -> [Diagnostic] {
        guard !catalog.isMissing, let settlement = region.settlementCurrency?.value else { return [] }
        let regionStatus = region.availability?.status?.value
        // Pairs offered now: in a live or pilot region, by a method not held back by its own status.
        let offeredNow = (regionStatus?.reach ?? 0) > 0
            ? RouteCheck.offeredPairs(region).filter { ($0.method.availability?.status?.value ?? regionStatus)?.reach ?? 0 > 0 }.map(\.pair)
            : []
        let claims = RouteCheck.claims(region, pairs: offeredNow)
        // The enabled acquirers that settle the region's currency, for hints: found once per region,
        // not once per warning (a large catalog and many single-acquirer routes stay linear).
        var settling: [String]?
        func able() -> [String] {
            if let settling { return settling }
            let found = catalog.acquirers.values.filter { $0.isEnabled && $0.settlementCurrencies.contains(settlement) }.map(\.id.value).sorted()
            settling = found
            return found
        }
        var diagnostics: [Diagnostic] = []
        for (index, route) in region.routes.enumerated() where route.enabled {
            let candidates = route.candidates
            // An unknown or unread id is reported already; judging the rest would mislead.
            guard route.acquirer != nil, !candidates.isEmpty,
                  candidates.allSatisfy({ catalog.acquirers[$0.value] != nil }) else { continue }
            let disabled = candidates.compactMap { catalog.acquirers[$0.value] }.filter { !$0.isEnabled }
            let usable = Set(candidates.map(\.value)).subtracting(disabled.map(\.id.value))
            let name = RouteCheck.routeName(route, index: index)
            let notes = disabled.map { RelatedNote(location: $0.enabled?.location ?? $0.id.location, message: "`\($0.id.value)` is disabled here") }
            if usable.isEmpty {
                diagnostics.append(.warning(
                    .noEnabledAcquirer,
                    "every acquirer of route `\(name)` is disabled (\(candidates.map(\.value).joined(separator: ", "))): every payment it takes is declined",
                    at: route.location,
                    hint: able().first
                        .map { "add an enabled fallback, e.g. `fallback: [\($0)]`, or enable one of them in catalog.yaml" }
                        ?? "enable one of them in catalog.yaml: no enabled acquirer settles \(settlement)",
                    related: notes))
            } else if usable.count == 1, let only = usable.first, let pairs = claims[index], !pairs.isEmpty, let code = region.region?.value {
                let listed = listing(pairs.map { "\($0.method)/\($0.currency)" })
                let others = able().filter { !usable.contains($0) }
                let hint = others.first.map { "add `fallback: [\($0)]` to route `\(name)` (enabled acquirers that also settle \(settlement): \(listing(others)))" }
                    ?? "no other enabled acquirer in catalog.yaml settles \(settlement): the risk stands until one does"
                diagnostics.append(.warning(
                    .singleUsableAcquirer,
                    "\(article(only)) \(only) outage declines every \(code) checkout in \(listed): route `\(name)` has no other usable acquirer",
                    at: route.location, hint: hint, related: notes))
            }
        }
        return diagnostics
    }

    /// "an antom-hk outage", "a stripe-us outage": by the id's first letter, as it is read aloud.
    static func article(_ id: String) -> String { id.first.map { "aeiou".contains($0) } == true ? "an" : "a" }

    /// Ids for a hint: the first few, then how many more.
    static func listing(_ ids: [String]) -> String {
        ids.prefix(pairsListed).joined(separator: ", ") + (ids.count > pairsListed ? " and \(ids.count - pairsListed) more" : "")
    }
}
