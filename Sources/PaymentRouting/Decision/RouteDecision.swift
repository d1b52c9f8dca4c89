import GatewayConfig

/// The outcome of one checkout.
public enum RouteDecision: Sendable, Hashable {
    case route(RoutedPayment)
    case decline(DeclineReason)

    public var declineReason: DeclineReason? {
        if case .decline(let reason) = self { return reason }
        return nil
    }

    public var routed: RoutedPayment? {
        if case .route(let payment) = self { return payment }
        return nil
    }
}

/// How an offered payment is routed and settled.
public struct RoutedPayment: Sendable, Hashable {
    /// The name of the first matching route.
    public let route: String
    public let acquirer: String
    public let presentmentCurrency: CurrencyCode
    public let settlementCurrency: CurrencyCode
    /// The currency the buyer's wallet holds (from the catalog).
    public let walletCurrency: CurrencyCode
    /// Presentment differs from settlement: the acquirer converts.
    public let fxRequired: Bool
    public let settlementDate: CalendarDate
    /// The walk to the settlement date left the days its calendars vouch for (past a horizon):
    /// the date is the best estimate from weekends and known holidays.
    public package(set) var settlementDateEstimated: Bool = false
    /// The route's usable acquirers after `acquirer`, in order.
    public package(set) var fallbacks: FallbackAcquirers = .none
    /// Set when the route's primary acquirer was skipped (disabled or ejected).
    public let failover: Failover?
}
