import GatewayConfig

/// A scheduled step that differs between OLD and NEW: added, removed, moved to another instant, or
/// starting another phase at the same instant. Listed by `regionc diff` with its instant and what
/// it does.
package struct ScheduleChange: Sendable, Equatable {
    package enum Kind: String, Sendable {
        case added, removed, moved, changed
    }

    package var region: String
    /// nil for the region's own `availability.schedule`; the method id for a method's.
    package var method: String?
    /// When the step takes effect: NEW's instant (OLD's for a removed step).
    package var at: Instant
    /// Its index in NEW's schedule (OLD's for a removed step).
    package var step: Int
    package var kind: Kind
    /// What the step does against the phase before it (NEW's; OLD's for a removed step).
    package var effect: String
    /// A moved step's instant in OLD.
    package var movedFrom: Instant?
    /// A changed step: how its phase differs from OLD's step at the same instant.
    package var againstOld: String?

    /// `schedule[0]`, `payment_methods[ALIPAY_HK].schedule[1]`.
    package var field: String {
        (method.map { "payment_methods[\($0)]." } ?? "") + "schedule[\(step)]"
    }

    /// What changed, after the instant and the field.
    package var change: String {
        switch kind {
        case .added: "\(effect) (new step)"
        case .removed: "step removed (it did: \(effect))"
        case .moved: "\(effect) (moved from \(movedFrom?.description ?? "?"))"
        case .changed: "\(effect) (changed from OLD: \(againstOld ?? "?"))"
        }
    }

    /// `HK 2027-01-11T02:00:00Z schedule[0]: rollout percent 25 -> 50 (new step)`.
    package var line: String { "\(region) \(at) \(field): \(change)" }
}
