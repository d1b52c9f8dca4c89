import GatewayConfig

/// A non-business day a payout walked past, and why (each calendar that closes it).
package struct SkippedDay: Sendable, Hashable {
    package var date: CalendarDate
    package var reasons: [String]

    package var description: String { "\(date) skipped: \(reasons.joined(separator: ", "))" }
}

/// How captures on one local day settle: before and after that day's cutoff, and the days skipped
/// on the way. For `regionc calendar` and explanations; never on the decision hot path.
package struct SettlementWalk: Sendable, Hashable {
    package var capture: CalendarDate
    /// The day's cutoff: the region's, or a half day's when earlier.
    package var cutoff: LocalTime
    /// The half day that moved the cutoff, by name.
    package var halfDay: String?
    package var settlesBeforeCutoff: CalendarDate
    package var settlesAfterCutoff: CalendarDate
    /// Non-business days from the capture day to the later settlement date.
    package var skipped: [SkippedDay]
    /// Each settlement date lies past a calendar's horizon (or the capture before its start).
    package var beforeCutoffEstimated: Bool
    package var estimated: Bool
    /// The calendars that do not vouch for the later settlement date, by label.
    package var beyondHorizon: [String]
}

extension BusinessCalendar {
    /// The walk of captures on `capture` (a local date) with the region's `cutoff` and T+`businessDays`.
    package func walk(capture: CalendarDate, cutoff: LocalTime, businessDays: Int) -> SettlementWalk {
        let day = capture.daysSinceEpoch
        let cutoffSecond = effectiveCutoff(on: day, regular: cutoff.secondsSinceMidnight)
        var before = isBusinessDay(day) ? day : nextBusinessDay(after: day)
        var after = nextBusinessDay(after: day)
        for _ in 0..<max(0, businessDays) {
            before = nextBusinessDay(after: before)
            after = nextBusinessDay(after: after)
        }
        let skipped = (day...after).filter { !isBusinessDay($0) }.map {
            SkippedDay(date: CalendarDate(clampingDaysSinceEpoch: $0), reasons: closures(on: CalendarDate(clampingDaysSinceEpoch: $0)))
        }
        let late = CalendarDate(clampingDaysSinceEpoch: after)
        return SettlementWalk(
            capture: capture, cutoff: LocalTime(hour: cutoffSecond / 3600, minute: cutoffSecond / 60 % 60) ?? cutoff,
            halfDay: halfDay(on: capture, regular: cutoff)?.name,
            settlesBeforeCutoff: CalendarDate(clampingDaysSinceEpoch: before), settlesAfterCutoff: late, skipped: skipped,
            beforeCutoffEstimated: day < vouchedFrom || before > vouchedThrough,
            estimated: day < vouchedFrom || after > vouchedThrough,
            beyondHorizon: layersBeyondHorizon(on: late).map(\.label) + layersBeyondHorizon(on: capture).map(\.label))
    }
}

/// The text `--explain` shows for a settlement: the calendars followed, each day skipped and why,
/// a half day that moved the cutoff, and why a date is an estimate.
enum SettlementExplainer {
    static func describe(_ calendar: BusinessCalendar, capturedAt instant: Instant, cutoffSecond: Int,
                         settlementDate: CalendarDate) -> String {
        let (capturedDay, _) = calendar.localDay(of: instant)
        var parts = ["follows \(calendar.layers.map(\.label).joined(separator: " + "))"]
        let regular = LocalTime(hour: cutoffSecond / 3600, minute: cutoffSecond / 60 % 60)
        if let regular, let half = calendar.halfDay(on: CalendarDate(clampingDaysSinceEpoch: capturedDay), regular: regular) {
            parts.append("\(CalendarDate(clampingDaysSinceEpoch: capturedDay)) is a half day (\(half.name)): cutoff \(half.cutoff)")
        }
        let last = settlementDate.daysSinceEpoch
        if capturedDay <= last {
            for day in capturedDay...last where !calendar.isBusinessDay(day) {
                let date = CalendarDate(clampingDaysSinceEpoch: day)
                parts.append(SkippedDay(date: date, reasons: calendar.closures(on: date)).description)
            }
        }
        let beyond = calendar.layersBeyondHorizon(on: settlementDate)
        if !beyond.isEmpty {
            let named = beyond.map { layer in
                "\(layer.label) \(layer.through.map { "ends \($0)" } ?? "starts \(layer.from.map(String.init(describing:)) ?? "")")"
            }
            parts.append("settlement_date_estimated: past the horizon of \(named.joined(separator: ", "))")
        } else if let beforeStart = calendar.layersBeyondHorizon(on: CalendarDate(clampingDaysSinceEpoch: capturedDay)).first {
            parts.append("settlement_date_estimated: the capture day is before the \(beforeStart.label) calendar starts")
        }
        return parts.joined(separator: "; ")
    }
}
