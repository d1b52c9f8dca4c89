import Foundation
import GatewayConfig
import PaymentRouting
import RegionCompiler
import Testing

/// The shipped regions on the shipped calendars: every 2027 bank holiday is a non-business day,
/// every live or pilot region's payouts land on days every calendar it follows is open, and
/// captures around the long holidays settle on the dates a person computes from the official lists.
@Suite struct ShippedCalendarTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func artifact() throws -> GatewayArtifact {
        let compilation = try DescriptorCompiler.compile(directory: root.appendingPathComponent("regions").path)
        return try #require(compilation.artifact, "\(compilation.diagnostics.map(\.message))")
    }

    @Test func everyMarketHasACalendarThrough2027() throws {
        let artifact = try Self.artifact()
        for market in ["US", "HK", "IN", "KR", "ID", "PH", "MY", "TH", "PK", "BD"] {
            let calendar = try #require(artifact.calendars[market], "no \(market) calendar")
            #expect(calendar.unsourced == nil, "\(market) is unsourced")
            #expect((calendar.through?.description ?? "") >= "2027-12-31", "\(market) ends \(String(describing: calendar.through))")
            #expect(artifact.regions[market]?.settlement.calendars.contains(calendar.market) == true)
        }
    }

    @Test func every2027HolidayIsNotABusinessDay() throws {
        let artifact = try Self.artifact()
        let router = try CheckoutRouter(artifact: artifact)
        for (market, calendar) in artifact.calendars {
            let joined = try #require(router.calendar(region: market), "no region follows \(market)")
            let holidays = calendar.holidays.filter { $0.date.year == 2027 }
            #expect(holidays.count >= 8, "\(market) lists \(holidays.count) holidays in 2027")
            for holiday in holidays {
                #expect(!joined.isBusinessDay(holiday.date), "\(market) \(holiday.date) \(holiday.name)")
            }
        }
    }

    /// The "done" line of issue 14: through 2027, every capture of a live or pilot region (before and
    /// from its cutoff) settles on a day no calendar it follows closes, judged from the artifact's lists.
    @Test func liveAndPilotPayoutsThrough2027LandOnRealBankingDays() throws {
        let artifact = try Self.artifact()
        let router = try CheckoutRouter(artifact: artifact)
        let first = try #require(CalendarDate("2026-11-28"))
        let last = try #require(CalendarDate("2027-12-31"))
        var checked = 0
        for (code, region) in artifact.regions where region.availability.status == .live || region.availability.status == .pilot {
            let calendars = try region.settlement.calendars.map { try #require(artifact.calendars[$0.rawValue]) }
            #expect(!calendars.isEmpty)
            var day = first
            while day <= last {
                let walk = try #require(router.settlementWalk(region: code, capture: day))
                for payout in [walk.settlesBeforeCutoff, walk.settlesAfterCutoff] {
                    for calendar in calendars {
                        #expect(!calendar.weekend.contains(payout.weekday), "\(code) capture \(day) pays on \(payout), a \(calendar.market) weekend")
                        #expect(!calendar.holidays.contains { $0.date == payout }, "\(code) capture \(day) pays on \(payout), a \(calendar.market) holiday")
                    }
                    #expect(payout > day || (payout == day && region.settlement.businessDays == 0))
                }
                checked += 1
                day = day.adding(days: 1)
            }
        }
        #expect(checked > 4 * 390, "only \(checked) capture days checked")
    }

    struct CheckedFact: CustomStringConvertible, Sendable {
        let market: String
        let date: String
        let estimated: Bool
        let why: String
        var description: String { "\(market) \(date): \(why)" }
    }

    /// Closing days an independent check found mislabelled (issue 19): each is listed, and
    /// `estimated` only while it waits on an announcement.
    static let checkedFacts: [CheckedFact] = [
        CheckedFact(market: "KR", date: "2027-05-03", estimated: false, why: "Labour Day substitute, in the 2027 월력요항"),
        CheckedFact(market: "KR", date: "2027-07-19", estimated: false, why: "Constitution Day substitute, in the 2027 월력요항"),
        CheckedFact(market: "ID", date: "2026-05-27", estimated: false, why: "Iduladha 1447 H, in the 2026 SKB"),
        CheckedFact(market: "MY", date: "2027-08-16", estimated: true,
                    why: "Maulidur Rasul replacement: waits on the start of Rabiulawal 1449"),
        CheckedFact(market: "BD", date: "2026-05-25", estimated: false, why: "first day of the 2026 Eid-ul-Azha break"),
        CheckedFact(market: "BD", date: "2026-05-31", estimated: false, why: "last day of the 2026 Eid-ul-Azha break"),
    ]

    @Test(arguments: checkedFacts)
    func checkedClosingDaysAreListedAndLabelled(_ fact: CheckedFact) throws {
        let calendar = try #require(try Self.artifact().calendars[fact.market])
        let holiday = try #require(calendar.holidays.first { $0.date.description == fact.date }, "\(fact) is not listed")
        #expect((holiday.estimated ?? false) == fact.estimated, "\(fact)")
    }

    struct Capture: CustomStringConvertible, Sendable {
        let region: String
        let day: String
        /// Payout of a capture before the cutoff, and of one at or after it.
        let before: String
        let after: String
        let why: String
        var description: String { "\(region) \(day): \(why)" }
    }

    /// Computed by hand from each calendar's 2027 list and the region's T+N (US T+1, HK T+2, KR T+2,
    /// TH T+2, MY T+1, ID T+2, PK T+2, BD T+3 on a Friday-Saturday weekend, PH T+1, IN T+1 with no
    /// Saturday payouts).
    static let captures: [Capture] = [
        Capture(region: "US", day: "2027-01-15", before: "2027-01-19", after: "2027-01-20",
                why: "Friday before Martin Luther King Jr. Day (Monday 01-18)"),
        Capture(region: "US", day: "2027-06-17", before: "2027-06-18", after: "2027-06-21",
                why: "Juneteenth is a Saturday: the Fed is open Friday 06-18"),
        Capture(region: "US", day: "2027-07-02", before: "2027-07-06", after: "2027-07-07",
                why: "Independence Day is a Sunday: the Fed closes Monday 07-05"),
        Capture(region: "US", day: "2027-11-24", before: "2027-11-26", after: "2027-11-29", why: "Thanksgiving (Thursday 11-25)"),
        Capture(region: "US", day: "2027-12-23", before: "2027-12-24", after: "2027-12-27",
                why: "Christmas is a Saturday: the Fed is open Friday 12-24"),
        Capture(region: "HK", day: "2027-02-04", before: "2027-02-10", after: "2027-02-11",
                why: "Lunar New Year: 02-06 and 02-07 a weekend, 02-08 and 02-09 holidays"),
        Capture(region: "HK", day: "2027-02-05", before: "2027-02-11", after: "2027-02-12", why: "Friday before Lunar New Year"),
        Capture(region: "HK", day: "2027-03-25", before: "2027-03-31", after: "2027-04-01", why: "Good Friday 03-26 to Easter Monday 03-29"),
        Capture(region: "KR", day: "2027-02-05", before: "2027-02-11", after: "2027-02-12",
                why: "Seollal: 02-08 and the alternative holiday 02-09"),
        Capture(region: "KR", day: "2027-09-13", before: "2027-09-20", after: "2027-09-21", why: "Chuseok 09-14 to 09-16"),
        Capture(region: "TH", day: "2027-04-09", before: "2027-04-16", after: "2027-04-19", why: "Songkran 04-13 to 04-15"),
        Capture(region: "TH", day: "2027-04-05", before: "2027-04-08", after: "2027-04-09", why: "Chakri Memorial Day 04-06"),
        Capture(region: "MY", day: "2027-03-09", before: "2027-03-12", after: "2027-03-15",
                why: "Hari Raya Aidilfitri 03-10 and 03-11 (estimated)"),
        Capture(region: "ID", day: "2027-03-05", before: "2027-03-17", after: "2027-03-18",
                why: "Nyepi 03-08, Idulfitri and cuti bersama 03-09 to 03-12 and 03-15"),
        Capture(region: "PK", day: "2027-03-09", before: "2027-03-16", after: "2027-03-17", why: "Eid ul-Fitr 03-10 to 03-12 (estimated)"),
        Capture(region: "BD", day: "2027-03-04", before: "2027-03-16", after: "2027-03-17",
                why: "Friday-Saturday weekend, Shab-e-Qadr 03-07, Eid-ul-Fitr 03-08 to 03-11"),
        Capture(region: "PH", day: "2027-03-24", before: "2027-03-29", after: "2027-03-30", why: "Maundy Thursday and Good Friday"),
        Capture(region: "IN", day: "2027-03-25", before: "2027-03-29", after: "2027-03-30", why: "Good Friday 03-26, fourth Saturday 03-27"),
        Capture(region: "IN", day: "2027-03-19", before: "2027-03-23", after: "2027-03-24", why: "Holi (second day) on Monday 03-22"),
    ]

    @Test(arguments: captures)
    func capturesAroundHolidaysSettleAsComputedByHand(_ capture: Capture) throws {
        let router = try CheckoutRouter(artifact: try Self.artifact())
        let day = try #require(CalendarDate(capture.day))
        let walk = try #require(router.settlementWalk(region: capture.region, capture: day))
        #expect(walk.settlesBeforeCutoff.description == capture.before, "\(capture)")
        #expect(walk.settlesAfterCutoff.description == capture.after, "\(capture)")
        #expect(!walk.estimated, "\(capture)")
    }
}
