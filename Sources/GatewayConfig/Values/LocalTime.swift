/// A wall-clock time `HH:MM` (00:00 .. 23:59), e.g. a settlement cutoff.
package struct LocalTime: Sendable, Hashable, Comparable, CustomStringConvertible, Codable {
    package let hour: Int
    package let minute: Int

    package init?(hour: Int, minute: Int) {
        guard (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        self.hour = hour
        self.minute = minute
    }

    /// The minute a second of the day falls in; seconds outside one day are brought into it.
    package init(minuteOfSecond second: Int) {
        let inDay = ((second % 86_400) + 86_400) % 86_400
        hour = inDay / 3600
        minute = inDay / 60 % 60
    }

    /// Parses exactly `HH:MM` with two-digit fields.
    package init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 5, bytes[2] == 0x3A,
              let h = parseDigits(bytes[0..<2]), let m = parseDigits(bytes[3..<5]) else { return nil }
        self.init(hour: h, minute: m)
    }

    package var secondsSinceMidnight: Int { hour * 3600 + minute * 60 }
    package var description: String { "\(twoDigits(hour)):\(twoDigits(minute))" }

    package static func < (lhs: LocalTime, rhs: LocalTime) -> Bool {
        lhs.secondsSinceMidnight < rhs.secondsSinceMidnight
    }

    package init(from decoder: any Decoder) throws {
        self = try TextCoding.decode(decoder, refusal: "not HH:MM") { LocalTime($0) }
    }

    package func encode(to encoder: any Encoder) throws { try TextCoding.encode(description, to: encoder) }
}
