import GatewayConfig

/// A market's calendar as the regions use it: from its file, or from the region of that market
/// whose own `weekend`/`holidays` stand in for a missing file (then `unsourced`).
public struct ResolvedCalendar: Sendable {
    public struct Holiday: Sendable {
        public var date: Located<CalendarDate>
        public var name: String
        public var estimated: Bool
    }

    public struct HalfDay: Sendable {
        public var date: Located<CalendarDate>
        public var cutoff: LocalTime
        public var name: String
        public var estimated: Bool
    }

    public var market: RegionCode
    public var name: String
    /// `calendars/hk.yaml`, or the region file (`hk.yaml`) whose lists stand in.
    public var source: String
    public var unsourced: Bool
    public var timezone: String
    public var weekend: [Weekday]
    /// Sorted by date.
    public var holidays: [Holiday]
    public var halfDays: [HalfDay]
    public var from: CalendarDate?
    public var through: CalendarDate?
    /// Where findings about the horizon point: the file's `through:` value, or the region's `holidays`.
    public var horizonLocation: SourceLocation
    public var listedYears: Set<Int>
}

/// Which calendars each region's payouts follow, and the calendars themselves.
public struct CalendarResolution: Sendable {
    /// By market code: every calendar at least one region follows.
    public var calendars: [RegionCode: ResolvedCalendar] = [:]
    /// By region code: the markets its payouts follow, in the order written (default: own market, then
    /// the settlement currency's home market).
    public var markets: [RegionCode: [RegionCode]] = [:]
    /// Regions whose own lists are their market's calendar (not repeated on the region in the artifact).
    public var listsServeAsCalendar: Set<RegionCode> = []
    public var diagnostics: [Diagnostic] = []

    public init() {}
}
