import Foundation
import GatewayConfig
import PaymentRouting
import Testing

/// The fixture regions with a scheduled ramp on HK (edited in the artifact): the base is a pilot at
/// 25% from 2026-11-30T16:00:00Z; `schedule[0]` raises it to 50% at `first`; `schedule[1]` takes it
/// live at `second`, removing the rollout; a change freeze (from defaults.yaml) runs through the
/// day before `first` and ends at it. ALIPAY_HK (`payment_methods[1]`, a pilot from
/// 2026-12-31T16:00:00Z) has a schedule of its own: live at `second`, with its region.
enum PhaseFixture {
    static let first = Instant(secondsSinceEpoch: 1_799_632_800)   // 2027-01-11T02:00:00Z
    static let second = Instant(secondsSinceEpoch: 1_803_866_400)  // 2027-03-01T02:00:00Z
    static let freezeStart = FailoverFixture.instant(first, plus: -86_400)

    /// `without`: a region left out (a release that stops serving it).
    static func artifact(without removed: String? = nil) throws -> Data {
        var artifact = try RouterLoader.decode(try ServiceFixture.artifact())
        var hk = try #require(artifact.regions["HK"])
        let base = try #require(hk.availability.rollout)
        hk.availability.schedule = [
            AvailabilityStepArtifact(at: first, status: .pilot, rollout: RolloutArtifact(percent: 50, allow: base.allow, deny: base.deny),
                                     blackouts: hk.availability.blackouts),
            AvailabilityStepArtifact(at: second, status: .live, rollout: nil, blackouts: hk.availability.blackouts),
        ]
        let methodIndex = try #require(hk.paymentMethods.firstIndex { $0.method == "ALIPAY_HK" })
        hk.paymentMethods[methodIndex].availability?.schedule = [MethodStepArtifact(at: second, status: .live)]
        hk.changeFreezes = [ChangeFreezeArtifact(from: freezeStart, until: first, reason: "launch review", source: "defaults.yaml")]
        artifact.regions["HK"] = hk
        if let removed { artifact.regions[removed] = nil }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys  // the same bytes each call: one digest
        return try encoder.encode(artifact)
    }
}
