import GatewayConfig

/// Which rule of the policy ejected an acquirer.
public enum EjectionRule: String, Sendable, Hashable, Codable {
    case consecutiveFailures = "consecutive_failures"
    case failureRate = "failure_rate"
}

/// An acquirer leaving or re-entering service, for logs and metrics.
public struct HealthTransition: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// Ejected at `at` until `until` (`seconds` long) by `rule`; the window's counts when it did.
        case ejected(until: Instant, seconds: Int64, rule: EjectionRule, successes: Int, failures: Int)
        /// Its ejection ended at `at`: decisions take it again.
        case returned
    }

    public let acquirer: String
    public let kind: Kind
    public let at: Instant
    /// Ejections so far (this one included), since the tracker started.
    public let ejections: Int
}

/// One acquirer's health as the tracker sees it at an instant, for `GET /v1/acquirers`.
package struct AcquirerHealthStatus: Sendable, Hashable {
    package var acquirer: String
    /// The decision's instant is before this: skipped. Nil when not ejected.
    package var ejectedUntil: Instant?
    /// Marked down for good (`regionc route --down`), not by outcomes.
    package var markedDown: Bool
    package var ejections: Int
    package var consecutiveFailures: Int
    package var windowSeconds: Int64?
    package var successes: Int
    package var failures: Int
    package var declines: Int
    /// Whether a health policy applies (else outcomes are counted, never eject).
    package var tracked: Bool
}
