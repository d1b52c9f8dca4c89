import Foundation
import GatewayConfig
import PaymentRouting
import RegionCompiler
import Testing

/// Decisions over the shipped regions that rest on facts, not business choices:
/// US is live with ALIPAY_CN in USD, Bangladesh rests Friday and Saturday, KRW has no minor unit.
@Suite struct ShippedRegionDecisionTests {
    static func router() throws -> CheckoutRouter {
        let regions = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("regions").path
        let compilation = try DescriptorCompiler.compile(directory: regions)
        return try CheckoutRouter(artifact: try #require(compilation.artifact))
    }

    @Test func usIsLiveForAlipayInUSD() throws {
        let decision = try Self.router().route(try RoutingFixture.request("US", "any_shop", "ALIPAY_CN", "25.00 USD", "2026-12-01T15:00:00Z"))
        let payment = try #require(decision.routed, "\(decision)")
        #expect(payment.settlementCurrency.rawValue == "USD" && !payment.fxRequired)
        #expect(payment.walletCurrency.rawValue == "CNY")
    }

    @Test func krwAmountsHaveNoDecimals() throws {
        #expect(throws: RequestError.self) { try RoutingFixture.request("KR", "m", "KAKAOPAY", "100.5 KRW", "2026-12-01T03:00:00Z") }
    }

    @Test func bangladeshSettlesOnSundayNotFriday() throws {
        let artifact = try #require(try DescriptorCompiler.compile(
            directory: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("regions").path).artifact)
        let bd = try #require(artifact.regions["BD"])
        let calendar = try #require(CheckoutRouter(artifact: artifact).calendar(region: "BD"))
        #expect(!calendar.isBusinessDay(try #require(CalendarDate("2026-12-04"))))   // Friday
        #expect(!calendar.isBusinessDay(try #require(CalendarDate("2026-12-05"))))   // Saturday
        #expect(calendar.isBusinessDay(try #require(CalendarDate("2026-12-06"))))    // Sunday
        // Thursday 2026-12-03 at 20:00 Dhaka, after any cutoff: the next business day is Sunday.
        let thursdayEvening = try #require(Instant("2026-12-03T20:00:00+06:00"))
        let date = calendar.settlementDate(capturedAt: thursdayEvening, cutoff: bd.settlement.cutoff, businessDays: 0)
        #expect(date.description == "2026-12-06")
    }
}
