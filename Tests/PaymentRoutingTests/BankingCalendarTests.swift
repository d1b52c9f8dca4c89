import Foundation
import GatewayConfig
import PaymentRouting
import RegionCompiler
import Testing

/// Settlement dates on the calendars in `Fixtures/banking`: the Federal Reserve rule (data, not
/// code), a joint calendar (HK settling USD follows HK and US), a half day that moves the cutoff,
/// and dates past the horizon marked estimated.
@Suite struct BankingCalendarTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/banking/regions").path

    static func router() throws -> CheckoutRouter {
        let compilation = try DescriptorCompiler.compile(directory: directory)
        let artifact = try #require(compilation.artifact, "\(compilation.diagnostics.map(\.message))")
        return try CheckoutRouter(artifact: artifact)
    }

    struct Case: CustomStringConvertible, Sendable {
        let region: String
        let at: String
        let settles: String
        var estimated = false
        let why: String
        var description: String { "\(region) \(at): \(why)" }
    }

    static let cases: [Case] = [
        // US follows the Fed: T+1, cutoff 17:00 New York.
        Case(region: "US", at: "2026-07-02T12:00:00-04:00", settles: "2026-07-03",
             why: "Independence Day is a Saturday: the Fed is open on Friday 07-03"),
        Case(region: "US", at: "2026-07-03T12:00:00-04:00", settles: "2026-07-06", why: "a Friday capture settles Monday"),
        Case(region: "US", at: "2027-07-02T12:00:00-04:00", settles: "2027-07-06",
             why: "Independence Day is a Sunday: the Fed closes Monday 07-05"),
        Case(region: "US", at: "2027-12-23T12:00:00-05:00", settles: "2027-12-24",
             why: "Christmas is a Saturday: the Fed is open on Friday 12-24"),
        Case(region: "US", at: "2027-12-30T16:59:59-05:00", settles: "2027-12-31", why: "the horizon's last day is vouched for"),
        Case(region: "US", at: "2027-12-30T17:00:00-05:00", settles: "2028-01-03", estimated: true,
             why: "at the cutoff: counts from 12-31, settles past the horizon"),
        Case(region: "US", at: "2025-12-30T10:00:00-05:00", settles: "2025-12-31", estimated: true,
             why: "before the calendar's first year"),
        // HK settles USD: a business day in HK and in the US. T+1, cutoff 17:00 Hong Kong.
        Case(region: "HK", at: "2027-01-15T10:00:00+08:00", settles: "2027-01-19",
             why: "joint: Monday 01-18 is a US holiday (Martin Luther King Jr.)"),
        Case(region: "HK", at: "2027-02-05T10:00:00+08:00", settles: "2027-02-10",
             why: "joint: 02-08 and 02-09 are HK holidays (Lunar New Year)"),
        Case(region: "HK", at: "2027-07-02T10:00:00+08:00", settles: "2027-07-06", why: "joint: 07-05 is a US holiday"),
        Case(region: "HK", at: "2027-12-23T16:59:00+08:00", settles: "2027-12-24", why: "the day before the half day: cutoff 17:00"),
        Case(region: "HK", at: "2027-12-23T17:00:00+08:00", settles: "2027-12-28",
             why: "at the cutoff: counts from 12-24; 12-27 is an HK holiday"),
        Case(region: "HK", at: "2027-12-24T11:59:00+08:00", settles: "2027-12-28",
             why: "half day: before its 12:00 cutoff the capture counts from 12-24"),
        Case(region: "HK", at: "2027-12-24T12:00:00+08:00", settles: "2027-12-29",
             why: "half day: at 12:00 the capture counts from the next business day, 12-28"),
        Case(region: "HK", at: "2027-12-24T16:00:00+08:00", settles: "2027-12-29",
             why: "half day: 16:00 is before the regular cutoff but after the half day's"),
        Case(region: "HK", at: "2027-12-31T10:00:00+08:00", settles: "2028-01-03", estimated: true,
             why: "past both calendars' horizon"),
    ]

    @Test(arguments: cases)
    func settlesOnTheDayAPersonComputes(_ testCase: Case) throws {
        let router = try Self.router()
        let request = try RequestParser.parse(region: testCase.region, merchant: "shop_1", method: "ALIPAY_CN",
                                              amount: "10.00 \(testCase.region == "US" ? "USD" : "HKD")", at: testCase.at).get()
        let payment = try #require(router.route(request).routed, "\(testCase)")
        #expect(payment.settlementDate.description == testCase.settles, "\(testCase)")
        #expect(payment.settlementDateEstimated == testCase.estimated, "\(testCase)")
        // The batch writer and the JSON report agree, the estimate included only when true.
        var bytes: [UInt8] = []
        DecisionReport.write(request: request, decision: .route(payment), into: &bytes)
        let line = String(decoding: bytes, as: UTF8.self)
        #expect(line == DecisionReport(request: request, decision: .route(payment)).jsonLine())
        #expect(line.contains("\"settlement_date_estimated\":true") == testCase.estimated)
    }

    @Test func explainSaysWhichCalendarMovedTheDate() throws {
        let router = try Self.router()
        let request = try RequestParser.parse(region: "HK", merchant: "shop_1", method: "ALIPAY_CN", amount: "10.00 HKD",
                                              at: "2027-02-05T10:00:00+08:00").get()
        let settlement = try #require(router.explain(request).steps.last)
        #expect(settlement.check == "settlement")
        #expect(settlement.detail.contains("follows HK + US"), "\(settlement.detail)")
        #expect(settlement.detail.contains("2027-02-06 skipped: weekend (sat)"), "\(settlement.detail)")
        #expect(settlement.detail.contains("2027-02-08 skipped: HK The third day of Lunar New Year"), "\(settlement.detail)")
        #expect(!settlement.detail.contains("estimated"), "\(settlement.detail)")
    }

    @Test func explainSaysWhyADateIsEstimated() throws {
        let router = try Self.router()
        let request = try RequestParser.parse(region: "HK", merchant: "shop_1", method: "ALIPAY_CN", amount: "10.00 HKD",
                                              at: "2027-12-31T10:00:00+08:00").get()
        let settlement = try #require(router.explain(request).steps.last)
        #expect(settlement.detail.contains("settlement_date_estimated: past the horizon of HK ends 2027-12-31, US ends 2027-12-31"),
                "\(settlement.detail)")
    }

    @Test func explainNamesTheHalfDay() throws {
        let router = try Self.router()
        let request = try RequestParser.parse(region: "HK", merchant: "shop_1", method: "ALIPAY_CN", amount: "10.00 HKD",
                                              at: "2027-12-24T13:00:00+08:00").get()
        let settlement = try #require(router.explain(request).steps.last)
        #expect(settlement.detail.contains("2027-12-24 is a half day (Christmas Eve): cutoff 12:00"), "\(settlement.detail)")
    }

    /// The walk `regionc calendar` shows: the half day's cutoff and name, and the days skipped.
    @Test func theWalkReportsTheHalfDayAndItsCutoff() throws {
        let router = try Self.router()
        let christmasEve = try #require(CalendarDate("2027-12-24"))
        let walk = try #require(router.settlementWalk(region: "HK", capture: christmasEve))
        #expect(walk.halfDay == "Christmas Eve" && walk.cutoff.description == "12:00")
        #expect(walk.settlesBeforeCutoff.description == "2027-12-28" && walk.settlesAfterCutoff.description == "2027-12-29")
        #expect(walk.skipped.map(\.date.description) == ["2027-12-25", "2027-12-26", "2027-12-27"])
        let us = try #require(router.settlementWalk(region: "US", capture: christmasEve))
        #expect(us.halfDay == nil && us.cutoff.description == "17:00")
    }
}
