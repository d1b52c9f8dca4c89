import GatewayConfig
@testable import PaymentRouting
import RegionCompiler
import Testing

/// `regionc diff` on a release that disables an acquirer (`enabled: false`): the payment impact
/// names the acquirer the router now takes, and a route left without a usable acquirer stops
/// payments (breaking), as the router's `ACQUIRER_UNAVAILABLE` does.
@Suite struct DisabledAcquirerDiffTests {
    static func impacts(fallback: [String]?) throws -> [String] {
        let old = try FailoverDecisionTests.artifact(fallback: fallback)
        let new = try FailoverDecisionTests.artifact(fallback: fallback, disabled: ["antom-hk"])
        let router = try CheckoutRouter(artifact: new)
        // The diff and the router agree on the acquirer taken.
        #expect(router.route(try FailoverDecisionTests.request()).routed?.acquirer == (fallback == nil ? nil : "antom-sg"))
        return ConfigDiff.compare(old: old, new: new, asOf: try #require(Instant("2026-12-01T00:00:00Z"))).impacts.map { "\($0.breaking ? "! " : "")\($0.line)" }
    }

    @Test func withAFallbackTheRouteMovesToIt() throws {
        #expect(try Self.impacts(fallback: ["antom-sg"]).contains(
            "HK ALIPAY_CN HKD: route cn-hkd via antom-hk -> cn-hkd via antom-sg"))
    }

    @Test func withoutOneThePaymentsStop() throws {
        let impacts = try Self.impacts(fallback: nil)
        #expect(impacts.contains { $0.hasPrefix("! HK ALIPAY_CN HKD: no longer offered (was ") }, "\(impacts)")
    }
}
