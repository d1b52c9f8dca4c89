import GatewayConfig

/// The plan across every region in time order, for `regionc timeline`: each scheduled step in a
/// window with its local time, what it does, the holidays of its local date in the region's
/// settlement calendars and any change freeze holding it; and each change freeze the window
/// touches. "What changes this week?" is the first question in a launch meeting.
package struct LaunchTimeline: Sendable, Equatable {
    package struct Step: Sendable, Equatable {
        package var region: String
        package var regionName: String
        /// nil for a step of the region's own schedule.
        package var method: String?
        package var at: Instant
        package var local: RegionClock
        package var timezone: String
        /// Its index in the schedule.
        package var step: Int
        /// `schedule[1]`, `payment_methods[ALIPAY_HK].schedule[0]`.
        package var field: String
        package var effect: String
        /// Why its local date is not an ordinary business day: `HK Lunar New Year's Day`, `weekend (sat)`,
        /// `HK half day (Christmas Eve, cutoff 12:00)`, `past the HK calendar (through 2027-12-31)`.
        package var holidays: [String]
        /// The region's change freezes that hold `at` (the compiler refuses such a step; an
        /// unchecked artifact may still have one).
        package var freezes: [ChangeFreezeArtifact]
    }

    /// A change freeze, once for every region that has it (defaults.yaml's hold them all).
    package struct Freeze: Sendable, Equatable {
        package var freeze: ChangeFreezeArtifact
        package var regions: [String]
    }

    package enum Entry: Sendable, Equatable {
        case step(Step)
        case freeze(Freeze)

        /// When it sorts: a step at its instant, a freeze at its start.
        package var at: Instant {
            switch self {
            case .step(let step): step.at
            case .freeze(let freeze): freeze.freeze.from
            }
        }
    }

    /// The window, half-open: steps at `from` or later and before `until`; freezes overlapping it.
    package var from: Instant
    package var until: Instant
    package var entries: [Entry]

    package var steps: [Step] { entries.compactMap { if case .step(let step) = $0 { step } else { nil } } }
    package var freezes: [Freeze] { entries.compactMap { if case .freeze(let freeze) = $0 { freeze } else { nil } } }

    /// 9999-12-31T23:59:59Z: the last instant written in four-digit years.
    package static let lastInstant = Instant(secondsSinceEpoch: 253_402_300_799)

    /// The whole plan: every step and every freeze, whenever it is.
    package init(artifact: GatewayArtifact) {
        self.init(artifact: artifact, from: .earliest, until: Self.lastInstant)
    }

    package init(artifact: GatewayArtifact, from: Instant, until: Instant) {
        self.from = from
        self.until = until
        var steps: [Step] = []
        var freezes: [ChangeFreezeArtifact: Set<String>] = [:]
        for region in artifact.regions.values {
            let code = region.region.rawValue
            func step(method: String?, index: Int, at: Instant, effect: String) -> Step {
                let local = RegionClock(at, zone: region.timezone)
                return Step(region: code, regionName: region.name, method: method, at: at, local: local, timezone: region.timezone,
                            step: index, field: (method.map { "payment_methods[\($0)]." } ?? "") + "schedule[\(index)]",
                            effect: effect, holidays: Self.closures(on: local.date, region: region, calendars: artifact.calendars),
                            freezes: (region.changeFreezes ?? []).filter { $0.contains(at) })
            }
            let phases = region.availability.phases
            for (before, after) in zip(phases, phases.dropFirst()) {
                guard let at = after.start, let index = after.stepIndex, from <= at, at < until else { continue }
                steps.append(step(method: nil, index: index, at: at, effect: StepEffect.describe(from: before, to: after)))
            }
            for method in region.paymentMethods {
                guard let availability = method.availability else { continue }
                var status = availability.status
                for (index, methodStep) in (availability.schedule ?? []).enumerated() {
                    defer { status = methodStep.status }
                    guard from <= methodStep.at, methodStep.at < until else { continue }
                    steps.append(step(method: method.method, index: index, at: methodStep.at,
                                      effect: StepEffect.describe(methodFrom: status, to: methodStep.status)))
                }
            }
            for freeze in region.changeFreezes ?? [] where freeze.from < until && from < freeze.until {
                freezes[freeze, default: []].insert(code)
            }
        }
        let freezeEntries = freezes.map { Entry.freeze(Freeze(freeze: $0.key, regions: $0.value.sorted())) }
        // Time order; at one instant a freeze before the steps it holds, then by region and field.
        entries = (freezeEntries + steps.map(Entry.step)).sorted { Self.sortKey($0) < Self.sortKey($1) }
    }

    /// At one instant: freezes first, then by region, its own step before its methods'.
    static func sortKey(_ entry: Entry) -> (Int64, Int, String, String) {
        switch entry {
        case .freeze(let freeze):
            (freeze.freeze.from.secondsSinceEpoch, 0, freeze.freeze.until.description,
             "\(freeze.freeze.source) \(freeze.regions.joined(separator: ",")) \(freeze.freeze.reason ?? "")")
        case .step(let step):
            (step.at.secondsSinceEpoch, 1, step.region, "\(step.method == nil ? 0 : 1) \(step.field)")
        }
    }

    /// What closes `date` in the calendars the region's payouts follow (and its own holidays).
    static func closures(on date: CalendarDate, region: RegionArtifact, calendars: [String: CalendarArtifact]) -> [String] {
        var reasons: [String] = []
        for market in region.settlement.calendars {
            guard let calendar = calendars[market.rawValue] else { continue }
            if calendar.weekend.contains(date.weekday) {
                reasons.append("\(market) weekend (\(date.weekday.rawValue))")
            }
            for holiday in calendar.holidays where holiday.date == date {
                reasons.append("\(market) \(holiday.name)\(holiday.estimated == true ? " (estimated)" : "")")
            }
            for half in calendar.halfDays ?? [] where half.date == date {
                reasons.append("\(market) half day (\(half.name), cutoff \(half.cutoff))")
            }
            if let through = calendar.through, date > through {
                reasons.append("past the \(market) calendar (through \(through))")
            }
        }
        if region.holidays?.contains(date) == true { reasons.append("\(region.source) holiday") }
        return reasons
    }
}
