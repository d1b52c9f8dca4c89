/// A point in time with second precision, held as seconds since the Unix epoch (UTC).
/// Parsed from RFC 3339 with an explicit offset; printed as RFC 3339 UTC (`...Z`).
public struct Instant: Sendable, Hashable, Comparable, CustomStringConvertible, Codable {
    public let secondsSinceEpoch: Int64

    public init(secondsSinceEpoch: Int64) { self.secondsSinceEpoch = secondsSinceEpoch }

    /// The earliest instant written in four-digit years, 0001-01-01T00:00:00Z.
    package static let earliest = Instant(secondsSinceEpoch: Int64(CalendarDate.dayRange.lowerBound) * 86_400)

    package enum ParseError: Error, Equatable, Sendable {
        case malformed
        case missingOffset
        case fractionalSeconds
        case invalidDate
        case invalidTime
        /// In UTC, the instant falls before 0001-01-01T00:00:00Z (e.g. `0001-01-01T00:00:00+00:01`).
        case beforeFirstDate
        /// In UTC, the instant falls after 9999-12-31T23:59:59Z (e.g. `9999-12-31T23:59:59-01:00`).
        case afterLastDate
    }

    /// What to do with a fraction of a second. Instants are whole seconds.
    public enum Fractions: Sendable {
        /// Refuse any fraction other than zero: descriptor boundaries must not move silently.
        case refuseNonZero
        /// Drop the fraction (`10:00:00.999Z` is `10:00:00Z`): a checkout's capture time as
        /// logs write it (JavaScript's `toISOString`), decided by the second it falls in.
        case truncate
    }

    /// Parses `YYYY-MM-DDTHH:MM:SS`, an optional `.fraction`, then `Z` or `±HH:MM`.
    package static func parse(_ text: String, fractions: Fractions = .refuseNonZero) -> Result<Instant, ParseError> {
        parse(utf8: Array(text.utf8)[...], fractions: fractions)
    }

    /// The same, over UTF-8 bytes: the batch path parses request lines without making strings.
    package static func parse(utf8 input: ArraySlice<UInt8>, fractions: Fractions = .refuseNonZero) -> Result<Instant, ParseError> {
        input.withUnsafeBufferPointer { parse(buffer: $0, fractions: fractions) }
    }

    /// Offsets below are from the start of the text, so the parse works on a zero-based buffer.
    static func parse(buffer bytes: UnsafeBufferPointer<UInt8>, fractions: Fractions) -> Result<Instant, ParseError> {
        guard bytes.count >= 19 else { return .failure(.malformed) }
        guard bytes[4] == 0x2D, bytes[7] == 0x2D, bytes[10] == 0x54 || bytes[10] == 0x74,
              bytes[13] == 0x3A, bytes[16] == 0x3A,
              let year = parseDigits(bytes[0..<4]), let month = parseDigits(bytes[5..<7]),
              let day = parseDigits(bytes[8..<10]), let hour = parseDigits(bytes[11..<13]),
              let minute = parseDigits(bytes[14..<16]), let second = parseDigits(bytes[17..<19])
        else { return .failure(.malformed) }
        guard let date = CalendarDate(year: year, month: month, day: day) else { return .failure(.invalidDate) }
        guard hour <= 23, minute <= 59, second <= 59 else { return .failure(.invalidTime) }
        var index = 19
        if index < bytes.count, bytes[index] == 0x2E {
            index += 1
            let start = index
            while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
                guard bytes[index] == 0x30 || fractions == .truncate else { return .failure(.fractionalSeconds) }
                index += 1
            }
            guard index > start else { return .failure(.malformed) }
        }
        guard index < bytes.count else { return .failure(.missingOffset) }
        var offsetSeconds = 0
        switch bytes[index] {
        case 0x5A, 0x7A:
            guard index + 1 == bytes.count else { return .failure(.malformed) }
        case 0x2B, 0x2D:
            guard bytes.count == index + 6, bytes[index + 3] == 0x3A,
                  let oh = parseDigits(bytes[(index + 1)..<(index + 3)]),
                  let om = parseDigits(bytes[(index + 4)..<(index + 6)]),
                  oh <= 23, om <= 59 else { return .failure(.malformed) }
            offsetSeconds = (oh * 3600 + om * 60) * (bytes[index] == 0x2D ? -1 : 1)
        default:
            return .failure(.malformed)
        }
        let local = Int64(date.daysSinceEpoch) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        let instant = Instant(secondsSinceEpoch: local - Int64(offsetSeconds))
        // Every parsed instant prints as UTC text this parser reads back.
        let utcDay = Int(instant.secondsSinceEpoch.floorDivided(by: 86_400))
        guard utcDay >= CalendarDate.dayRange.lowerBound else { return .failure(.beforeFirstDate) }
        guard utcDay <= CalendarDate.dayRange.upperBound else { return .failure(.afterLastDate) }
        return .success(instant)
    }

    public init?(_ text: String, fractions: Fractions = .refuseNonZero) {
        guard case .success(let instant) = Instant.parse(text, fractions: fractions) else { return nil }
        self = instant
    }

    /// The UTC date (clamped to 0001-01-01 ... 9999-12-31 for an instant built from raw seconds
    /// beyond them; a parsed instant is always inside).
    package var utcDate: CalendarDate {
        CalendarDate(clampingDaysSinceEpoch: Int(secondsSinceEpoch.floorDivided(by: 86_400)))
    }

    /// RFC 3339 in UTC, e.g. `2026-12-01T00:00:00Z`.
    public var description: String { text(writtenBy: write(into:)) }

    public static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.secondsSinceEpoch < rhs.secondsSinceEpoch }

    /// Appends the `description` without building a string.
    package func write(into output: inout [UInt8]) {
        let days = secondsSinceEpoch.floorDivided(by: 86_400)
        let secondOfDay = Int(secondsSinceEpoch - days * 86_400)
        let civil = CivilCalendar.civilFromDays(Int(days))
        appendFourDigits(civil.year, into: &output)
        output.append(UInt8(ascii: "-"))
        appendTwoDigits(civil.month, into: &output)
        output.append(UInt8(ascii: "-"))
        appendTwoDigits(civil.day, into: &output)
        output.append(UInt8(ascii: "T"))
        appendTwoDigits(secondOfDay / 3600, into: &output)
        output.append(UInt8(ascii: ":"))
        appendTwoDigits(secondOfDay / 60 % 60, into: &output)
        output.append(UInt8(ascii: ":"))
        appendTwoDigits(secondOfDay % 60, into: &output)
        output.append(UInt8(ascii: "Z"))
    }

    public init(from decoder: any Decoder) throws {
        self = try TextCoding.decode(decoder, refusal: "not an RFC 3339 instant") { Instant($0) }
    }

    public func encode(to encoder: any Encoder) throws { try TextCoding.encode(description, to: encoder) }
}

extension Int64 {
    /// Division rounding toward negative infinity, so instants before 1970 map to the right day.
    func floorDivided(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
