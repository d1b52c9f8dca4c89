import GatewayConfig

/// Windows run forward, blackouts are sane and disjoint, rollout belongs to pilots,
/// and no method reaches further than its region.
enum AvailabilityCheck: RegionCheck {
    static func run(_ region: RegionDescriptor, catalog: Catalog) -> [Diagnostic] {
        guard let availability = region.availability else { return [] }
        var diagnostics: [Diagnostic] = []
        if let from = availability.from, let until = availability.until, from.value >= until.value {
            diagnostics.append(.error(.fromNotBeforeUntil, "`until` \(until.value) is not after `from` \(from.value)",
                                      at: until.location, hint: "the window is [from, until); make `until` later",
                                      related: [RelatedNote(location: from.location, message: "`from` is here")]))
        }
        diagnostics += checkBlackouts(availability)
        diagnostics += checkRollout(availability)
        for method in region.methods {
            diagnostics += checkMethod(method, region: availability)
        }
        return diagnostics
    }

    static func checkBlackouts(_ availability: RegionDescriptor.Availability) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var accepted: [(from: Located<Instant>, until: Located<Instant>)] = []
        for blackout in availability.blackouts {
            guard let from = blackout.from, let until = blackout.until else { continue }
            guard from.value < until.value else {
                diagnostics.append(.error(.blackoutFromNotBeforeUntil, "blackout `until` \(until.value) is not after its `from` \(from.value)",
                                          at: until.location, hint: "a blackout is [from, until); make `until` later"))
                continue
            }
            if BlackoutRule.isTooLong(from: from.value, until: until.value) {
                let length = until.value.secondsSinceEpoch - from.value.secondsSinceEpoch
                diagnostics.append(.error(.blackoutTooLong, "blackout lasts \(describe(seconds: length)), longer than \(BlackoutRule.longestDays) days",
                                          at: until.location, hint: "for a long stop set `availability.status: paused` instead"))
            }
            if let other = accepted.first(where: { from.value < $0.until.value && $0.from.value < until.value }) {
                diagnostics.append(.error(.blackoutsOverlap, "blackout from \(from.value) overlaps the one from \(other.from.value)",
                                          at: from.location, hint: "merge them into one window",
                                          related: [RelatedNote(location: other.from.location, message: "the other blackout")]))
            }
            let beforeStart = availability.from.map { until.value <= $0.value } ?? false
            let afterEnd = availability.until.map { from.value >= $0.value } ?? false
            if beforeStart || afterEnd {
                diagnostics.append(.warning(.blackoutOutsideWindow, "blackout from \(from.value) lies outside the availability window",
                                            at: from.location, hint: "it can never apply; remove it or fix its dates"))
            }
            accepted.append((from, until))
        }
        return diagnostics
    }

    static func checkRollout(_ availability: RegionDescriptor.Availability) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let status = availability.status?.value
        if let rollout = availability.rollout {
            // `deny` applies to every status (live offers every merchant not denied);
            // `percent` and `allow` only choose a pilot's audience.
            if let status, status != .pilot, rollout.percent != nil || !rollout.allow.isEmpty {
                diagnostics.append(.error(.rolloutWithoutPilot,
                                          "`rollout.percent` and `rollout.allow` only apply to a pilot; the status is `\(status.rawValue)`",
                                          at: rollout.keyLocation,
                                          hint: status == .live ? "live regions reach every merchant not in `deny`; keep only `deny`, or use status: pilot"
                                              : "keep only `deny`, or use status: pilot"))
            }
            let allowed = Dictionary(rollout.allow.map { ($0.value, $0.location) }, uniquingKeysWith: { first, _ in first })
            for denied in rollout.deny {
                if let allowedAt = allowed[denied.value] {
                    diagnostics.append(.error(.allowDenyOverlap, "merchant `\(denied.value)` is both allowed and denied",
                                              at: denied.location, hint: "remove it from one of the lists",
                                              related: [RelatedNote(location: allowedAt, message: "allowed here")]))
                }
            }
        }
        if let status = availability.status, status.value == .pilot,
           (availability.rollout?.percent?.value ?? 0) == 0, availability.rollout?.allow.isEmpty ?? true {
            diagnostics.append(.warning(.pilotReachesNobody, "this pilot reaches no merchant: percent is 0 and `allow` is empty",
                                        at: status.location, hint: "set `rollout.percent` or list merchants in `rollout.allow`"))
        }
        return diagnostics
    }

    static func checkMethod(_ method: RegionDescriptor.Method, region: RegionDescriptor.Availability) -> [Diagnostic] {
        guard let own = method.availability else { return [] }
        var diagnostics: [Diagnostic] = []
        let name = method.method?.value ?? "this method"
        let hint = "a method's availability may narrow its region's, never widen it"
        if let status = own.status, let regionStatus = region.status, status.value.reach > regionStatus.value.reach {
            diagnostics.append(.error(.methodAvailabilityWidens,
                                      "\(name) is `\(status.value.rawValue)` in a region that is `\(regionStatus.value.rawValue)`",
                                      at: status.location, hint: hint,
                                      related: [RelatedNote(location: regionStatus.location, message: "region status")]))
        }
        if let from = own.from, let regionFrom = region.from, from.value < regionFrom.value {
            diagnostics.append(.error(.methodAvailabilityWidens, "\(name) starts \(from.value), before its region (\(regionFrom.value))",
                                      at: from.location, hint: hint))
        }
        if let until = own.until, let regionUntil = region.until, until.value > regionUntil.value {
            diagnostics.append(.error(.methodAvailabilityWidens, "\(name) ends \(until.value), after its region (\(regionUntil.value))",
                                      at: until.location, hint: hint))
        }
        if let from = own.from, let until = own.until, from.value >= until.value {
            diagnostics.append(.error(.fromNotBeforeUntil, "\(name) `until` \(until.value) is not after `from` \(from.value)",
                                      at: until.location, hint: "the window is [from, until); make `until` later"))
        }
        return diagnostics
    }

    static func describe(seconds: Int64) -> String {
        let days = seconds / 86_400
        let hours = seconds % 86_400 / 3600
        return hours == 0 ? "\(days) days" : "\(days) days \(hours) h"
    }
}
