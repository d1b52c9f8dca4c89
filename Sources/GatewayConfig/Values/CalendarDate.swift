/// A real calendar date (`YYYY-MM-DD`, years 0001 to 9999), validated at construction: every
/// initializer refuses (or, where named so, clamps) a day outside that range, so every value
/// prints as text that `init?(_:)` reads back.
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible, Codable {
    public let year: Int
    public let month: Int
    public let day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...CivilCalendar.daysInMonth(year: year, month: month)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses exactly `YYYY-MM-DD`.
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == 0x2D, bytes[7] == 0x2D,
              let y = parseDigits(bytes[0..<4]), let m = parseDigits(bytes[5..<7]),
              let d = parseDigits(bytes[8..<10]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// The first and last days a date can name, as days since 1970-01-01.
    package static let dayRange = CivilCalendar.daysFromCivil(year: 1, month: 1, day: 1)
        ... CivilCalendar.daysFromCivil(year: 9999, month: 12, day: 31)

    /// The date `daysSinceEpoch` days after 1970-01-01, or nil outside 0001-01-01 ... 9999-12-31.
    package init?(daysSinceEpoch: Int) {
        guard Self.dayRange.contains(daysSinceEpoch) else { return nil }
        let civil = CivilCalendar.civilFromDays(daysSinceEpoch)
        (year, month, day) = (civil.year, civil.month, civil.day)
    }

    /// The same, clamped into 0001-01-01 ... 9999-12-31: for day counts the caller has already
    /// bounded (a routed capture is before 9999-01-01, so its settlement day is in range).
    package init(clampingDaysSinceEpoch days: Int) {
        let civil = CivilCalendar.civilFromDays(Swift.min(Swift.max(days, Self.dayRange.lowerBound), Self.dayRange.upperBound))
        (year, month, day) = (civil.year, civil.month, civil.day)
    }

    package var daysSinceEpoch: Int { CivilCalendar.daysFromCivil(year: year, month: month, day: day) }

    package var weekday: Weekday {
        // 1970-01-01 was a Thursday.
        let index = ((daysSinceEpoch % 7) + 7 + 3) % 7
        return Weekday.allCases[index]
    }

    /// The date `days` later (earlier when negative), clamped to 0001-01-01 ... 9999-12-31: for
    /// margins around dates (a horizon's 90 days), where the range's end is the right answer.
    package func adding(days: Int) -> CalendarDate {
        let (sum, overflow) = daysSinceEpoch.addingReportingOverflow(days)
        return CalendarDate(clampingDaysSinceEpoch: overflow ? (days < 0 ? .min : .max) : sum)
    }

    public var description: String { text(writtenBy: write(into:)) }

    /// Appends `YYYY-MM-DD` (the `description`) without building a string.
    package func write(into output: inout [UInt8]) {
        appendFourDigits(year, into: &output)
        output.append(UInt8(ascii: "-"))
        appendTwoDigits(month, into: &output)
        output.append(UInt8(ascii: "-"))
        appendTwoDigits(day, into: &output)
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public init(from decoder: any Decoder) throws {
        self = try TextCoding.decode(decoder, refusal: "not a date") { CalendarDate($0) }
    }

    public func encode(to encoder: any Encoder) throws { try TextCoding.encode(description, to: encoder) }
}
