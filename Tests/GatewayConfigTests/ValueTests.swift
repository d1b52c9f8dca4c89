import GatewayConfig
import Testing

@Suite struct ValueTests {
    @Test(arguments: ["2026-01-01", "2024-02-29", "2026-12-31", "2000-02-29"])
    func acceptsRealDates(_ text: String) throws {
        let date = try #require(CalendarDate(text))
        #expect(date.description == text)
    }

    @Test(arguments: ["2026-02-29", "2026-02-30", "2026-13-01", "2026-00-10", "2026-1-01", "26-01-01", "2026/01/01",
                      "1900-02-29", "2026-04-31", ""])
    func refusesUnrealDates(_ text: String) {
        #expect(CalendarDate(text) == nil)
    }

    @Test func weekdaysAreRight() throws {
        #expect(try #require(CalendarDate("2026-11-25")).weekday == .wed)
        #expect(try #require(CalendarDate("1970-01-01")).weekday == .thu)
        #expect(try #require(CalendarDate("2027-01-03")).weekday == .sun)
        #expect(try #require(CalendarDate("1969-12-31")).weekday == .wed)
    }

    @Test func dayArithmeticRoundTrips() {
        for days in stride(from: CalendarDate.dayRange.lowerBound, through: CalendarDate.dayRange.upperBound, by: 997) {
            #expect(CalendarDate(daysSinceEpoch: days)?.daysSinceEpoch == days)
        }
    }

    struct InstantCase: Sendable, CustomStringConvertible {
        let text: String
        let utc: String?
        var description: String { text }
    }

    static let instants: [InstantCase] = [
        InstantCase(text: "2026-12-01T00:00:00+08:00", utc: "2026-11-30T16:00:00Z"),
        InstantCase(text: "2026-12-01T00:00:00Z", utc: "2026-12-01T00:00:00Z"),
        InstantCase(text: "2026-12-01t00:00:00z", utc: "2026-12-01T00:00:00Z"),
        InstantCase(text: "2026-03-08T01:59:59-05:00", utc: "2026-03-08T06:59:59Z"),
        InstantCase(text: "2026-12-31T23:30:00-05:30", utc: "2027-01-01T05:00:00Z"),
        InstantCase(text: "2026-12-01T00:00:00.000+05:45", utc: "2026-11-30T18:15:00Z"),
        InstantCase(text: "2026-12-01T00:00:00", utc: nil),
        InstantCase(text: "2026-12-01 00:00:00Z", utc: nil),
        InstantCase(text: "2026-12-01T24:00:00Z", utc: nil),
        InstantCase(text: "2026-02-30T00:00:00Z", utc: nil),
        InstantCase(text: "2026-12-01T00:00:00.5Z", utc: nil),
        InstantCase(text: "2026-12-01T00:00:00+0800", utc: nil),
        InstantCase(text: "2026-12-01", utc: nil),
    ]

    @Test(arguments: instants)
    func parsesInstants(_ testCase: InstantCase) {
        #expect(Instant(testCase.text)?.description == testCase.utc)
    }

    @Test func localTimesAndSchedules() {
        #expect(LocalTime("17:00")?.secondsSinceMidnight == 61_200)
        #expect(LocalTime("00:00") != nil && LocalTime("23:59") != nil)
        for bad in ["24:00", "7:00", "17:60", "1700", "17:00:00", ""] { #expect(LocalTime(bad) == nil, "\(bad)") }
        #expect(SettlementSchedule("T+0")?.businessDays == 0)
        #expect(SettlementSchedule("T+10")?.businessDays == 10)
        for bad in ["T+11", "T2", "T+", "T+02", "t+2", "T-1", "T+1.5"] { #expect(SettlementSchedule(bad) == nil, "\(bad)") }
    }

    @Test func isoTablesAreComplete() {
        #expect(ISO3166.names.count == 249)
        #expect(RegionCode("NO")?.name == "Norway")
        #expect(RegionCode("XX") == nil && RegionCode("hk") == nil)
        for (code, units) in [("USD", 2), ("HKD", 2), ("INR", 2), ("KRW", 0), ("IDR", 2), ("PHP", 2), ("MYR", 2),
                              ("THB", 2), ("PKR", 2), ("BDT", 2), ("JPY", 0), ("BHD", 3), ("CLF", 4), ("CNY", 2)] {
            #expect(CurrencyCode(code)?.minorUnits == units, "\(code)")
        }
        #expect(ISO4217.entries.count > 150)
        #expect(CurrencyCode("XAU") == nil && CurrencyCode("HRK") == nil)
    }

    @Test func availabilityReachOrdersStatuses() {
        #expect(AvailabilityStatus.live.reach > AvailabilityStatus.pilot.reach)
        #expect(AvailabilityStatus.pilot.reach > AvailabilityStatus.planned.reach)
        #expect(AvailabilityStatus.paused.reach == AvailabilityStatus.retired.reach)
    }
}
