/// How long a blackout may last, as the compiler (`RC0504`) and the
/// artifact reader both judge it. A longer stop is a status change (`paused`), not a maintenance window.
package enum BlackoutRule {
    package static let longestDays = 14
    package static let longestSeconds = Int64(longestDays) * 86_400

    /// Whether the blackout [from, until) lasts longer than `longestDays`. Instants are parsed
    /// within years 1...9999, so the difference cannot overflow.
    package static func isTooLong(from: Instant, until: Instant) -> Bool {
        until.secondsSinceEpoch - from.secondsSinceEpoch > longestSeconds
    }
}
