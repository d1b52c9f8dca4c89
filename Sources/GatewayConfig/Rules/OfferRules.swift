/// The business rules on the artifact that more than one module asks: whether a status offers
/// payments, whether a method is offered in its region, and which route a payment takes.
/// The router precomputes from these at load; the compiler's checks, `diff` and `report` call
/// them directly, so none of them can quietly disagree with production.
extension AvailabilityStatus {
    /// Pilot and live offer payments; planned, paused and retired offer nothing.
    package var offersPayments: Bool { self == .pilot || self == .live }

    /// Whether a method whose own status is `methodStatus` (nil: it follows its region) is offered
    /// in a region whose status is `self`. A pilot method follows its region's rollout, so it
    /// reaches merchants only in a pilot region: in a live region there is no rollout to follow.
    package func offersMethod(withStatus methodStatus: AvailabilityStatus?) -> Bool {
        guard offersPayments else { return false }
        switch methodStatus ?? self {
        case .live: return true
        case .pilot: return self == .pilot
        case .planned, .paused, .retired: return false
        }
    }
}

extension RouteMatchArtifact {
    /// A route's match takes a payment when every list it has names the payment's value;
    /// an absent list matches anything.
    package func matches(method: String, currency: CurrencyCode) -> Bool {
        Self.matches(methods: methods, currencies: currencies, method: method, currency: currency)
    }

    /// The same rule over any lists of ids, given as whether each list names the payment's value
    /// (nil: the list is absent), so the compiler applies it to positioned values without building
    /// arrays or generic lazy maps per pair (those made half of `validate`'s time).
    package static func matches(methodListed: Bool?, currencyListed: Bool?) -> Bool {
        (methodListed ?? true) && (currencyListed ?? true)
    }

    package static func matches(methods: [String]?, currencies: [CurrencyCode]?, method: String, currency: CurrencyCode) -> Bool {
        matches(methodListed: methods.map { $0.contains(method) }, currencyListed: currencies.map { $0.contains(currency) })
    }
}

extension RouteArtifact {
    /// A route without `match` is a catch-all.
    package func matches(method: String, currency: CurrencyCode) -> Bool {
        match?.matches(method: method, currency: currency) ?? true
    }

    /// The acquirer the route takes while none is ejected: the first of its primary and fallbacks
    /// that the catalog does not disable; nil when every one is disabled (`ACQUIRER_UNAVAILABLE`).
    /// The router adds ejections to the same order at each decision.
    package func firstEnabledAcquirer(in catalog: CatalogArtifact) -> String? {
        candidates.first { catalog.acquirers[$0]?.enabled != false }
    }
}

extension RegionArtifact {
    /// Whether `method` is offered at all, by status, in some phase of the schedule (its window and
    /// the region's are instants, checked per checkout).
    package func offers(_ method: MethodArtifact) -> Bool {
        if availability.status.offersMethod(withStatus: method.availability?.status) { return true }
        return stepInstants.contains { offers(method, at: $0) }
    }

    /// Whether `method` is offered by status in the phases in effect at `instant`.
    package func offers(_ method: MethodArtifact, at instant: Instant) -> Bool {
        availability.phase(at: instant).status.offersMethod(withStatus: method.availability?.status(at: instant))
    }

    /// The route a payment takes: the first whose match takes it.
    package func firstRoute(method: String, currency: CurrencyCode) -> (index: Int, route: RouteArtifact)? {
        for (index, route) in routes.enumerated() where route.matches(method: method, currency: currency) {
            return (index, route)
        }
        return nil
    }
}
