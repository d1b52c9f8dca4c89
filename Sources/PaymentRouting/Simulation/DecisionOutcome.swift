import GatewayConfig

/// The side of a changed decision a traffic diff groups by: the decline reason, or the route
/// and acquirer with the settlement date when that is what moved. Only what tells the two
/// sides apart is kept, so a route change is one group whatever the dates it settles on.
package enum DecisionOutcome: Sendable, Hashable {
    case declined(reason: DeclineReason)
    /// `settlementDate` is nil unless both sides route and the dates differ.
    case routed(route: String, acquirer: String, settlementDate: CalendarDate?)

    package var isRouted: Bool {
        if case .routed = self { return true }
        return false
    }

    /// Routed before, declined after: a payment that works today would stop.
    package static func breaks(_ before: DecisionOutcome, _ after: DecisionOutcome) -> Bool {
        before.isRouted && !after.isRouted
    }

    /// `declined NOT_IN_ROLLOUT`, `routed default via antom-sg`, `routed default via antom-sg, settles 2026-12-03`.
    package var label: String {
        switch self {
        case .declined(let reason): "declined \(reason.rawValue)"
        case .routed(let route, let acquirer, let date):
            "routed \(route) via \(acquirer)" + (date.map { ", settles \($0)" } ?? "")
        }
    }

    /// Whether two decisions differ in what the spec compares: decision, reason, route,
    /// acquirer or settlement date.
    static func differ(_ old: RouteDecision, _ new: RouteDecision) -> Bool {
        switch (old, new) {
        case (.decline(let a), .decline(let b)): a != b
        case (.route(let a), .route(let b)):
            a.route != b.route || a.acquirer != b.acquirer || a.settlementDate != b.settlementDate
        default: true
        }
    }

    /// The two outcomes of a changed decision.
    static func pair(_ old: RouteDecision, _ new: RouteDecision) -> (before: DecisionOutcome, after: DecisionOutcome) {
        let datesDiffer = old.routed.map(\.settlementDate) != new.routed.map(\.settlementDate)
            && old.routed != nil && new.routed != nil
        func outcome(_ decision: RouteDecision) -> DecisionOutcome {
            switch decision {
            case .decline(let reason): .declined(reason: reason)
            case .route(let payment):
                .routed(route: payment.route, acquirer: payment.acquirer, settlementDate: datesDiffer ? payment.settlementDate : nil)
            }
        }
        return (outcome(old), outcome(new))
    }
}
