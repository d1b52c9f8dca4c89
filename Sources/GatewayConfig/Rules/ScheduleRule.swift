/// Scheduled changes (`availability.schedule`) and change freezes, as the compiler, the artifact
/// reader, the router, `regionc` and `regiond` all read them: which phase is in effect at an
/// instant, what the next step is, which freeze holds an instant, and when a method's phase is
/// wider than its region's.
package enum ScheduleRule {
    /// A step must fall strictly after the previous step (or the window's start) and before the
    /// window's end: steps at `from` or `until` would never be seen, or would be seen never.
    package static func isInWindow(_ at: Instant, from: Instant?, until: Instant?) -> Bool {
        (from.map { at > $0 } ?? true) && (until.map { at < $0 } ?? true)
    }

    /// The statuses of a method and of its region, each a list of (start, status) in time order
    /// with the base first (start nil): the first instant at which the method reaches further than
    /// its region, with both statuses then; nil when it never does. A method without its own
    /// status follows its region and is never wider.
    package static func firstWidening(method: [(start: Instant?, status: AvailabilityStatus)],
                                      region: [(start: Instant?, status: AvailabilityStatus)])
        -> (at: Instant?, method: AvailabilityStatus, region: AvailabilityStatus)? {
        for boundary in boundaries(method, region) {
            if let methodStatus = status(in: method, at: boundary), let regionStatus = status(in: region, at: boundary),
               methodStatus.reach > regionStatus.reach {
                return (boundary, methodStatus, regionStatus)
            }
        }
        return nil
    }

    /// The first instant at which a method of its own status `pilot` sits in a `live` region: it
    /// reaches nobody then (a pilot method follows its region's rollout, and a live region has
    /// none: `AvailabilityStatus.offersMethod`). nil when that never happens.
    package static func firstPilotInLiveRegion(method: [(start: Instant?, status: AvailabilityStatus)],
                                               region: [(start: Instant?, status: AvailabilityStatus)]) -> Instant?? {
        for boundary in boundaries(method, region) where status(in: method, at: boundary) == .pilot && status(in: region, at: boundary) == .live {
            return .some(boundary)
        }
        return nil
    }

    /// Every instant at which either list's status may change, the start (nil) first.
    static func boundaries(_ method: [(start: Instant?, status: AvailabilityStatus)],
                           _ region: [(start: Instant?, status: AvailabilityStatus)]) -> [Instant?] {
        [nil] + (method.compactMap(\.start) + region.compactMap(\.start)).sorted()
    }

    /// Whether the half-open window [from, until) holds `instant`: a freeze's start is inside it,
    /// its end is not.
    package static func window(from: Instant, until: Instant, holds instant: Instant) -> Bool {
        from <= instant && instant < until
    }

    /// The status in effect at `instant` (nil: before every step, the base) in a (start, status) list.
    static func status(in phases: [(start: Instant?, status: AvailabilityStatus)], at instant: Instant?) -> AvailabilityStatus? {
        var current: AvailabilityStatus?
        for phase in phases {
            guard let start = phase.start else {
                current = phase.status
                continue
            }
            guard let instant, start <= instant else { break }
            current = phase.status
        }
        return current
    }
}

