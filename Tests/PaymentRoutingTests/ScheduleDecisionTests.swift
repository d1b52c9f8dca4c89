import Foundation
import GatewayConfig
import PaymentRouting
import RegionCompiler
import Testing

/// Decisions across every scheduled step of `Fixtures/schedule`: one second before, at, and one
/// second after each instant. Buckets (FNV-1a 64 of the id, modulo 10,000, `RolloutTests`):
/// shop_42 3648, shop_1001 6736, m-1645 9999, shop_allowed 3150, shop_denied 2857, us-9 15,
/// us-6 1070, us-3 2125. HK ramps 25 -> 50 (2027-01-11 10:00 +08 = 02:00Z) -> 75 (2027-02-15
/// 02:00Z, blackouts replaced) -> live (2027-03-01 02:00Z, `percent` and `allow` removed;
/// ALIPAY_HK goes live with it). US steps at 09:30 local on both sides of the start of DST.
@Suite struct ScheduleDecisionTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/schedule/regions").path

    static func router() throws -> CheckoutRouter {
        let compilation = try DescriptorCompiler.compile(directory: directory)
        let artifact = try #require(compilation.artifact, "\(compilation.diagnostics.filter { $0.severity == .error }.map(\.message))")
        return try CheckoutRouter(artifact: artifact)
    }

    struct Row: Sendable, CustomStringConvertible {
        var region = "HK"
        var merchant: String
        var method = "ALIPAY_CN"
        var at: String
        /// nil: routed.
        var decline: String?
        /// The descriptor field `explain` names for the rollout or status check.
        var source: String?
        var description: String { "\(region) \(merchant) \(method) at \(at)" }
    }

    static let rows: [Row] = [
        // Step 0: 25 -> 50.
        Row(merchant: "shop_42", at: "2027-01-11T01:59:59Z", decline: "NOT_IN_ROLLOUT", source: "hk.yaml availability.rollout.percent"),
        Row(merchant: "shop_42", at: "2027-01-11T02:00:00Z", source: "hk.yaml availability.schedule[0]"),
        Row(merchant: "shop_42", at: "2027-01-11T02:00:01Z", source: "hk.yaml availability.schedule[0]"),
        Row(merchant: "shop_allowed", at: "2027-01-11T01:59:59Z", source: "hk.yaml availability.rollout.allow"),
        Row(merchant: "shop_denied", at: "2027-01-11T02:00:00Z", decline: "NOT_IN_ROLLOUT", source: "hk.yaml availability.schedule[0]"),
        // The base blackout holds in phase 1 (2027-01-20 02:00-04:00 +08), and not in phase 2.
        Row(merchant: "shop_42", at: "2027-01-19T18:00:00Z", decline: "BLACKOUT"),
        Row(merchant: "shop_42", at: "2027-01-19T20:00:00Z"),
        // Step 1: 50 -> 75, blackouts replaced.
        Row(merchant: "shop_1001", at: "2027-02-15T01:59:59Z", decline: "NOT_IN_ROLLOUT", source: "hk.yaml availability.schedule[0]"),
        Row(merchant: "shop_1001", at: "2027-02-15T02:00:00Z", source: "hk.yaml availability.schedule[1]"),
        Row(merchant: "shop_1001", at: "2027-02-15T02:00:01Z", source: "hk.yaml availability.schedule[1]"),
        Row(merchant: "shop_1001", at: "2027-02-19T18:00:00Z", decline: "BLACKOUT"),
        // Step 2: live; `percent` and `allow` removed, `deny` kept.
        Row(merchant: "m-1645", at: "2027-03-01T01:59:59Z", decline: "NOT_IN_ROLLOUT", source: "hk.yaml availability.schedule[1]"),
        Row(merchant: "m-1645", at: "2027-03-01T02:00:00Z", source: "hk.yaml availability.schedule[2]"),
        Row(merchant: "m-1645", at: "2027-03-01T02:00:01Z", source: "hk.yaml availability.schedule[2]"),
        Row(merchant: "shop_allowed", at: "2027-03-01T02:00:00Z", source: "hk.yaml availability.schedule[2]"),
        Row(merchant: "shop_denied", at: "2027-03-01T02:00:00Z", decline: "NOT_IN_ROLLOUT", source: "hk.yaml availability.schedule[2]"),
        // The method's own step, at the same instant.
        Row(merchant: "shop_allowed", method: "ALIPAY_HK", at: "2027-03-01T01:59:59Z", decline: "METHOD_NOT_OFFERED"),
        Row(merchant: "shop_allowed", method: "ALIPAY_HK", at: "2027-03-01T02:00:00Z"),
        // US, Friday 2027-03-12 09:30 EST = 14:30Z: 10 -> 20.
        Row(region: "US", merchant: "us-6", at: "2027-03-12T14:29:59Z", decline: "NOT_IN_ROLLOUT", source: "us.yaml availability.rollout.percent"),
        Row(region: "US", merchant: "us-6", at: "2027-03-12T14:30:00Z", source: "us.yaml availability.schedule[0]"),
        Row(region: "US", merchant: "us-9", at: "2027-03-12T14:29:59Z", source: "us.yaml availability.rollout.percent"),
        // US, Monday 2027-03-15 09:30 EDT = 13:30Z (an hour earlier in UTC than the step before): 20 -> 30.
        Row(region: "US", merchant: "us-3", at: "2027-03-15T13:29:59Z", decline: "NOT_IN_ROLLOUT", source: "us.yaml availability.schedule[0]"),
        Row(region: "US", merchant: "us-3", at: "2027-03-15T13:30:00Z", source: "us.yaml availability.schedule[1]"),
        Row(region: "US", merchant: "us-3", at: "2027-03-15T13:30:01Z", source: "us.yaml availability.schedule[1]"),
    ]

    @Test(arguments: rows) func decisionAtEachSideOfAStep(_ row: Row) throws {
        let router = try Self.router()
        let currency = row.region == "US" ? "USD" : "HKD"
        let request = try RequestParser.parse(region: row.region, merchant: row.merchant, method: row.method,
                                              amount: "100.00 \(currency)", at: row.at).get()
        let explanation = router.explain(request)
        switch explanation.decision {
        case .route: #expect(row.decline == nil, "\(row): routed, expected \(row.decline ?? "")")
        case .decline(let reason): #expect(reason.rawValue == row.decline, "\(row): \(reason.rawValue)")
        }
        if let source = row.source {
            let rollout = explanation.steps.first { $0.check == "rollout" }
            #expect(rollout?.source == source, "\(row): \(explanation.steps.map { "\($0.check) [\($0.source)]" })")
        }
        #expect(router.route(request) == explanation.decision)
    }

    /// Raising the percent in a later step never drops a merchant an earlier step let in: 3,000
    /// merchants decided at every phase of the HK ramp.
    @Test func aLaterStepNeverDropsAMerchantAnEarlierOneLetIn() throws {
        let router = try Self.router()
        let instants = ["2026-12-15T02:00:00Z", "2027-01-11T02:00:00Z", "2027-02-15T02:00:00Z", "2027-03-01T02:00:00Z"]
        var previouslyIn: Set<String>?
        for at in instants {
            var nowIn = Set<String>()
            for index in 0..<3_000 {
                let merchant = "merchant-\(index)"
                let request = try RequestParser.parse(region: "HK", merchant: merchant, method: "ALIPAY_CN", amount: "100.00 HKD", at: at).get()
                if case .route = router.route(request) { nowIn.insert(merchant) }
            }
            if let previouslyIn { #expect(previouslyIn.isSubset(of: nowIn), "at \(at): \(previouslyIn.subtracting(nowIn).sorted().prefix(5))") }
            #expect(nowIn.count > (previouslyIn?.count ?? 0), "at \(at) the ramp lets more merchants in")
            previouslyIn = nowIn
        }
    }

    /// The artifact carries each phase whole: the live phase has no allow list and percent 0.
    @Test func theLivePhaseDropsPercentAndAllow() throws {
        let compilation = try DescriptorCompiler.compile(directory: Self.directory)
        let hk = try #require(compilation.artifact?.regions["HK"])
        let live = try #require(hk.availability.schedule?.last)
        #expect(live.status == .live)
        #expect(live.rollout == RolloutArtifact(percent: 0, allow: [], deny: ["shop_denied"]))
        #expect(hk.availability.schedule?[1].blackouts?.map(\.reason) == ["Second maintenance"])
        let phase = hk.availability.phase(at: try #require(Instant("2027-03-01T02:00:00Z")))
        #expect(phase.index == 3 && phase.stepIndex == 2)
        #expect(hk.availability.nextStep(after: try #require(Instant("2027-03-01T01:59:59Z")))?.index == 2)
        #expect(hk.availability.nextStep(after: try #require(Instant("2027-03-01T02:00:00Z"))) == nil)
    }

    /// defaults.yaml's freeze spans midnight in Hong Kong; it joins the region's own.
    @Test func aFreezeSpanningMidnightHoldsOnBothLocalDates() throws {
        let compilation = try DescriptorCompiler.compile(directory: Self.directory)
        let hk = try #require(compilation.artifact?.regions["HK"])
        #expect(hk.changeFreezes?.map(\.source) == ["hk.yaml", "defaults.yaml"])
        let table: [(String, String?)] = [
            ("2027-11-10T13:59:59Z", nil),               // 21:59:59 local, 10 Nov
            ("2027-11-10T14:00:00Z", "11.11 peak"),      // 22:00 local, 10 Nov
            ("2027-11-10T16:00:00Z", "11.11 peak"),      // midnight local, 11 Nov
            ("2027-11-11T17:59:59Z", "11.11 peak"),      // 01:59:59 local, 12 Nov
            ("2027-11-11T18:00:00Z", nil),               // 02:00 local, 12 Nov: the end is outside
            ("2027-02-04T16:00:00Z", "Lunar New Year 2027"),
        ]
        for (at, reason) in table {
            #expect(hk.changeFreeze(containing: try #require(Instant(at)))?.reason == reason, "\(at)")
        }
    }
}
