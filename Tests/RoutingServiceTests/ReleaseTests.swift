import Foundation
import GatewayConfig
import Hummingbird
import HummingbirdTesting
import Logging
import PaymentRouting
@testable import RoutingService
import TestSupport
import Testing

/// Releases go through `ConfigStore`: verified, built, swapped; a bad one never replaces a good
/// one, and `--state-dir` lets a restart without its source become ready.
@Suite struct ReleaseTests {
    static let usCheckout = RouteTests.cases[0].body

    @Test func readyOnceAVerifiedReleaseLoadsAndConfigSaysWhich() async throws {
        let harness = try ServiceFixture.harness(publish: false)
        let artifact = try ServiceFixture.artifact()
        try await harness.service.application().test(.router) { client async throws in
            await harness.service.pollOnce()
            #expect(try await client.get("/readyz").status == .serviceUnavailable)
            try harness.publish(artifact)
            await harness.service.pollOnce()
            let ready = try await client.get("/readyz")
            #expect(ready.status == .ok)
            #expect(try ready.object()["config_digest"] as? String == ServiceFixture.digest(artifact))
            let config = try await client.get("/v1/config").object()
            #expect(config["source_digest"] as? String == (try ServiceFixture.sourceDigest(artifact)))
            #expect(config["format_version"] as? Int == GatewayArtifact.currentFormatVersion)
            #expect(config["compiler_version"] is String)
            #expect(config["key_id"] as? String == "release-test")
            #expect(config.keys.contains("release_serial"))
            #expect(config["regions"] as? [String] == ["BD", "HK", "KR", "MY", "PH", "TH", "US"])
            let loadedAt = try #require(config["loaded_at"] as? String)
            #expect(Instant(loadedAt) != nil)
            // The missing file before the release is the last failure, with its code and the reason.
            let failure = try #require(config["last_failure"] as? [String: Any])
            #expect(failure["code"] as? String == "UNREADABLE")
            #expect((failure["reason"] as? String)?.contains("no such file") == true, "\(failure)")
        }
        let events = harness.logs.captured
        #expect(events.contains { $0.contains("\"msg\":\"release loaded\"") && $0.contains(ServiceFixture.digest(artifact)) })
    }

    @Test func aTamperedOrUnsignedReleaseIsRefusedAndTheGoodOneServes() async throws {
        let harness = try ServiceFixture.harness()
        let good = try ServiceFixture.artifact()
        let paused = try ServiceFixture.edited("us.yaml", replacing: "status: live", with: "status: paused")
        await harness.service.pollOnce()
        try await harness.service.application().test(.router) { client async throws in
            // Tampered: the paused release under the good release's signature.
            try ReleaseFiles.publish(paused, signature: try ServiceFixture.signature(good), to: harness.releasePath)
            await harness.service.pollOnce()
            // Unsigned.
            try harness.publish(paused, signed: false)
            await harness.service.pollOnce()
            let answer = try await client.post("/v1/route", Self.usCheckout).object()
            #expect(answer["decision"] as? String == "route")
            #expect(answer["config_digest"] as? String == ServiceFixture.digest(good))
            let metrics = try await client.get("/metrics").text
            #expect(MetricsTests.value(metrics, #"regiond_config_reloads_total{result="rejected"}"#) == 2)
            let config = try await client.get("/v1/config").object()
            let failure = try #require(config["last_failure"] as? [String: Any])
            #expect(failure["code"] as? String == "MISSING_SIGNATURE")
            #expect(failure["digest"] as? String == ServiceFixture.digest(paused))

            // Signed properly, the new release is served.
            try harness.publish(paused)
            await harness.service.pollOnce()
            let after = try await client.post("/v1/route", Self.usCheckout).object()
            #expect(after["reason"] as? String == "REGION_NOT_LIVE")
            #expect(after["config_digest"] as? String == ServiceFixture.digest(paused))
        }
        #expect(harness.logs.captured.contains { $0.contains("\"msg\":\"release refused\"") && $0.contains("DIGEST_MISMATCH") })
    }

    @Test func aRestartWithTheSourceGoneIsReadyFromTheStateDirectory() async throws {
        let first = try ServiceFixture.harness()
        await first.service.pollOnce()
        #expect(first.service.isReady)
        let state = first.directory.appendingPathComponent("state")

        // A second service on a release file that does not exist, sharing the state directory.
        let second = try ServiceFixture.harness(stateDirectory: state, publish: false)
        await second.service.pollOnce()
        #expect(second.service.isReady)
        try await second.service.application().test(.router) { client async throws in
            let config = try await client.get("/v1/config").object()
            #expect(config["origin"] as? String == "last-known-good")
            #expect(config["config_digest"] as? String == ServiceFixture.digest(try ServiceFixture.artifact()))
        }
    }

    @Test func fetchedReleasesGoThroughTheSameStore() async throws {
        let directory = try ServiceFixture.temporaryDirectory()
        let configuration = ServiceConfiguration(source: .url("http://127.0.0.1:9/gateway-config.json"),
                                                 policy: .required(try ServiceFixture.trust()),
                                                 stateDirectory: directory.path, port: 0)
        let service = try RoutingService(configuration: configuration, logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
        await service.pollOnce()
        #expect(!service.isReady)
        let good = try ServiceFixture.artifact()
        await service.offerFetched(artifact: good, signature: try ServiceFixture.signature(good))
        #expect(service.isReady)
        let paused = try ServiceFixture.edited("us.yaml", replacing: "status: live", with: "status: paused")
        await service.offerFetched(artifact: paused, signature: try ServiceFixture.signature(good))
        #expect(service.keeper.current?.configDigest == ServiceFixture.digest(good))
        #expect(service.keeper.lastFailure?.code == "DIGEST_MISMATCH")
        #expect(service.keeper.current?.release.origin == .release)
    }

    @Test func anOlderSerialIsRefusedAndTheServedSerialShows() async throws {
        let harness = try ServiceFixture.harness(publish: false)
        let older = try ServiceFixture.edited("us.yaml", replacing: "status: live", with: "status: paused")
        let newer = try ServiceFixture.artifact()
        @Sendable func publish(_ artifact: Data, serial: UInt64) throws {
            let signature = try ReleaseKeys.signature(artifact, by: ServiceFixture.key, serial: serial)
            try ReleaseFiles.publish(artifact, signature: signature, to: harness.releasePath)
        }
        try await harness.service.application().test(.router) { client async throws in
            try publish(newer, serial: 7)
            await harness.service.pollOnce()
            // The distribution point brings back an older, validly signed release.
            try publish(older, serial: 6)
            await harness.service.pollOnce()
            let answer = try await client.post("/v1/route", Self.usCheckout).object()
            #expect(answer["decision"] as? String == "route")
            let config = try await client.get("/v1/config").object()
            #expect(config["release_serial"] as? Int == 7)
            let failure = try #require(config["last_failure"] as? [String: Any])
            #expect(failure["code"] as? String == "ROLLBACK")
            #expect(failure["digest"] as? String == ServiceFixture.digest(older))
            let metrics = try await client.get("/metrics").text
            #expect(MetricsTests.value(metrics, #"regiond_config_reloads_total{result="rejected"}"#) == 1)
        }
        #expect(harness.logs.captured.contains { $0.contains("\"msg\":\"release refused\"") && $0.contains("ROLLBACK") })
        #expect(harness.logs.captured.contains { $0.contains("\"msg\":\"release loaded\"") && $0.contains("\"serial\":\"7\"") })
    }
}
