import GatewayConfig

/// One region in `/v1/config`'s `availability`: the phase in effect at the service's now, the next
/// scheduled step and the change freeze holding now, read through `ScheduleRule`'s functions (the
/// one home of which phase is in effect). Absent values are written as null (`NullWhenAbsent`).
struct RegionPhaseAnswer: Encodable {
    /// The phase now: the base (`step` null) or the one `availability.schedule[step]` started.
    struct Phase: Encodable {
        var status: AvailabilityStatus
        /// The rollout's percent; null when the phase has no rollout (live, planned, ...).
        @NullWhenAbsent var percent: Int?
        @NullWhenAbsent var step: Int?
        /// The descriptor field it comes from, as `explain` names it: `hk.yaml availability.schedule[1]`.
        var source: String
        /// The step's instant; for the base, `availability.from` (null when open from the start).
        @NullWhenAbsent var since: Instant?
    }

    /// The first step after now: when, which, and the phase it starts.
    struct NextStep: Encodable {
        var at: Instant
        var step: Int
        var source: String
        var status: AvailabilityStatus
        @NullWhenAbsent var percent: Int?
        /// The descriptor fields whose value differs from the phase now, in a fixed order.
        var changes: [String]
    }

    struct Freeze: Encodable {
        var from: Instant
        var until: Instant
        @NullWhenAbsent var reason: String?
        /// The file that declares it: `defaults.yaml` or the region's own.
        var source: String
    }

    var phase: Phase
    @NullWhenAbsent var nextStep: NextStep?
    @NullWhenAbsent var changeFreeze: Freeze?

    enum CodingKeys: String, CodingKey {
        case phase
        case nextStep = "next_step"
        case changeFreeze = "change_freeze"
    }

    init(_ region: RegionArtifact, at now: Instant) {
        let availability = region.availability
        let current = availability.phase(at: now)
        phase = Phase(status: current.status, percent: current.rollout?.percent, step: current.stepIndex,
                      source: PhaseNames.source(of: current, in: region), since: current.start ?? availability.from)
        nextStep = availability.nextStep(after: now).map { index, step in
            NextStep(at: step.at, step: index, source: PhaseNames.source(ofStep: index, in: region), status: step.status,
                     percent: step.rollout?.percent, changes: Self.changes(from: current, to: step))
        }
        changeFreeze = region.changeFreeze(containing: now).map {
            Freeze(from: $0.from, until: $0.until, reason: $0.reason, source: $0.source)
        }
    }

    /// What a step changes, named as the descriptor's fields (a step's phase is whole, so this compares).
    static func changes(from phase: AvailabilityPhase, to step: AvailabilityStepArtifact) -> [String] {
        [
            ("status", phase.status != step.status),
            ("rollout.percent", phase.rollout?.percent != step.rollout?.percent),
            ("rollout.allow", phase.rollout?.allow != step.rollout?.allow),
            ("rollout.deny", phase.rollout?.deny != step.rollout?.deny),
            ("blackouts", phase.blackouts != step.blackouts),
        ].filter { $0.1 }.map { $0.0 }
    }
}
