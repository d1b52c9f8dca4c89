import Foundation
import GatewayConfig
@testable import PaymentRouting
import Testing

/// `diff --traffic --down antom-hk` on the fixture traffic: three checkouts route via antom-hk
/// (line 8, 100.00 HKD, and line 11, 300.00 HKD, by `cn-hkd`; line 18, 100.00 HKD, by
/// `local-wallet`: DecisionTableTests). With antom-hk down, a config without fallbacks declines
/// them as ACQUIRER_UNAVAILABLE; one with `fallback: [antom-sg]` keeps them via antom-sg.
@Suite struct OutageReplayTests {
    static func routers(down: [String]) throws -> (withoutFallback: CheckoutRouter, withFallback: CheckoutRouter) {
        let tracker = HealthTracker()
        for id in down { tracker.markDown(id) }
        let base = try RoutingFixture.artifact()
        var proposed = base
        var hk = try #require(proposed.regions["HK"])
        for index in hk.routes.indices where hk.routes[index].acquirer == "antom-hk" { hk.routes[index].fallback = ["antom-sg"] }
        proposed.regions["HK"] = hk
        return (try CheckoutRouter(artifact: base, health: tracker), try CheckoutRouter(artifact: proposed, health: tracker))
    }

    static func hkd(_ count: Int, _ minorUnits: Int128) -> [CurrencyCode: OutageTally.Sum] {
        CurrencyCode("HKD").map { [$0: OutageTally.Sum(count: count, amount: minorUnits)] } ?? [:]
    }

    @Test func anOutageDeclinesUnderOldAndIsKeptUnderNew() throws {
        let (old, new) = try Self.routers(down: ["antom-hk"])
        let report = TrafficReplay(old: old, new: new, down: ["antom-hk"]).replay(try TrafficReplayTests.fixtureBytes())
        #expect(report.down == ["antom-hk"])
        #expect(report.outage.old == OutageTally.Side(declined: Self.hkd(3, 50_000), failedOver: [:]))
        #expect(report.outage.new == OutageTally.Side(declined: [:], failedOver: Self.hkd(3, 50_000)))
        #expect(report.changed == 3 && report.breaking == 0 && report.exitStatus == 3)
        #expect(report.groups.map(TrafficReplayTests.describe) == [
            "HK ALIPAY_CN HKD: declined ACQUIRER_UNAVAILABLE -> routed cn-hkd via antom-sg x2",
            "HK ALIPAY_HK HKD: declined ACQUIRER_UNAVAILABLE -> routed local-wallet via antom-sg x1",
        ])
        let text = TrafficRenderer.text(report, source: "checkouts.jsonl")
        #expect(text.contains("Outage replayed: antom-hk down on both sides:"))
        #expect(text.contains("OLD: declines 3 checkouts (500.00 HKD) as ACQUIRER_UNAVAILABLE; fails over 0 checkouts to a fallback"))
        #expect(text.contains("NEW: declines 0 checkouts as ACQUIRER_UNAVAILABLE; fails over 3 checkouts (500.00 HKD) to a fallback"))
        #expect(TrafficRenderer.markdown(report, source: "checkouts.jsonl").contains("**Outage replayed: `antom-hk` down on both sides:**"))
        let json = try JSONSerialization.jsonObject(with: Data(TrafficRenderer.json(report, source: "checkouts.jsonl").utf8)) as? [String: Any]
        let outage = try #require(json?["outage"] as? NSDictionary)
        let none: NSDictionary = ["amount": [:], "amount_minor_units": [:], "count": 0]
        let kept: NSDictionary = ["amount": ["HKD": "500.00 HKD"], "amount_minor_units": ["HKD": 50000], "count": 3]
        #expect(outage == ["down": ["antom-hk"], "old": ["declined": kept, "failed_over": none],
                           "new": ["declined": none, "failed_over": kept]] as NSDictionary, "\(outage)")
    }

    @Test func withNothingDownThereIsNoOutageToReport() throws {
        let (old, new) = try Self.routers(down: [])
        let report = TrafficReplay(old: old, new: new).replay(try TrafficReplayTests.fixtureBytes())
        #expect(report.outage.isEmpty && report.changed == 0)
        #expect(!TrafficRenderer.text(report, source: "checkouts.jsonl").contains("Outage"))
    }

    @Test func theSameConfigOnBothSidesDeclinesAlike() throws {
        let (old, _) = try Self.routers(down: ["antom-hk", "antom-sg"])
        let report = TrafficReplay(old: old, new: old, down: ["antom-sg", "antom-hk"]).replay(try TrafficReplayTests.fixtureBytes())
        #expect(report.down == ["antom-hk", "antom-sg"])
        #expect(report.outage.old == report.outage.new && report.changed == 0)
        #expect(report.outage.old.declinedCount >= 3)
    }
}
