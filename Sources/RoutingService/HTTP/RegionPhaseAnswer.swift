import GatewayConfig

/// One region in `/v1/config`'s `availability`: the phase in effect at the service's now, the next
/// scheduled step and the change freeze holding now, read through `ScheduleRule`'s functions (the
/// one home of which phase is in effect). Absent values are written as null.
struct RegionPhaseAnswer: Encodable {
    /// The phase now: the base (`step` null) or the one `availability.schedule[step]` started.
    struct Phase: Encodable {
        var status: AvailabilityStatus
        /// The rollout's percent; null when the phase has no rollout (live, planned, ...).
        var percent: Int?
        var step: Int?
        /// The descriptor field it comes from, as `explain` names it: `hk.yaml availability.schedule[1]`.
        var source: String
        /// The step's instant; for the base, `availability.from` (null when open from the start).
        var since: Instant?

        enum CodingKeys: String, CodingKey { case status, percent, step, source, since }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(status, forKey: .status)
            try container.encode(percent, forKey: .percent)
            try container.encode(step, forKey: .step)
            try container.encode(source, forKey: .source)
            try container.encode(since, forKey: .since)
        }
    }

    /// The first step after now: when, which, and the phase it starts.
    struct NextStep: Encodable {
        var at: Instant
        var step: Int
        var source: String
        var status: AvailabilityStatus
        var percent: Int?
        /// The descriptor fields whose value differs from the phase now, in a fixed order.
        var changes: [String]

        enum CodingKeys: String, CodingKey { case at, step, source, status, percent, changes }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(at, forKey: .at)
            try container.encode(step, forKey: .step)
            try container.encode(source, forKey: .source)
            try container.encode(status, forKey: .status)
            try container.encode(percent, forKey: .percent)
            try container.encode(changes, forKey: .changes)
        }
    }

    struct Freeze: Encodable {
        var from: Instant
        var until: Instant
        var reason: String?
        /// The file that declares it: `defaults.yaml` or the region's own.
        var source: String

        enum CodingKeys: String, CodingKey { case from, until, reason, source }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(from, forKey: .from)
            try container.encode(until, forKey: .until)
            try container.encode(reason, forKey: .reason)
            try container.encode(source, forKey: .source)
        }
    }

    var phase: Phase
    var nextStep: NextStep?
    var changeFreeze: Freeze?

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

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(phase, forKey: .phase)
        try container.encode(nextStep, forKey: .nextStep)
        try container.encode(changeFreeze, forKey: .changeFreeze)
    }
}
