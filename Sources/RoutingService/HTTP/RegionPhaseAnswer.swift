import GatewayConfig

/// One region in `/v1/config`'s `availability`: the phase in effect at the service's now, the next
/// scheduled step, the change freeze holding now, and each payment method with a schedule of its
/// own (its status now and its next step), read through `ScheduleRule`'s functions (the one home of
/// which phase is in effect). Absent values are written as null (`NullWhenAbsent`).
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

    /// A payment method with its own `availability.schedule`: its status now (the base's or a
    /// step's) and its next step. A method without one follows its status and its region's phase.
    struct MethodPhase: Encodable {
        struct NextStep: Encodable {
            var at: Instant
            var step: Int
            var source: String
            var status: AvailabilityStatus
        }

        var status: AvailabilityStatus
        @NullWhenAbsent var step: Int?
        /// `my.yaml payment_methods[1].availability.schedule[0]`, as `explain` names it.
        var source: String
        /// The step's instant; for the base, the method's `from` (null when none).
        @NullWhenAbsent var since: Instant?
        @NullWhenAbsent var nextStep: NextStep?

        enum CodingKeys: String, CodingKey {
            case status, step, source, since
            case nextStep = "next_step"
        }

        init(_ availability: MethodAvailabilityArtifact, index: Int, file: String, at now: Instant) {
            let stepIndex = availability.stepIndex(at: now)
            status = availability.status(at: now)
            step = stepIndex
            source = AvailabilityPhase.source(file: file, method: index, stepIndex: stepIndex)
            since = stepIndex.flatMap { availability.schedule?[$0].at } ?? availability.from
            nextStep = availability.nextStep(after: now).map { next in
                NextStep(at: next.step.at, step: next.index, source: AvailabilityPhase.source(file: file, method: index, stepIndex: next.index),
                         status: next.step.status)
            }
        }
    }

    var phase: Phase
    @NullWhenAbsent var nextStep: NextStep?
    @NullWhenAbsent var changeFreeze: Freeze?
    /// By method id; empty when no method has a schedule of its own.
    var methods: [String: MethodPhase]

    enum CodingKeys: String, CodingKey {
        case phase
        case nextStep = "next_step"
        case changeFreeze = "change_freeze"
        case methods
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
        var methods: [String: MethodPhase] = [:]
        for (index, method) in region.paymentMethods.enumerated() {
            guard let availability = method.availability, availability.schedule?.isEmpty == false else { continue }
            methods[method.method] = MethodPhase(availability, index: index, file: region.source, at: now)
        }
        self.methods = methods
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
