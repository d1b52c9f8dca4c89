/// One banking market's calendar as compiled: weekend, named holidays, half days and the
/// span of dates its source vouches for. Regions name the calendars their payouts follow.
package struct CalendarArtifact: Sendable, Hashable, Codable {
    package var market: RegionCode
    package var name: String
    /// The input it was compiled from: `calendars/hk.yaml`, or a region file (`hk.yaml`) whose own
    /// `weekend`/`holidays` stand in for a market without a calendar file (then `unsourced` is true).
    package var source: String
    package var unsourced: Bool?
    package var timezone: String
    package var weekend: [Weekday]
    /// Sorted by date, no date twice.
    package var holidays: [HolidayArtifact]
    /// Sorted by date; absent when there are none.
    package var halfDays: [HalfDayArtifact]?
    /// The first and last day the calendar vouches for. Absent only for unsourced lists that
    /// name no date at all. A settlement date outside [from, through] is an estimate.
    package var from: CalendarDate?
    package var through: CalendarDate?

    package init(market: RegionCode, name: String, source: String, unsourced: Bool? = nil, timezone: String,
                weekend: [Weekday], holidays: [HolidayArtifact], halfDays: [HalfDayArtifact]? = nil,
                from: CalendarDate?, through: CalendarDate?) {
        self.market = market
        self.name = name
        self.source = source
        self.unsourced = unsourced
        self.timezone = timezone
        self.weekend = weekend
        self.holidays = holidays
        self.halfDays = halfDays
        self.from = from
        self.through = through
    }

    enum CodingKeys: String, CodingKey {
        case market, name, source, unsourced, timezone, weekend, holidays, from, through
        case halfDays = "half_days"
    }
}

package struct HolidayArtifact: Sendable, Hashable, Codable {
    package var date: CalendarDate
    package var name: String
    /// true while the date is not officially announced.
    package var estimated: Bool?

    package init(date: CalendarDate, name: String, estimated: Bool? = nil) {
        self.date = date
        self.name = name
        self.estimated = estimated
    }
}

/// A day banks close early: captures at or after `cutoff` (local time in the region's zone)
/// count from the next business day, when `cutoff` is earlier than the region's own.
package struct HalfDayArtifact: Sendable, Hashable, Codable {
    package var date: CalendarDate
    package var cutoff: LocalTime
    package var name: String

    package init(date: CalendarDate, cutoff: LocalTime, name: String) {
        self.date = date
        self.cutoff = cutoff
        self.name = name
    }
}
