import GatewayConfig
import Testing

/// The byte-level parse and write paths (used by the batch replay) agree with the string forms.
@Suite struct ByteFormsTests {
    /// `description` is derived from `write(into:)`, so each form is checked against literal text.
    static func written(_ write: (inout [UInt8]) -> Void) -> String {
        var bytes: [UInt8] = []
        write(&bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test(arguments: [
        ("120.50 HKD", "120.50 HKD"), ("0.05 USD", "0.05 USD"), ("1000 KRW", "1000 KRW"), ("-3.5 HKD", "-3.50 HKD"),
        ("0.001 BHD", "0.001 BHD"), ("7 BHD", "7.000 BHD"), ("-0 KRW", "0 KRW"),
        ("92233720368547758.07 USD", "92233720368547758.07 USD"), ("-9223372036854775807 KRW", "-9223372036854775807 KRW"),
    ])
    func moneyIsWrittenInItsCurrencysMinorUnits(_ text: String, _ expected: String) throws {
        let money = try Money.parse(text).get()
        #expect(Self.written(money.write(into:)) == expected)
        #expect(money.description == expected)
        // Parsing from a slice that does not start at index 0.
        let padded = Array(("xx" + text).utf8)
        #expect(try Money.parse(utf8: padded[2...]).get() == money)
    }

    /// Hardening finding 10: an offset that carries an instant out of years 0001-9999 is refused,
    /// so every instant prints as text the parser reads back (it used to print `10000-01-01T...`).
    /// Which end it falls off is said (hardening issue 21, item 12: an early one was "too late").
    @Test(arguments: [
        ("9999-12-31T23:59:59-01:00", Instant.ParseError.afterLastDate),
        ("9999-12-31T23:59:30-00:01", .afterLastDate),
        ("0001-01-01T00:30:00+01:00", .beforeFirstDate),
        ("0001-01-01T00:00:00+00:01", .beforeFirstDate),
    ])
    func instantsBeyondFourDigitYearsAreRefused(_ text: String, _ error: Instant.ParseError) {
        #expect(Instant.parse(text) == .failure(error))
        #expect(Instant.parse(text, fractions: .truncate) == .failure(error))
    }

    /// Fractions: refused (unless zero) for descriptor boundaries, dropped for captures.
    @Test(arguments: [
        ("2026-12-01T10:00:00.123Z", Instant.Fractions.truncate, String?("2026-12-01T10:00:00Z")),
        ("2026-12-01T10:00:00.999999999+08:00", .truncate, "2026-12-01T02:00:00Z"),
        ("2026-12-01T10:00:00.000Z", .refuseNonZero, "2026-12-01T10:00:00Z"),
        ("2026-12-01T10:00:00.5Z", .refuseNonZero, nil),
        ("2026-12-01T10:00:00.Z", .truncate, nil),
    ])
    func fractionsAreTruncatedOrRefused(_ text: String, _ policy: Instant.Fractions, _ expected: String?) {
        let parsed = try? Instant.parse(text, fractions: policy).get()
        #expect(parsed?.description == expected)
    }

    @Test func dayCountsOutsideFourDigitYearsAreNoDate() {
        #expect(CalendarDate(daysSinceEpoch: CalendarDate.dayRange.upperBound + 1) == nil)
        #expect(CalendarDate(daysSinceEpoch: CalendarDate.dayRange.lowerBound - 1) == nil)
        #expect(CalendarDate(daysSinceEpoch: CalendarDate.dayRange.upperBound)?.description == "9999-12-31")
        #expect(CalendarDate("9999-12-31")?.adding(days: 1).description == "9999-12-31")
        #expect(CalendarDate(clampingDaysSinceEpoch: .max).description == "9999-12-31")
    }

    @Test(arguments: [
        ("2026-12-01T00:00:00+08:00", "2026-11-30T16:00:00Z", "2026-11-30"),
        ("1999-12-31T23:59:59Z", "1999-12-31T23:59:59Z", "1999-12-31"),
        ("2026-03-08T06:59:59Z", "2026-03-08T06:59:59Z", "2026-03-08"),
        ("2199-12-31T23:59:59-05:30", "2200-01-01T05:29:59Z", "2200-01-01"),
        ("9999-12-31T23:59:59+01:00", "9999-12-31T22:59:59Z", "9999-12-31"),
    ])
    func instantsAreWrittenInUTC(_ text: String, _ expected: String, _ expectedDate: String) throws {
        let instant = try Instant.parse(text).get()
        #expect(Self.written(instant.write(into:)) == expected)
        #expect(instant.description == expected)
        #expect(Self.written(instant.utcDate.write(into:)) == expectedDate)
        #expect(instant.utcDate.description == expectedDate)
        let padded = Array(("{\"at\":\"" + text).utf8)
        #expect(try Instant.parse(utf8: padded[7...]).get() == instant)
    }

    @Test func jsonTextEscapes() {
        var bytes: [UInt8] = []
        JSONText.writeString("a\"b\\c\nd\u{01}é/", into: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "\"a\\\"b\\\\c\\nd\\u0001é/\"")
    }
}
