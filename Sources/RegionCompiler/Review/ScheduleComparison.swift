import GatewayConfig

/// The scheduled steps of one region (and of each of its methods) in OLD against NEW. Steps are
/// compared by the phase they start (the artifact holds each phase whole): a step at the same
/// instant starting the same phase is unchanged, another phase is `changed`; then a NEW step
/// starting the same phase as an unmatched OLD step is that step `moved`; the rest are added or
/// removed.
enum ScheduleComparison {
    /// An added region's steps are all added; a removed region's are not listed (the region is).
    static func compare(region code: String, _ old: RegionArtifact?, _ new: RegionArtifact) -> [ScheduleChange] {
        var changes = compare(region: code, method: nil, old: old.map { steps($0.availability) } ?? [], new: steps(new.availability))
        let oldMethods = Dictionary((old?.paymentMethods ?? []).map { ($0.method, $0) }, uniquingKeysWith: { first, _ in first })
        for method in new.paymentMethods {
            changes += compare(region: code, method: method.method,
                               old: oldMethods[method.method].map(steps) ?? [], new: steps(method))
        }
        return changes
    }

    /// A step as compared: its index, instant, the phase it starts and what it does.
    struct Step {
        let index: Int
        let at: Instant
        /// What holds from `at` on; equal phases are the same step.
        let phase: Phase
        let effect: String
    }

    enum Phase: Equatable {
        case region(AvailabilityPhase)
        case method(AvailabilityStatus)

        /// How `self` differs from `old`, in step words.
        func against(_ old: Phase) -> String {
            switch (old, self) {
            case (.region(let before), .region(let after)): StepEffect.describe(from: before, to: after)
            case (.method(let before), .method(let after)): StepEffect.describe(methodFrom: before, to: after)
            default: "another kind of step"
            }
        }
    }

    static func steps(_ availability: AvailabilityArtifact) -> [Step] {
        let phases = availability.phases
        return zip(phases, phases.dropFirst()).compactMap { before, after in
            guard let at = after.start, let index = after.stepIndex else { return nil }
            // The index is dropped from the compared phase: a step that moves keeps its phase.
            var phase = after
            phase.index = 0
            phase.start = nil
            return Step(index: index, at: at, phase: .region(phase), effect: StepEffect.describe(from: before, to: after))
        }
    }

    static func steps(_ method: MethodArtifact) -> [Step] {
        guard let availability = method.availability, let schedule = availability.schedule else { return [] }
        var before = availability.status
        return schedule.enumerated().map { index, step in
            defer { before = step.status }
            return Step(index: index, at: step.at, phase: .method(step.status),
                        effect: StepEffect.describe(methodFrom: before, to: step.status))
        }
    }

    static func compare(region code: String, method: String?, old: [Step], new: [Step]) -> [ScheduleChange] {
        func change(_ step: Step, _ kind: ScheduleChange.Kind) -> ScheduleChange {
            ScheduleChange(region: code, method: method, at: step.at, step: step.index, kind: kind, effect: step.effect)
        }
        var unmatchedOld = old
        var unmatchedNew: [Step] = []
        var changes: [ScheduleChange] = []
        for step in new {
            guard let position = unmatchedOld.firstIndex(where: { $0.at == step.at }) else {
                unmatchedNew.append(step)
                continue
            }
            let was = unmatchedOld.remove(at: position)
            if was.phase != step.phase {
                var changed = change(step, .changed)
                changed.againstOld = step.phase.against(was.phase)
                changes.append(changed)
            }
        }
        for step in unmatchedNew {
            if let position = unmatchedOld.firstIndex(where: { $0.phase == step.phase }) {
                var moved = change(step, .moved)
                moved.movedFrom = unmatchedOld.remove(at: position).at
                changes.append(moved)
            } else {
                changes.append(change(step, .added))
            }
        }
        changes += unmatchedOld.map { change($0, .removed) }
        return changes
    }
}
