/// The ranges of an acquirer health policy, for the compiler's check (with positions) and the
/// artifact's invariants alike: one home for each bound.
package enum HealthPolicyRule {
    /// The longest duration a policy may name: a week. Longer is a typo (`5h` for `5m`), and it
    /// keeps every doubling far from overflow.
    package static let longestSeconds: Int64 = 7 * 24 * 3600

    /// One out-of-range field of a policy: its YAML name and what is wrong, naming the value.
    package struct Violation: Sendable, Hashable {
        package var field: String
        package var message: String
    }

    package static func violations(_ policy: HealthPolicyArtifact) -> [Violation] {
        var found: [Violation] = []
        if policy.consecutiveFailures < 1 {
            found.append(Violation(field: "consecutive_failures", message: "consecutive_failures \(policy.consecutiveFailures) is below 1"))
        }
        if !(0...100).contains(policy.failureRate) {
            found.append(Violation(field: "failure_rate", message: "failure_rate \(policy.failureRate) is outside 0..100 (a percent)"))
        }
        if policy.minOutcomes < 1 {
            found.append(Violation(field: "min_outcomes", message: "min_outcomes \(policy.minOutcomes) is below 1"))
        }
        for (field, seconds) in [("window", policy.windowSeconds), ("ejection", policy.ejectionSeconds),
                                 ("max_ejection", policy.maxEjectionSeconds)] {
            // Durations as descriptors write them (`DurationText`): `169h`, not `608400s`.
            if seconds <= 0 {
                found.append(Violation(field: field, message: "\(field) \(DurationText.text(seconds: seconds)) is not above zero"))
            } else if seconds > longestSeconds {
                found.append(Violation(field: field, message: "\(field) \(DurationText.text(seconds: seconds)) is longer than \(DurationText.text(seconds: longestSeconds)) (\(longestSeconds / 86400) days)"))
            }
        }
        if policy.ejectionSeconds > policy.maxEjectionSeconds {
            found.append(Violation(field: "ejection",
                                   message: "ejection \(DurationText.text(seconds: policy.ejectionSeconds)) is longer than max_ejection \(DurationText.text(seconds: policy.maxEjectionSeconds))"))
        }
        return found
    }
}
