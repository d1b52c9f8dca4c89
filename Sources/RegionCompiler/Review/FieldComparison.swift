import GatewayConfig

/// Field-by-field comparison of one region, in the descriptor's words: money as money,
/// instants as written in the artifact, lists as additions and removals.
enum FieldComparison {
    enum Value: Equatable {
        case scalar(String)
        case set([String])
        /// A per-payment range: its text, and its bounds in minor units to judge narrowing.
        case range(String, min: Int64, max: Int64)

        var text: String? {
            switch self {
            case .scalar(let text), .range(let text, _, _): text
            case .set: nil
            }
        }
    }

    static func compare(region code: String, _ old: RegionArtifact, _ new: RegionArtifact) -> [ConfigDiff.FieldChange] {
        let before = flatten(old)
        let after = flatten(new)
        var changes: [ConfigDiff.FieldChange] = []
        for field in Set(before.keys).union(after.keys).sorted() {
            let was = before[field]
            let now = after[field]
            guard was != now, let text = changeText(from: was, to: now), !text.isEmpty else { continue }
            changes.append(ConfigDiff.FieldChange(region: code, field: field, change: text,
                                                  breaking: isBreaking(field: field, was, now,
                                                                       stillPilot: new.availability.status == .pilot)))
        }
        return changes
    }

    /// What changed, as the diff prints it: `+X, -Y` for a set, `old -> new` otherwise; nil when neither is set.
    static func changeText(from old: Value?, to new: Value?) -> String? {
        switch (old, new) {
        case (.set(let a)?, .set(let b)?):
            let added = b.filter { !a.contains($0) }.map { "+\($0)" }
            let removed = a.filter { !b.contains($0) }.map { "-\($0)" }
            let parts = added + removed
            return parts.isEmpty ? "reordered" : parts.joined(separator: ", ")
        case (.set(let a)?, nil): return a.map { "-\($0)" }.joined(separator: ", ")
        case (nil, .set(let b)?): return b.map { "+\($0)" }.joined(separator: ", ")
        default:
            guard old?.text != nil || new?.text != nil else { return nil }
            return "\(old?.text ?? "(none)") -> \(new?.text ?? "(none)")"
        }
    }
    /// `stillPilot`: a narrower pilot audience only matters while the region stays a pilot;
    /// going live widens it to every merchant.
    static func isBreaking(field: String, _ old: Value?, _ new: Value?, stillPilot: Bool) -> Bool {
        func removedSomething() -> Bool {
            guard case .set(let a)? = old else { return false }
            guard case .set(let b)? = new else { return !a.isEmpty }
            return a.contains { !b.contains($0) }
        }
        func addedSomething() -> Bool {
            guard case .set(let b)? = new else { return false }
            guard case .set(let a)? = old else { return !b.isEmpty }
            return b.contains { !a.contains($0) }
        }
        switch field {
        case "currencies.presentment", "payment_methods":
            return removedSomething()
        case "availability.rollout.allow":
            return stillPilot && removedSomething()
        case "availability.blackouts", "availability.rollout.deny":
            return addedSomething()
        case "currencies.settlement":
            return old != nil
        case "availability.status":
            let reach = { (value: Value?) in value?.text.flatMap(AvailabilityStatus.init(rawValue:))?.reach ?? 0 }
            return reach(new) < reach(old)
        case "availability.rollout.percent":
            return stillPilot && (new?.text.flatMap { Int($0) } ?? 0) < (old?.text.flatMap { Int($0) } ?? 0)
        case "availability.until":
            // RFC 3339 UTC text orders chronologically; a new or earlier end stops payments sooner.
            return new != nil && (old == nil || (new?.text ?? "") < (old?.text ?? ""))
        case "availability.from":
            return new != nil && (old == nil || (new?.text ?? "") > (old?.text ?? ""))
        default:
            if field.hasSuffix(".currencies") { return removedSomething() }
            if case .range(_, let oldMin, let oldMax)? = old, case .range(_, let newMin, let newMax)? = new {
                return newMin > oldMin || newMax < oldMax
            }
            if case .range? = new { return old == nil }
            return false
        }
    }

