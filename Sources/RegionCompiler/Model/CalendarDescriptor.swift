import GatewayConfig

/// A banking calendar file (`calendars/<code>.yaml`) as read, every value with its position.
/// Fields are nil when absent or when reading them already produced a diagnostic.
public struct CalendarDescriptor: Sendable {
    public var file: SourceFile
    public var rootLocation: SourceLocation
    public var market: Located<RegionCode>?
    public var name: Located<String>?
    public var timezone: Located<String>?
    public var weekend: Located<[Weekday]>?
    public var through: Located<CalendarDate>?
    /// In file order; `years` keys that are not years are reported and left out.
    public var years: [Year] = []

    public init(file: SourceFile, rootLocation: SourceLocation) {
        self.file = file
        self.rootLocation = rootLocation
    }

    public struct Year: Sendable {
        public var year: Located<Int>
        public var source: Located<String>?
        public var holidays: [Holiday] = []
        public var halfDays: [HalfDay] = []
    }

    public struct Holiday: Sendable {
        public var date: Located<CalendarDate>
        public var name: String
        public var estimated: Bool
        public var source: String?
    }

    public struct HalfDay: Sendable {
        public var date: Located<CalendarDate>
        public var cutoff: Located<LocalTime>
        public var name: String
        public var estimated: Bool
    }

    /// The first and last listed years.
    public var yearSpan: ClosedRange<Int>? {
        guard let first = years.map(\.year.value).min(), let last = years.map(\.year.value).max() else { return nil }
        return first...last
    }

    /// 1 January of the first listed year: the first day the file vouches for.
    public var firstDay: CalendarDate? { yearSpan.flatMap { CalendarDate(year: $0.lowerBound, month: 1, day: 1) } }
}
