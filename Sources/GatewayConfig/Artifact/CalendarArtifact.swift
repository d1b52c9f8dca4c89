/// One banking market's calendar as compiled: weekend, named holidays, half days and the
/// span of dates its source vouches for. Regions name the calendars their payouts follow.
public struct CalendarArtifact: Sendable, Hashable, Codable {
    public var market: RegionCode
    public var name: String
    /// The input it was compiled from: `calendars/hk.yaml`, or a region file (`hk.yaml`) whose own
    /// `weekend`/`holidays` stand in for a market without a calendar file (then `unsourced` is true).
    public var source: String
    public var unsourced: Bool?
    public var timezone: String
    public var weekend: [Weekday]
    /// Sorted by date, no date twice.
    public var holidays: [HolidayArtifact]
    /// Sorted by date; absent when there are none.
    public var halfDays: [HalfDayArtifact]?
    /// The first and last day the calendar vouches for. Absent only for unsourced lists that
    /// name no date at all. A settlement date outside [from, through] is an estimate.
    public var from: CalendarDate?
    public var through: CalendarDate?

    public init(market: RegionCode, name: String, source: String, unsourced: Bool? = nil, timezone: String,
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

public struct HolidayArtifact: Sendable, Hashable, Codable {
    public var date: CalendarDate
    public var name: String
    /// true while the date is not officially announced.
    public var estimated: Bool?

    public init(date: CalendarDate, name: String, estimated: Bool? = nil) {
        self.date = date
        self.name = name
        self.estimated = estimated
    }
}

/// A day banks close early: captures at or after `cutoff` (local time in the region's zone)
/// count from the next business day, when `cutoff` is earlier than the region's own.
public struct HalfDayArtifact: Sendable, Hashable, Codable {
    public var date: CalendarDate
    public var cutoff: LocalTime
    public var name: String

    public init(date: CalendarDate, cutoff: LocalTime, name: String) {
        self.date = date
        self.cutoff = cutoff
        self.name = name
    }
}
