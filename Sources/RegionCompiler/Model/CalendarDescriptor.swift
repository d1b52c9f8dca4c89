import GatewayConfig

/// A banking calendar file (`calendars/<code>.yaml`) as read, every value with its position.
/// Fields are nil when absent or when reading them already produced a diagnostic.
package struct CalendarDescriptor: Sendable {
    package var file: SourceFile
    package var rootLocation: SourceLocation
    package var market: Located<RegionCode>?
    package var name: Located<String>?
    package var timezone: Located<String>?
    package var weekend: Located<[Weekday]>?
    package var through: Located<CalendarDate>?
    /// In file order; `years` keys that are not years are reported and left out.
    package var years: [Year] = []

    package init(file: SourceFile, rootLocation: SourceLocation) {
        self.file = file
        self.rootLocation = rootLocation
    }

    package struct Year: Sendable {
        package var year: Located<Int>
        package var source: Located<String>?
        package var holidays: [Holiday] = []
        package var halfDays: [HalfDay] = []
    }

    package struct Holiday: Sendable {
        package var date: Located<CalendarDate>
        package var name: String
        package var estimated: Bool
        package var source: String?
    }

    package struct HalfDay: Sendable {
        package var date: Located<CalendarDate>
        package var cutoff: Located<LocalTime>
        package var name: String
        package var estimated: Bool
    }

    /// The first and last listed years.
    package var yearSpan: ClosedRange<Int>? {
        guard let first = years.map(\.year.value).min(), let last = years.map(\.year.value).max() else { return nil }
        return first...last
    }

    /// 1 January of the first listed year: the first day the file vouches for.
    package var firstDay: CalendarDate? { yearSpan.flatMap { CalendarDate(year: $0.lowerBound, month: 1, day: 1) } }
}
