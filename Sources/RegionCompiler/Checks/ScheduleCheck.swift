import GatewayConfig

/// Scheduled steps run forward inside the window and outside every change freeze; every phase
/// they make holds as a whole (each availability check runs on it, and what a step breaks is
/// reported at the step, naming its instant); a pilot's percent only goes up; a method's phase is
/// never wider than its region's at the same instant. Calendar findings (business days, hours,
/// horizons) need the resolved calendars: `ScheduleCalendarCheck`.
enum ScheduleCheck: RegionCheck {
    static func run(_ region: RegionDescriptor, catalog: Catalog) -> [Diagnostic] {
        var diagnostics = checkFreezes(region.changeFreezes)
        guard let availability = region.availability else { return diagnostics }
        diagnostics += checkOrder(availability.schedule.map { ($0.at, $0.location) }, from: availability.from,
                                  until: availability.until, owner: "")
        diagnostics += checkInsideFreezes(availability.schedule.map(\.at), freezes: region.changeFreezes)
        diagnostics += checkPhases(availability)
        for method in region.methods {
            guard let own = method.availability, !own.schedule.isEmpty else { continue }
            let name = method.method?.value ?? "this method"
            diagnostics += checkOrder(own.schedule.map { ($0.at, $0.location) }, from: own.from, until: own.until, owner: "\(name)'s ")
            diagnostics += checkInsideFreezes(own.schedule.map(\.at), freezes: region.changeFreezes)
        }
        diagnostics += checkMethodsNarrow(region, availability)
        return diagnostics
    }

    static func checkFreezes(_ freezes: [RegionDescriptor.ChangeFreeze]) -> [Diagnostic] {
        freezes.compactMap { freeze in
            guard let from = freeze.from, let until = freeze.until, from.value >= until.value else { return nil }
            return .error(.fromNotBeforeUntil, "change freeze `until` \(until.value) is not after its `from` \(from.value)",
                          at: until.location, hint: "a freeze is [from, until); make `until` later")
        }
    }

    /// Each step strictly after the one before it (the first after `from`), and before `until`.
    static func checkOrder(_ steps: [(at: Located<Instant>?, location: SourceLocation)], from: Located<Instant>?,
                           until: Located<Instant>?, owner: String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var previous: (instant: Located<Instant>, what: String)? = from.map { ($0, "`from`") }
        for (index, step) in steps.enumerated() {
            guard let at = step.at else { continue }
            if let previous, !ScheduleRule.isInWindow(at.value, from: previous.instant.value, until: nil) {
                diagnostics.append(.error(
                    .stepOutOfOrder, "\(owner)schedule[\(index)] at \(at.value) is not after \(previous.what) (\(previous.instant.value))",
                    at: at.location, hint: "steps run forward in time, each after the one before it and after `from`",
                    related: [RelatedNote(location: previous.instant.location, message: "\(previous.what) is here")]))
            } else if let until, !ScheduleRule.isInWindow(at.value, from: nil, until: until.value) {
                diagnostics.append(.error(
                    .stepOutsideWindow, "\(owner)schedule[\(index)] at \(at.value) is not before `until` (\(until.value)): it never takes effect",
                    at: at.location, hint: "move the step before `until`, or move `until` later",
                    related: [RelatedNote(location: until.location, message: "`until` is here")]))
            }
            previous = (at, "schedule[\(index)]")
        }
        return diagnostics
    }

    static func checkInsideFreezes(_ instants: [Located<Instant>?], freezes: [RegionDescriptor.ChangeFreeze]) -> [Diagnostic] {
        instants.compactMap { at in
            guard let at, let freeze = freezes.first(where: { freeze in
                guard let from = freeze.from, let until = freeze.until else { return false }
                return ScheduleRule.window(from: from.value, until: until.value, holds: at.value)
            }), let from = freeze.from, let until = freeze.until else { return nil }
            let name = freeze.reason.map { "`\($0)`" } ?? "from \(from.value)"
            return .error(.stepInChangeFreeze,
                          "the step at \(at.value) takes effect inside the change freeze \(name) [\(from.value), \(until.value))",
                          at: at.location, hint: "move the step before \(from.value) or to \(until.value) or later",
                          related: [RelatedNote(location: freeze.location, message: "the change freeze")])
        }
    }

