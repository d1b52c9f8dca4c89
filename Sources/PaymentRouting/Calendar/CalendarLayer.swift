import GatewayConfig

/// One calendar a region's payouts follow, kept beside the joined bitmap to say why a day was
/// skipped (`--explain`, `regionc calendar`). The decision hot path never reads it.
package struct CalendarLayer: Sendable {
    /// `HK`, or the region file whose own lists add to its calendars (`hk.yaml`).
    package let label: String
    package let weekend: [Weekday]
    /// Holiday names by day since the epoch.
    let holidays: [Int: String]
    /// Half-day cutoffs (second of day) and names by day since the epoch.
    let halfDays: [Int: (cutoffSecond: Int, name: String)]
    /// The days the calendar vouches for; nil ends are open.
    package let from: CalendarDate?
    package let through: CalendarDate?

    package init(label: String, weekend: [Weekday], holidays: [(CalendarDate, String)],
                halfDays: [(CalendarDate, LocalTime, String)] = [], from: CalendarDate? = nil, through: CalendarDate? = nil) {
        self.label = label
        self.weekend = weekend
        var named: [Int: String] = [:]
        for (date, name) in holidays { named[date.daysSinceEpoch] = name }
        self.holidays = named
        var half: [Int: (cutoffSecond: Int, name: String)] = [:]
        for (date, cutoff, name) in halfDays { half[date.daysSinceEpoch] = (cutoff.secondsSinceMidnight, name) }
        self.halfDays = half
        self.from = from
        self.through = through
    }

    /// Whether `day` lies outside the days the calendar vouches for.
    func isBeyondHorizon(_ day: Int) -> Bool {
        if let from, day < from.daysSinceEpoch { return true }
        if let through, day > through.daysSinceEpoch { return true }
        return false
    }
}
