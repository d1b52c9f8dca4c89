import GatewayConfig

/// What a scheduled step does, in the descriptor's words: the difference between the phase in
/// effect before it and the phase it starts (`rollout percent 25 -> 50`, `status pilot -> live,
/// rollout removed`). The one wording `diff`, `timeline` and `report` use for a step.
package enum StepEffect {
    /// The change from `before` to `after` (a region's phases); `no change` when they agree.
    package static func describe(from before: AvailabilityPhase, to after: AvailabilityPhase) -> String {
        var parts: [String] = []
        if before.status != after.status { parts.append("status \(before.status.rawValue) -> \(after.status.rawValue)") }
        parts += rolloutChanges(before.rollout, after.rollout, pilotBefore: before.status == .pilot, pilotAfter: after.status == .pilot)
        parts += blackoutChanges(before.blackouts ?? [], after.blackouts ?? [])
        return parts.isEmpty ? "no change" : parts.joined(separator: ", ")
    }

    /// A method's step changes only its status.
    package static func describe(methodFrom before: AvailabilityStatus, to after: AvailabilityStatus) -> String {
        before == after ? "no change" : "status \(before.rawValue) -> \(after.rawValue)"
    }

    /// A percent only means something in a pilot (a live phase keeps a rollout for its `deny`
    /// list, with percent 0): outside one it is shown as none.
    static func rolloutChanges(_ before: RolloutArtifact?, _ after: RolloutArtifact?, pilotBefore: Bool, pilotAfter: Bool) -> [String] {
        let oldPercent = pilotBefore ? before?.percent : nil
        let newPercent = pilotAfter ? after?.percent : nil
        var parts: [String] = []
        switch (oldPercent, newPercent) {
        case (let old?, let new?) where old != new: parts.append("rollout percent \(old) -> \(new)")
        case (let old?, nil): parts.append("rollout percent \(old) removed")
        case (nil, let new?): parts.append("rollout percent \(new)")
        default: break
        }
        if let change = listChange(before?.allow ?? [], after?.allow ?? []) { parts.append("rollout allow \(change)") }
        if let change = listChange(before?.deny ?? [], after?.deny ?? []) { parts.append("rollout deny \(change)") }
        return parts
    }

    /// `+shop_2 -shop_1`, or nil when the lists hold the same ids.
    static func listChange(_ before: [String], _ after: [String]) -> String? {
        let added = after.filter { !before.contains($0) }.map { "+\($0)" }
        let removed = before.filter { !after.contains($0) }.map { "-\($0)" }
        let parts = added + removed
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }

    static func blackoutChanges(_ before: [BlackoutArtifact], _ after: [BlackoutArtifact]) -> [String] {
        after.filter { !before.contains($0) }.map { "+blackout \(window($0))" }
            + before.filter { !after.contains($0) }.map { "-blackout \(window($0))" }
    }

    /// `2027-02-05T16:00:00Z..2027-02-08T16:00:00Z (Lunar New Year)`.
    static func window(_ blackout: BlackoutArtifact) -> String {
        "\(blackout.from)..\(blackout.until)\(blackout.reason.map { " (\($0))" } ?? "")"
    }
}
