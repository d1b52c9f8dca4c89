import Foundation
import GatewayConfig
import PaymentRouting
import RegionCompiler
import Testing

/// The router and `regionc diff`'s impact model answer "is this payment offered, and by which
/// route?" from the same rules on the artifact. Every shipped region, under every combination
/// of region and method status, must get the same answer from both.
@Suite struct RuleAgreementTests {
    static let shipped: GatewayArtifact? = {
        let regions = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("regions").path
        return try? DescriptorCompiler.compile(directory: regions).artifact
    }()

    /// A variant of `region` with the given statuses and no windows or blackouts, so only the
    /// status rules and the routes decide; a pilot lets everyone in (percent 100).
    static func variant(_ region: RegionArtifact, status: AvailabilityStatus, methodStatus: AvailabilityStatus?) -> RegionArtifact {
        var copy = region
        copy.availability = AvailabilityArtifact(
            status: status, rollout: status == .pilot ? RolloutArtifact(percent: 100, allow: [], deny: []) : nil)
        copy.paymentMethods = region.paymentMethods.map { method in
            var method = method
            method.availability = methodStatus.map { MethodAvailabilityArtifact(status: $0, from: nil, until: nil) }
            return method
        }
        return copy
    }

    /// An amount every range of the region and method takes, or nil when they leave none.
    static func acceptableAmount(_ region: RegionArtifact, _ method: MethodArtifact, _ currency: CurrencyCode) -> Money? {
        let ranges = (region.limits?.perPayment ?? []) + (method.limits?.perPayment ?? [])
        let relevant = ranges.filter { $0.currency == currency }
        let low = relevant.compactMap(\.min).max() ?? 1
        let high = relevant.compactMap(\.max).min() ?? .max
        return low <= high ? Money(minorUnits: max(low, 1), currency: currency) : nil
    }

    @Test func routerAndDiffAgreeOnEveryShippedPair() throws {
        let artifact = try #require(Self.shipped)
        var compared = 0
        for region in artifact.regions.values {
            for status in AvailabilityStatus.allCases {
                // A method reaching further than its region is an artifact the loader refuses.
                for methodStatus in [nil] + AvailabilityStatus.allCases.map(Optional.some)
                where (methodStatus?.reach ?? status.reach) <= status.reach {
                    let variant = Self.variant(region, status: status, methodStatus: methodStatus)
                    var edited = artifact
                    edited.regions = [region.region.rawValue: variant]
                    let router = try CheckoutRouter(artifact: edited)
                    // The diff's offers at the instant the router decides.
                    let offers = ConfigDiff.offers(variant, catalog: edited.catalog, at: Instant(secondsSinceEpoch: 1_800_000_000))
                    for method in variant.paymentMethods {
                        for currency in method.currencies {
                            guard let amount = Self.acceptableAmount(variant, method, currency) else { continue }
                            let request = RouteRequest(region: region.region.rawValue, merchant: "agreement_check",
                                                       method: method.method, amount: amount,
                                                       at: Instant(secondsSinceEpoch: 1_800_000_000))
                            let decision = router.route(request)
                            let key = ConfigDiff.PairKey(method: method.method, currency: currency.rawValue)
                            let offer = try #require(offers[key])
                            let label = "\(region.region) \(status) \(methodStatus.map(\.rawValue) ?? "inherited") \(method.method) \(currency)"
                            #expect(decision.routed?.route == offer?.route, "\(label): router \(decision), diff \(String(describing: offer))")
                            #expect(decision.routed?.acquirer == offer?.acquirer, "\(label): router \(decision), diff \(String(describing: offer))")
                            compared += 1
                        }
                    }
                }
            }
        }
        #expect(compared > 500)
    }
}
