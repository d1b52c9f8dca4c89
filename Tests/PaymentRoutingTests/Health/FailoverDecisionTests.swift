import GatewayConfig
@testable import PaymentRouting
import Testing

/// The router over a route with a fallback (the fixture's HK `cn-hkd`: antom-hk, then antom-sg):
/// which acquirer a decision takes, its fallbacks and failover, as acquirers are disabled by the
/// release, marked down, or ejected by outcomes.
@Suite struct FailoverDecisionTests {
    static let at = "2026-12-02T02:00:00Z"

    static func artifact(fallback: [String]? = ["antom-sg"], disabled: [String] = [],
                         policy: HealthPolicyArtifact? = nil) throws -> GatewayArtifact {
        var artifact = try RoutingFixture.artifact()
        var hk = try #require(artifact.regions["HK"])
        let index = try #require(hk.routes.firstIndex { $0.name == "cn-hkd" })
        hk.routes[index].fallback = fallback
        artifact.regions["HK"] = hk
        for id in disabled { artifact.catalog.acquirers[id]?.enabled = false }
        for id in artifact.catalog.acquirers.keys { artifact.catalog.acquirers[id]?.health = policy }
        return artifact
    }

    static func request(at instant: String = at) throws -> RouteRequest {
        try RoutingFixture.request("HK", "hk_vip", "ALIPAY_CN", "100.00 HKD", instant)
    }

    struct Case: Sendable, CustomStringConvertible {
        let description: String
        var disabled: [String] = []
        var down: [String] = []
        var fallback: [String]? = ["antom-sg"]
        /// The acquirer taken, or nil for `ACQUIRER_UNAVAILABLE`.
        let acquirer: String?
        var fallbacks: [String] = []
        var failover: Failover?
    }

    static let cases: [Case] = [
        Case(description: "all up: the primary, the fallback listed", acquirer: "antom-hk", fallbacks: ["antom-sg"]),
        Case(description: "the primary marked down", down: ["antom-hk"], acquirer: "antom-sg",
             failover: Failover(from: "antom-hk", reason: .ejected)),
        Case(description: "the primary disabled by the release", disabled: ["antom-hk"], acquirer: "antom-sg",
             failover: Failover(from: "antom-hk", reason: .disabled)),
        Case(description: "the fallback down: the primary, no fallbacks", down: ["antom-sg"], acquirer: "antom-hk"),
        Case(description: "both down", down: ["antom-hk", "antom-sg"], acquirer: nil),
        Case(description: "one disabled, one down", disabled: ["antom-sg"], down: ["antom-hk"], acquirer: nil),
        Case(description: "no fallback, primary down", down: ["antom-hk"], fallback: nil, acquirer: nil),
    ]

    @Test(arguments: cases)
    func decides(_ testCase: Case) throws {
        let tracker = HealthTracker()
        for id in testCase.down { tracker.markDown(id) }
        let router = try CheckoutRouter(artifact: try Self.artifact(fallback: testCase.fallback, disabled: testCase.disabled),
                                        health: tracker)
        let decision = router.route(try Self.request())
        guard let acquirer = testCase.acquirer else {
            #expect(decision == .decline(.acquirerUnavailable))
            return
        }
        let payment = try #require(decision.routed, "\(decision)")
        #expect(payment.acquirer == acquirer)
        #expect(Array(payment.fallbacks) == testCase.fallbacks)
        #expect(payment.failover == testCase.failover)
        #expect(payment.route == "cn-hkd")
    }

    @Test func ejectedByOutcomesThenBack() throws {
        let tracker = HealthTracker()
        let policy = HealthPolicyArtifact(consecutiveFailures: 2, failureRate: 0, minOutcomes: 1, windowSeconds: 60,
                                          ejectionSeconds: 30, maxEjectionSeconds: 300)
        let router = try CheckoutRouter(artifact: try Self.artifact(policy: policy), health: tracker)
        let start = try Self.request().at
        for offset in [0, 1] as [Int64] {
            _ = tracker.record(.failure, for: "antom-hk", at: Instant(secondsSinceEpoch: start.secondsSinceEpoch + offset))
        }
        let during = try Self.request(at: "2026-12-02T02:00:30Z")
        #expect(router.route(during).routed?.failover == Failover(from: "antom-hk", reason: .ejected))
        let explanation = router.explain(during)
        #expect(explanation.steps.contains { !$0.passed && $0.detail == "antom-hk skipped: ejected by its health until 2026-12-02T02:00:31Z" },
                "\(explanation.steps)")
        let after = try Self.request(at: "2026-12-02T02:00:31Z")
        #expect(router.route(after).routed?.acquirer == "antom-hk")
        #expect(Array(router.route(after).routed?.fallbacks ?? .none) == ["antom-sg"])
    }

    @Test func withoutATrackerOnlyDisabledAcquirersAreSkipped() throws {
        let router = try CheckoutRouter(artifact: try Self.artifact(disabled: ["antom-hk"]))
        #expect(router.route(try Self.request()).routed?.acquirer == "antom-sg")
        let explanation = router.explain(try Self.request())
        #expect(explanation.steps.contains { $0.detail == "antom-hk skipped: disabled in the catalog (enabled: false)" })
    }

    @Test func theJSONFormsAgree() throws {
        let tracker = HealthTracker()
        tracker.markDown("antom-hk")
        let router = try CheckoutRouter(artifact: try Self.artifact(fallback: ["antom-sg"]), health: tracker)
        let request = try Self.request()
        let decision = router.route(request)
        var fast: [UInt8] = []
        DecisionReport.write(request: request, decision: decision, into: &fast)
        let line = DecisionReport(request: request, decision: decision).jsonLine()
        #expect(String(decoding: fast, as: UTF8.self) == line)
        #expect(line.contains(#""failover":{"from":"antom-hk","reason":"EJECTED"},"fallbacks":[]"#), "\(line)")
    }
}