/// One phase of a region's availability: the base (`index` 0) or the one a step starts.
package struct AvailabilityPhase: Sendable, Hashable {
    /// 0 is `availability` as written; k is the phase `availability.schedule[k - 1]` starts.
    package var index: Int
    /// When the phase starts; nil for the base.
    package var start: Instant?
    package var status: AvailabilityStatus
    package var rollout: RolloutArtifact?
    package var blackouts: [BlackoutArtifact]?

    /// The step that starts it, as `explain` and tools name it (`schedule[1]`); nil for the base.
    package var stepIndex: Int? { index == 0 ? nil : index - 1 }

    /// The descriptor field a phase's value comes from, as `explain`, `regiond` and the review
    /// tools name it: `hk.yaml availability.schedule[1]` for a step's phase, else the base field
    /// (`hk.yaml availability.rollout.percent`, or `hk.yaml availability` without a field).
    package static func source(file: String, stepIndex: Int?, field: String? = nil) -> String {
        if let stepIndex { return "\(file) availability.schedule[\(stepIndex)]" }
        return "\(file) availability\(field.map { ".\($0)" } ?? "")"
    }
    /// The same for a payment method's own availability, by its place in `payment_methods`:
    /// `my.yaml payment_methods[1].availability.schedule[0]`, or `….availability` for its base.
    package static func source(file: String, method index: Int, stepIndex: Int?) -> String {
        "\(file) payment_methods[\(index)].availability\(stepIndex.map { ".schedule[\($0)]" } ?? "")"
    }
}

extension AvailabilityArtifact {
    /// The base, then each step's phase, in time order.
    package var phases: [AvailabilityPhase] {
        [AvailabilityPhase(index: 0, start: nil, status: status, rollout: rollout, blackouts: blackouts)]
            + (schedule ?? []).enumerated().map { offset, step in
                AvailabilityPhase(index: offset + 1, start: step.at, status: step.status, rollout: step.rollout,
                                  blackouts: step.blackouts)
            }
    }

    /// The phase in effect at `instant`: the last whose start is at or before it.
    package func phase(at instant: Instant) -> AvailabilityPhase {
        phases.last { ($0.start ?? instant) <= instant } ?? phases[0]
    }

    /// The first step that starts after `instant`, with its index in `schedule`.
    package func nextStep(after instant: Instant) -> (index: Int, step: AvailabilityStepArtifact)? {
        guard let steps = schedule, let index = steps.firstIndex(where: { $0.at > instant }) else { return nil }
        return (index, steps[index])
    }

    /// (start, status) of every phase, for `ScheduleRule.firstWidening`.
    package var statusPhases: [(start: Instant?, status: AvailabilityStatus)] {
        [(nil, status)] + (schedule ?? []).map { ($0.at, $0.status) }
    }
}

extension MethodAvailabilityArtifact {
    /// The method's own status at `instant`.
    package func status(at instant: Instant) -> AvailabilityStatus {
        stepIndex(at: instant).flatMap { schedule?[$0].status } ?? status
    }

    /// The index in `schedule` of the step in effect at `instant`; nil for the base.
    package func stepIndex(at instant: Instant) -> Int? {
        schedule?.lastIndex { $0.at <= instant }
    }

    /// The first step that starts after `instant`, with its index in `schedule`.
    package func nextStep(after instant: Instant) -> (index: Int, step: MethodStepArtifact)? {
        guard let steps = schedule, let index = steps.firstIndex(where: { $0.at > instant }) else { return nil }
        return (index, steps[index])
    }

    /// (start, status) of every phase, for `ScheduleRule.firstWidening`.
    package var statusPhases: [(start: Instant?, status: AvailabilityStatus)] {
        [(nil, status)] + (schedule ?? []).map { ($0.at, $0.status) }
    }
}

extension ChangeFreezeArtifact {
    /// Half-open, as every window: the start is inside, the end is not.
    package func contains(_ instant: Instant) -> Bool { ScheduleRule.window(from: from, until: until, holds: instant) }
}

extension RegionArtifact {
    /// The first change freeze (in time order) that holds `instant`.
    package func changeFreeze(containing instant: Instant) -> ChangeFreezeArtifact? {
        changeFreezes?.first { $0.contains(instant) }
    }

    /// Every instant at which the region's or a method's phase changes, in time order, once each.
    package var stepInstants: [Instant] {
        let region = (availability.schedule ?? []).map(\.at)
        let methods = paymentMethods.flatMap { ($0.availability?.schedule ?? []).map(\.at) }
        return Array(Set(region + methods)).sorted()
    }
}
