/// What a line of a decision log says was decided: the fields a replay compares.
package struct LoggedDecision: Sendable, Equatable {
    /// `route` or `decline`.
    package var decision: String
    package var reason: String?
    package var route: String?
    package var acquirer: String?
    /// ISO date.
    package var settlementDate: String?
    /// SHA-256 (hex) of the artifact that decided, as the log names it.
    package var configDigest: String?

    package init(decision: String, reason: String? = nil, route: String? = nil, acquirer: String? = nil,
                settlementDate: String? = nil, configDigest: String? = nil) {
        self.decision = decision
        self.reason = reason
        self.route = route
        self.acquirer = acquirer
        self.settlementDate = settlementDate
        self.configDigest = configDigest
    }

    /// Whether `decision` is what was logged, on every field the log carries.
    package func agrees(with decision: RouteDecision) -> Bool {
        switch decision {
        case .decline(let why):
            return self.decision == "decline" && (reason == nil || reason == why.rawValue)
        case .route(let payment):
            return self.decision == "route" && (route == nil || route == payment.route)
                && (acquirer == nil || acquirer == payment.acquirer)
                && (settlementDate == nil || settlementDate == payment.settlementDate.description)
        }
    }
}