    // MARK: Flattening

    static func flatten(_ region: RegionArtifact) -> [String: Value] {
        var fields: [String: Value] = [
            "name": .scalar(region.name),
            "timezone": .scalar(region.timezone),
            "weekend": .set((region.weekend ?? []).map(\.rawValue)),
            "holidays": .set((region.holidays ?? []).map(\.description)),
            "settlement.calendars": .set(region.settlement.calendars.map(\.rawValue)),
            "availability.status": .scalar(region.availability.status.rawValue),
            "currencies.presentment": .set(region.currencies.presentment.map(\.rawValue)),
            "currencies.settlement": .scalar(region.currencies.settlement.rawValue),
            // From business_days, the number the runtime settles by (the loader checks the text agrees).
            "settlement.schedule": .scalar("T+\(region.settlement.businessDays)"),
            "settlement.cutoff": .scalar(region.settlement.cutoff.description),
            "payment_methods": .set(region.paymentMethods.map(\.method)),
            "routes": .set(region.routes.enumerated().map { "\($0.offset + 1). \(routeText($0.element))" }),
        ]
        let availability = region.availability
        if let from = availability.from { fields["availability.from"] = .scalar(from.description) }
        if let until = availability.until { fields["availability.until"] = .scalar(until.description) }
        if let rollout = availability.rollout {
            fields["availability.rollout.percent"] = .scalar("\(rollout.percent)")
            fields["availability.rollout.allow"] = .set(rollout.allow)
            fields["availability.rollout.deny"] = .set(rollout.deny)
        }
        if let blackouts = availability.blackouts {
            fields["availability.blackouts"] = .set(blackouts.map { "\($0.from)..\($0.until)" })
        }
        // Each freeze as `timeline` and a frozen diff word it; `defaults.yaml`'s are listed under every region.
        fields["change_freezes"] = .set((region.changeFreezes ?? []).map { FreezeHold.describe($0) })
        if let payout = region.settlement.minimumPayout {
            fields["settlement.minimum_payout"] = .scalar(payout.money.description)
        }
        for range in region.limits?.perPayment ?? [] {
            fields["limits.per_payment[\(range.currency)]"] = rangeValue(range)
        }
        for method in region.paymentMethods {
            let prefix = "payment_methods[\(method.method)]"
            fields["\(prefix).currencies"] = .set(method.currencies.map(\.rawValue))
            for range in method.limits?.perPayment ?? [] {
                fields["\(prefix).limits.per_payment[\(range.currency)]"] = rangeValue(range)
            }
            if let own = method.availability {
                var text = own.status.rawValue
                if let from = own.from { text += " from \(from)" }
                if let until = own.until { text += " until \(until)" }
                fields["\(prefix).availability"] = .scalar(text)
            }
        }
        return fields
    }

    /// `1.00 HKD .. 50000.00 HKD`.
    static func rangeValue(_ range: RangeArtifact) -> Value {
        let min = range.min.map { Money(minorUnits: $0, currency: range.currency).description } ?? "no min"
        let max = range.max.map { Money(minorUnits: $0, currency: range.currency).description } ?? "no max"
        return .range("\(min) .. \(max)", min: range.min ?? .min, max: range.max ?? .max)
    }

    /// `name: methods [..] currencies [..] -> acquirer`, then `, then fallback, ...` when it has fallbacks.
    static func routeText(_ route: RouteArtifact) -> String {
        var match: [String] = []
        if let methods = route.match?.methods { match.append("methods [\(methods.joined(separator: ", "))]") }
        if let currencies = route.match?.currencies { match.append("currencies [\(currencies.map(\.rawValue).joined(separator: ", "))]") }
        let fallback = (route.fallback ?? []).map { ", then \($0)" }.joined()
        return "\(route.name): \(match.isEmpty ? "everything" : match.joined(separator: " ")) -> \(route.acquirer)\(fallback)"
    }
}
