import Foundation
import GatewayConfig
import PaymentRouting
import Testing

/// The fixture regions made into a failover release (until the compiler reads `fallback` and
/// `health`, edited in the artifact): HK's `cn-hkd` (ALIPAY_CN in HKD) falls back from antom-hk to
/// antom-sg; antom-hk is ejected after 3 failures in a row, for an hour doubling up to two, in a
/// window of an hour; HK is open from its start with no end and no blackouts, so tests decide at
/// the wall clock's "now". The handlers read the wall clock, so the ejection and the window are
/// long: a test slowed down by a loaded machine never sees them end on their own.
enum FailoverFixture {
    static let ejectionSeconds: Int64 = 3600
    static let windowSeconds: Int64 = 3600
    static let policy = HealthPolicyArtifact(consecutiveFailures: 3, failureRate: 0, minOutcomes: 1, windowSeconds: windowSeconds,
                                             ejectionSeconds: ejectionSeconds, maxEjectionSeconds: 2 * ejectionSeconds)

    static func artifact() throws -> Data {
        var artifact = try RouterLoader.decode(try ServiceFixture.artifact())
        var hk = try #require(artifact.regions["HK"])
        let index = try #require(hk.routes.firstIndex { $0.name == "cn-hkd" })
        hk.routes[index].fallback = ["antom-sg"]
        hk.availability.until = nil
        hk.availability.blackouts = nil
        artifact.regions["HK"] = hk
        artifact.catalog.acquirers["antom-hk"]?.health = policy
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys  // the same bytes each call: one digest
        return try encoder.encode(artifact)
    }

    /// A `/v1/route` body that takes `cn-hkd` at `at`.
    static func route(at: Instant) -> String {
        #"{"region":"HK","merchant":"hk_vip","method":"ALIPAY_CN","amount":"100.00 HKD","at":"\#(at)"}"#
    }

    /// A `/v1/outcomes` line.
    static func outcome(_ acquirer: String, _ outcome: String, at: Instant? = nil) -> String {
        #"{"acquirer":"\#(acquirer)","outcome":"\#(outcome)""# + (at.map { #","at":"\#($0)""# } ?? "") + "}"
    }

    /// The wall clock's second.
    static func now() -> Instant { Instant(secondsSinceEpoch: Int64(Date().timeIntervalSince1970.rounded(.down))) }

    static func instant(_ instant: Instant, plus seconds: Int64) -> Instant {
        Instant(secondsSinceEpoch: instant.secondsSinceEpoch + seconds)
    }
}
