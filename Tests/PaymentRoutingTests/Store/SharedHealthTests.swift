import Foundation
import GatewayConfig
@testable import PaymentRouting
import Testing

/// A store built with a health tracker builds every router with it: an ejection learned under one
/// release holds under the next, and every acquirer of a release's catalog (routed or not) is
/// known to the tracker, so its outcomes are taken.
@Suite struct SharedHealthTests {
    static let policy = HealthPolicyArtifact(consecutiveFailures: 2, failureRate: 0, minOutcomes: 1, windowSeconds: 60,
                                             ejectionSeconds: 30, maxEjectionSeconds: 300)

    /// The fixture with HK's `cn-hkd` falling back to antom-sg, a policy on every acquirer, and
    /// `antom-xx`, an acquirer no route names; `name` tells two releases apart.
    static func release(name: String) throws -> ReleaseBytes {
        var artifact = try FailoverDecisionTests.artifact(policy: policy)
        artifact.catalog.acquirers["antom-xx"] = AcquirerEntry(name: name, region: try #require(RegionCode("SG")),
                                                               settlementCurrencies: [try #require(CurrencyCode("USD"))], health: policy)
        return ReleaseBytes(artifact: try JSONEncoder().encode(artifact), signature: nil)
    }

    @Test func anEjectionOutlivesAReleaseSwap() throws {
        let tracker = HealthTracker()
        let store = ConfigStore(policy: .allowUnsigned, persistenceDirectory: nil, health: tracker)
        _ = try store.offer(try Self.release(name: "first")).get()
        let request = try FailoverDecisionTests.request()
        #expect(store.router?.route(request).routed?.acquirer == "antom-hk")

        for _ in 0..<2 { #expect(tracker.record(.failure, for: "antom-hk", at: request.at) != nil) }
        #expect(store.router?.route(request).routed?.failover == Failover(from: "antom-hk", reason: .ejected))

        let status = try store.offer(try Self.release(name: "second")).get()
        #expect(status.reloads.loaded == 2)
        let payment = try #require(store.router?.route(request).routed)
        #expect(payment.acquirer == "antom-sg")
        #expect(payment.failover == Failover(from: "antom-hk", reason: .ejected))
    }

    @Test func everyCatalogAcquirerIsKnownToTheTracker() throws {
        let tracker = HealthTracker()
        let store = ConfigStore(policy: .allowUnsigned, persistenceDirectory: nil, health: tracker)
        #expect(tracker.record(.success, for: "antom-xx", at: Instant(secondsSinceEpoch: 0)) == nil)
        _ = try store.offer(try Self.release(name: "first")).get()
        let at = try FailoverDecisionTests.request().at
        #expect(tracker.record(.success, for: "antom-xx", at: at) == [])
        let status = try #require(tracker.status(of: "antom-xx", at: at))
        #expect(status.successes == 1 && status.tracked)
    }

    @Test func aStoreWithoutATrackerSkipsOnlyDisabledAcquirers() throws {
        let store = ConfigStore(policy: .allowUnsigned, persistenceDirectory: nil)
        _ = try store.offer(try Self.release(name: "first")).get()
        #expect(store.router?.route(try FailoverDecisionTests.request()).routed?.acquirer == "antom-hk")
    }
}
