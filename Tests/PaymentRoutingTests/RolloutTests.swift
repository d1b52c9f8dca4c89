import GatewayConfig
import PaymentRouting
import Testing

@Suite struct RolloutTests {
    /// Pinned forever: a change here moves merchants in or out of every pilot.
    /// Cross-checked with an independent Python FNV-1a 64 implementation.
    static let pinned: [(String, Int)] = [
        ("shop_1", 3305), ("shop_1001", 6736), ("shop_42", 3648), ("merchant-A", 9835), ("hk_vip", 4652),
        ("", 6037), ("日本", 7169), ("m-868", 2499), ("m-1424", 2500), ("m-1645", 9999), ("m-11838", 0),
    ]

    @Test func bucketsArePinned() {
        for (merchant, bucket) in Self.pinned {
            #expect(RolloutBucket.of(merchant: merchant) == bucket, "\(merchant)")
        }
    }

    @Test func bucketBoundaries() {
        #expect(RolloutBucket.isIncluded(bucket: 2499, percent: 25))
        #expect(!RolloutBucket.isIncluded(bucket: 2500, percent: 25))
        #expect(!RolloutBucket.isIncluded(bucket: 0, percent: 0))
        #expect(RolloutBucket.isIncluded(bucket: 9999, percent: 100))
    }

    /// Raising the percent never removes a merchant: checked through real decisions.
    @Test func raisingThePercentNeverDropsAMerchant() throws {
        let base = try RoutingFixture.artifact()
        let merchants = (0..<2_000).map { "merchant-\($0)" }
        var previouslyIn = Set<String>()
        for percent in stride(from: 0, through: 100, by: 5) {
            var artifact = base
            var hk = try #require(artifact.regions["HK"])
            var rollout = try #require(hk.availability.rollout)
            rollout.percent = percent
            hk.availability.rollout = rollout
            artifact.regions["HK"] = hk
            let router = try CheckoutRouter(artifact: artifact)
            var nowIn = Set<String>()
            for merchant in merchants {
                let request = try RoutingFixture.request("HK", merchant, "ALIPAY_CN", "10.00 HKD", "2026-12-02T02:00:00Z")
                if router.route(request).routed != nil { nowIn.insert(merchant) }
            }
            #expect(previouslyIn.isSubset(of: nowIn), "percent \(percent) dropped \(previouslyIn.subtracting(nowIn).prefix(3))")
            if percent == 0 { #expect(nowIn.isEmpty) }
            if percent == 100 { #expect(nowIn.count == merchants.count) }
            // Roughly the share asked for: the hash spreads ids evenly.
            #expect(abs(nowIn.count - merchants.count * percent / 100) <= 80, "percent \(percent): \(nowIn.count)")
            previouslyIn = nowIn
        }
    }
}
