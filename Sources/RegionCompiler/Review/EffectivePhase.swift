import GatewayConfig

/// A merged region descriptor as it stands at an instant, for `regionc effective --at`: each
/// availability's scheduled steps up to the instant applied (`DefaultsMerger.apply`, the rule
/// the compiler follows), the schedule itself replaced by what was applied and what comes next.
enum EffectivePhase {
    static func apply(_ region: YAMLNode, at instant: Instant) -> (node: YAMLNode, notes: [String]) {
        var notes = ["as of \(instant)"]
        let node = transform(region, key: "availability") { availability in
            let (phase, applied, next) = applySteps(availability, at: instant)
            notes.append(applied.map { "region phase: availability.schedule[\($0.index)] (since \($0.at))" }
                         ?? "region phase: the base availability (no step has taken effect)")
            notes.append(next.map { "next step: availability.schedule[\($0.index)] at \($0.at)" } ?? "next step: none")
            return phase
        }
        var result = transform(node, key: "payment_methods") { methods in
            guard case .sequence(let items) = methods.kind else { return methods }
            return YAMLNode(.sequence(items.map { item in
                transform(item, key: "availability") { applySteps($0, at: instant).phase }
            }), at: methods.location)
        }
        if let freeze = freezes(of: result).first(where: { ScheduleRule.window(from: $0.from, until: $0.until, holds: instant) }) {
            notes.append("inside the change freeze \(freeze.reason.map { "`\($0)` " } ?? "")[\(freeze.from), \(freeze.until)) (\(freeze.origin))")
        }
        result = transform(result, key: "change_freezes") { $0 }
        return (result, notes)
    }

    /// The availability with every step at or before `instant` applied and `schedule` removed;
    /// the last step applied and the next one, with their instants.
    static func applySteps(_ availability: YAMLNode, at instant: Instant)
        -> (phase: YAMLNode, applied: (index: Int, at: Instant)?, next: (index: Int, at: Instant)?) {
        guard case .mapping(let pairs) = availability.kind,
              let schedule = pairs.first(where: { $0.keyText == "schedule" }), case .sequence(let steps) = schedule.value.kind
        else { return (availability, nil, nil) }
        var phase = YAMLNode(.mapping(pairs.filter { $0.keyText != "schedule" }), at: availability.location)
        var applied: (index: Int, at: Instant)?
        for (index, step) in steps.enumerated() {
            // A step whose `at` does not read is `regionc validate`'s to report; here it never applies.
            guard let at = stepInstant(step) else { continue }
            guard at <= instant else { return (phase, applied, (index, at)) }
            phase = DefaultsMerger.apply(step: step, to: phase, skipping: ["at"])
            applied = (index, at)
        }
        return (phase, applied, nil)
    }

    static func stepInstant(_ step: YAMLNode) -> Instant? {
        guard case .mapping(let pairs) = step.kind, let text = pairs.first(where: { $0.keyText == "at" })?.value.scalarText,
              case .success(let instant) = Instant.parse(text) else { return nil }
        return instant
    }

    static func freezes(of region: YAMLNode) -> [(from: Instant, until: Instant, reason: String?, origin: String)] {
        guard case .mapping(let pairs) = region.kind, let list = pairs.first(where: { $0.keyText == "change_freezes" }),
              case .sequence(let items) = list.value.kind else { return [] }
        return items.compactMap { item in
            guard case .mapping(let fields) = item.kind else { return nil }
            func text(_ key: String) -> String? { fields.first { $0.keyText == key }?.value.scalarText }
            guard let fromText = text("from"), let untilText = text("until"),
                  case .success(let from) = Instant.parse(fromText), case .success(let until) = Instant.parse(untilText) else { return nil }
            return (from, until, text("reason"), EffectiveDescriptor.origin(item))
        }
    }

    /// `node` with the value under `key` replaced by `change(value)`; unchanged when it has none.
    static func transform(_ node: YAMLNode, key: String, _ change: (YAMLNode) -> YAMLNode) -> YAMLNode {
        guard case .mapping(let pairs) = node.kind else { return node }
        return YAMLNode(.mapping(pairs.map { pair in
            pair.keyText == key ? YAMLPair(key: pair.key, value: change(pair.value)) : pair
        }), at: node.location)
    }
}
