import Foundation
import GatewayConfig
import PaymentRouting
import RegionCompiler
import Testing

/// The shipped launch plan (a business choice in regions/*.yaml): each pilot's steps take effect
/// at their instant, and the shipped freezes hold where the plan says.
@Suite struct ShippedLaunchPlanTests {
    static func artifact() throws -> GatewayArtifact {
        let regions = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("regions").path
        return try #require(try DescriptorCompiler.compile(directory: regions).artifact)
    }

    /// (region, step instant in UTC, status and percent from then on). Hand-copied from the
    /// files: 10:00 local is 02:00Z in HK and MY (+08), 01:00Z in KR (+09), 03:00Z in TH (+07).
    static let steps: [(String, String, AvailabilityStatus, Int)] = [
        ("HK", "2027-01-11T02:00:00Z", .pilot, 50), ("HK", "2027-02-15T02:00:00Z", .pilot, 75), ("HK", "2027-03-01T02:00:00Z", .live, 0),
        ("KR", "2027-01-18T01:00:00Z", .pilot, 25), ("KR", "2027-02-22T01:00:00Z", .pilot, 50), ("KR", "2027-04-05T01:00:00Z", .live, 0),
        ("MY", "2027-01-19T02:00:00Z", .pilot, 50), ("MY", "2027-02-16T02:00:00Z", .live, 0),
        ("TH", "2027-01-25T03:00:00Z", .pilot, 25), ("TH", "2027-02-15T03:00:00Z", .pilot, 50), ("TH", "2027-03-15T03:00:00Z", .live, 0),
    ]

    @Test func eachStepTakesEffectAtItsInstant() throws {
        let artifact = try Self.artifact()
        for (code, at, status, percent) in Self.steps {
            let availability = try #require(artifact.regions[code]?.availability)
            let instant = try #require(Instant(at))
            let phase = availability.phase(at: instant)
            #expect(phase.start == instant && phase.status == status && (phase.rollout?.percent ?? 0) == percent, "\(code) \(at)")
            #expect(availability.phase(at: Instant(secondsSinceEpoch: instant.secondsSinceEpoch - 1)).start != instant, "\(code) \(at)")
            if status == .live { #expect(phase.rollout?.allow.isEmpty ?? true, "\(code) goes live with its allow list removed") }
        }
    }

    /// MY's pilot wallet goes live with its region: a pilot method in a live region reaches nobody.
    @Test func myPilotWalletGoesLiveWithItsRegion() throws {
        let router = try CheckoutRouter(artifact: try Self.artifact())
        for (at, routed) in [("2027-02-16T01:59:59Z", false), ("2027-02-16T02:00:00Z", true)] {
            // m-1645 (bucket 9999) is outside MY's 50% pilot, and in once MY is live.
            let request = try RoutingFixture.request("MY", "m-1645", "TNG_EWALLET", "50.00 MYR", at)
            if case .route = router.route(request) { #expect(routed, "\(at)") } else { #expect(!routed, "\(at)") }
        }
    }

    @Test func theFreezesHoldLunarNewYearAndElevenEleven() throws {
        let artifact = try Self.artifact()
        let lunarNewYear = try #require(Instant("2027-02-07T04:00:00Z"))
        let elevenEleven = try #require(Instant("2027-11-11T04:00:00Z"))
        for code in ["HK", "KR", "MY", "TH"] {
            let region = try #require(artifact.regions[code])
            #expect(region.changeFreeze(containing: lunarNewYear)?.reason == "Lunar New Year 2027", "\(code)")
        }
        for code in artifact.regions.keys.sorted() {
            #expect(artifact.regions[code]?.changeFreeze(containing: elevenEleven)?.source == "defaults.yaml", "\(code)")
        }
    }
}
