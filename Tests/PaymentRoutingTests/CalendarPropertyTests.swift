import GatewayConfig
import PaymentRouting
import Testing

/// Properties of the settlement date over many capture instants, across DST changes and year ends.
@Suite struct CalendarPropertyTests {
    static let zones: [(zone: String, weekend: [Weekday])] = [
        ("America/New_York", [.sat, .sun]), ("Asia/Dhaka", [.fri, .sat]), ("Asia/Kolkata", [.sun]),
    ]

    @Test(arguments: [0, 1, 2, 5])
    func settlementDatesAreBusinessDaysNeverEarlierAndMonotonic(businessDays: Int) throws {
        let holidays = try ["2026-12-24", "2026-12-25", "2026-12-28", "2027-01-01", "2026-03-09", "2026-11-02"]
            .map { try #require(CalendarDate($0)) }
        let cutoff = try #require(LocalTime("17:00"))
        for (zone, weekend) in Self.zones {
            let calendar = try #require(BusinessCalendar(timeZone: zone, weekend: weekend, holidays: holidays))
            var previous: CalendarDate?
            var instant = try #require(Instant("2026-01-01T00:00:00Z")).secondsSinceEpoch
            let end = try #require(Instant("2027-12-31T00:00:00Z")).secondsSinceEpoch
            while instant < end {
                let capture = Instant(secondsSinceEpoch: instant)
                let date = calendar.settlementDate(capturedAt: capture, cutoff: cutoff, businessDays: businessDays)
                #expect(date >= calendar.localDate(of: capture), "\(zone) \(capture)")
                #expect(calendar.isBusinessDay(date), "\(zone) \(capture) -> \(date)")
                if let previous { #expect(previous <= date, "\(zone) \(capture)") }
                previous = date
                instant += 37 * 60 + 11
            }
        }
    }

    @Test func localDatesFollowDaylightSaving() throws {
        let calendar = try #require(BusinessCalendar(timeZone: "America/New_York", weekend: [.sat, .sun], holidays: []))
        // 2026-03-08 02:00 EST becomes 03:00 EDT; 2026-11-01 02:00 EDT becomes 01:00 EST.
        #expect(calendar.localDate(of: try #require(Instant("2026-03-08T04:59:59Z"))).description == "2026-03-07")
        #expect(calendar.localDate(of: try #require(Instant("2026-03-08T05:00:00Z"))).description == "2026-03-08")
        #expect(calendar.localDate(of: try #require(Instant("2026-07-01T03:59:59Z"))).description == "2026-06-30")
        #expect(calendar.localDate(of: try #require(Instant("2026-07-01T04:00:00Z"))).description == "2026-07-01")
        #expect(calendar.localDate(of: try #require(Instant("2026-11-02T04:59:59Z"))).description == "2026-11-01")
        #expect(calendar.localDate(of: try #require(Instant("2026-11-02T05:00:00Z"))).description == "2026-11-02")
    }

    @Test func aCalendarWithoutBusinessDaysIsRefused() {
        #expect(BusinessCalendar(timeZone: "Asia/Dhaka", weekend: Weekday.allCases, holidays: []) == nil)
        #expect(BusinessCalendar(timeZone: "Mars/Olympus", weekend: [.sat, .sun], holidays: []) == nil)
    }
}