    /// Every availability check on every phase. A finding a step brings (new in its phase) that
    /// points at a value the step does not write is moved to the step, with the value as a note.
    static func checkPhases(_ availability: RegionDescriptor.Availability) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var previous = phaseFindings(availability)
        var previousPercent = availability.status?.value == .pilot ? availability.rollout?.percent?.value ?? 0 : nil
        for (index, step) in availability.schedule.enumerated() {
            let findings = phaseFindings(step.phase)
            let before = Set(previous.map(findingKey))
            let when = step.at.map { "from \($0.value) (schedule[\(index)])" } ?? "from schedule[\(index)]"
            for finding in findings where !before.contains(findingKey(finding)) {
                var moved = finding
                moved.message = "\(when): \(finding.message)"
                if !step.ownLocations.contains(finding.location.position) {
                    moved.location = step.at?.location ?? step.location
                    moved.related.insert(RelatedNote(location: finding.location, message: "the value the phase keeps"), at: 0)
                    if finding.code == .rolloutWithoutPilot {
                        moved.hint = "remove them in this step: `rollout: { percent: null, allow: null }`"
                    }
                }
                diagnostics.append(moved)
            }
            previous = findings
            let percent = step.phase.status?.value == .pilot ? step.phase.rollout?.percent?.value ?? 0 : nil
            if let was = previousPercent, let now = percent, now < was {
                diagnostics.append(.warning(
                    .pilotPercentLowered, "\(when): the pilot's percent goes down from \(was) to \(now), dropping merchants already in",
                    at: step.phase.rollout?.percent?.location ?? step.at?.location ?? step.location,
                    hint: "a ramp only goes up; to stop the pilot use `status: paused`, to drop a merchant use `deny`"))
            }
            previousPercent = percent
        }
        return diagnostics
    }

    static func phaseFindings(_ phase: RegionDescriptor.Availability) -> [Diagnostic] {
        AvailabilityCheck.checkRollout(phase) + AvailabilityCheck.checkBlackouts(phase)
    }

    static func findingKey(_ diagnostic: Diagnostic) -> String {
        "\(diagnostic.code.rawValue) \(diagnostic.location.position) \(diagnostic.message)"
    }

    /// A method's phase never reaches further than its region's at the same instant; the base
    /// phases are `AvailabilityCheck`'s.
    static func checkMethodsNarrow(_ region: RegionDescriptor, _ availability: RegionDescriptor.Availability) -> [Diagnostic] {
        guard let regionBase = availability.status?.value else { return [] }
        let regionPhases = [(start: Instant?.none, status: regionBase)]
            + availability.schedule.compactMap { step in step.at.flatMap { at in step.phase.status.map { (Optional(at.value), $0.value) } } }
        var diagnostics: [Diagnostic] = []
        for method in region.methods {
            guard let own = method.availability, let base = own.status?.value else { continue }
            let methodPhases = [(start: Instant?.none, status: base)]
                + own.schedule.compactMap { step in step.at.flatMap { at in step.status.map { (Optional(at.value), $0.value) } } }
            let name = method.method?.value ?? "this method"
            if let dark = ScheduleRule.firstPilotInLiveRegion(method: methodPhases, region: regionPhases) {
                let when = dark.map { "from \($0)" } ?? "from the start"
                let location = dark.flatMap { at in availability.schedule.first { $0.at?.value == at }?.at?.location }
                    ?? own.status?.location ?? own.keyLocation
                diagnostics.append(.warning(
                    .pilotMethodInLiveRegion,
                    "\(when): \(name) is `pilot` while its region is `live`: a pilot method follows its region's rollout, and a live region has none, so it reaches no merchant",
                    at: location,
                    hint: "schedule the method live at the same instant (`schedule: [{ at: ..., status: live }]` in its availability), or drop its own status to follow the region",
                    related: own.status.map { [RelatedNote(location: $0.location, message: "\(name)'s status")] } ?? []))
            }
            guard let widening = ScheduleRule.firstWidening(method: methodPhases, region: regionPhases),
                  let at = widening.at else { continue }
            let location = own.schedule.last { $0.at.map { $0.value <= at } ?? false }?.status?.location
                ?? availability.schedule.first { $0.at?.value == at }?.at?.location ?? own.keyLocation
            diagnostics.append(.error(
                .methodAvailabilityWidens,
                "from \(at): \(name) is `\(widening.method.rawValue)` while its region is `\(widening.region.rawValue)`",
                at: location, hint: "a method's availability may narrow its region's, never widen it; schedule the method's step at or after the region's"))
        }
        return diagnostics
    }
}
