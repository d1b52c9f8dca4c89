import ArtifactTrust
import Foundation
import GatewayConfig
import PaymentRouting
import Testing

/// `ConfigStore` swaps in only verified, fully built configs and keeps serving the last good one.
@Suite struct ConfigStoreTests {
    static let probe = "US"

    static func decide(_ router: Router) throws -> RouteDecision {
        router.route(try RequestParser.parse(region: probe, merchant: "shop_1", method: "ALIPAY_CN", amount: "25.00 USD",
                                             at: "2026-12-01T15:00:00Z").get())
    }

    enum BadRelease: String, CaseIterable, Sendable {
        case artifactByteFlipped, signatureByteFlipped, keyIdChanged, emptyFile, invalidJSONSigned, futureFormatSigned,
             invariantBrokenSigned, untrustedSigner, missingSignature, truncatedUnsigned
    }

    static func make(_ bad: BadRelease, _ setup: Release) throws -> (artifact: Data, signature: Data?, code: String) {
        let sign = { (bytes: Data) in try setup.key.sign(artifact: bytes).encoded() }
        switch bad {
        case .artifactByteFlipped:
            var bytes = setup.good
            bytes[200] ^= 0x01
            return (bytes, try sign(setup.good), "DIGEST_MISMATCH")
        case .signatureByteFlipped:
            var envelope = try setup.key.sign(artifact: setup.good)
            var raw = try #require(Data(base64Encoded: envelope.signature))
            raw[0] ^= 0x01
            envelope.signature = raw.base64EncodedString()
            return (setup.good, try envelope.encoded(), "BAD_SIGNATURE")
        case .keyIdChanged:
            var envelope = try setup.key.sign(artifact: setup.good)
            envelope.keyId = "release-2099"
            return (setup.good, try envelope.encoded(), "UNTRUSTED_KEY")
        case .emptyFile:
            return (Data(), try sign(Data()), "EMPTY")
        case .invalidJSONSigned:
            let bytes = Data("{\"format_version\": 1, ".utf8)
            return (bytes, try sign(bytes), "INVALID_JSON")
        case .futureFormatSigned:
            var artifact = try JSONDecoderFactory.make().decode(GatewayArtifact.self, from: setup.good)
            artifact.formatVersion = 2
            let bytes = try CanonicalJSON.encode(artifact)
            return (bytes, try sign(bytes), "UNSUPPORTED_FORMAT_VERSION")
        case .invariantBrokenSigned:
            var artifact = try JSONDecoderFactory.make().decode(GatewayArtifact.self, from: setup.good)
            artifact.catalog.acquirers["antom-us"] = nil
            let bytes = try CanonicalJSON.encode(artifact)
            return (bytes, try sign(bytes), "INVARIANT_BROKEN")
        case .untrustedSigner:
            return (setup.good, try TrustFixture.key("release").sign(artifact: setup.good).encoded(), "BAD_SIGNATURE")
        case .missingSignature:
            return (setup.good, nil, "MISSING_SIGNATURE")
        case .truncatedUnsigned:
            return (setup.good.prefix(setup.good.count / 2), try sign(setup.good), "DIGEST_MISMATCH")
        }
    }

    @Test(arguments: BadRelease.allCases)
    func aBadReleaseNeverReplacesTheGoodOne(_ bad: BadRelease) throws {
        let setup = try Release()
        defer { setup.cleanUp() }
        let before = try Self.decide(setup.store.router)
        let (artifact, signature, code) = try Self.make(bad, setup)
        try TrustFixture.release(artifact, signature: signature, to: setup.path)
        guard case .failure(let failure) = setup.store.reload() else {
            Issue.record("\(bad) was accepted")
            return
        }
        #expect(failure.code == code, "\(bad): \(failure)")
        #expect(failure.rejectedDigest == Digest.sha256Hex(artifact))
        #expect(setup.store.status.lastFailure == failure)
        #expect(setup.store.status.activeDigest == setup.goodDigest)
        #expect(try Self.decide(setup.store.router) == before)
    }

    @Test(arguments: Array(1...9))
    func truncatedReleasesAreRefused(tenths: Int) throws {
        let setup = try Release()
        defer { setup.cleanUp() }
        let truncated = setup.good.prefix(setup.good.count * tenths / 10)
        // Signed by the trusted key, so the artifact itself is what fails.
        try TrustFixture.release(Data(truncated), signature: try setup.key.sign(artifact: Data(truncated)).encoded(), to: setup.path)
        guard case .failure(let failure) = setup.store.reload() else {
            Issue.record("a truncated artifact was accepted")
            return
        }
        #expect(failure.code == "INVALID_JSON")
        #expect(setup.store.status.activeDigest == setup.goodDigest)
    }

    @Test func aGoodReleaseIsSwappedIn() throws {
        let setup = try Release()
        defer { setup.cleanUp() }
        let next = try ReleaseFixture.usViaSingapore()
        try TrustFixture.release(next, signature: try setup.key.sign(artifact: next).encoded(), to: setup.path)
        let status = try setup.store.reload().get()
        #expect(status.activeDigest == Digest.sha256Hex(next))
        #expect(status.signedBy == "release")
        #expect(try Self.decide(setup.store.router).routed?.acquirer == "antom-sg")
        #expect(!setup.store.reloadIfChanged(), "nothing changed since")
    }

    @Test func unsignedIsOnlyForDevelopment() throws {
        let directory = try TrustFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("gateway-config.json")
        try TrustFixture.release(try ReleaseFixture.shipped(), signature: nil, to: path)
        #expect(throws: ReloadFailure.self) {
            try ConfigStore(artifactPath: path.path, policy: .required(try TrustFixture.trust(TrustFixture.key("k"))))
        }
        let store = try ConfigStore(artifactPath: path.path, policy: .allowUnsigned)
        #expect(store.status.signedBy == nil && store.status.origin == .release)
    }

    @Test func aRestartOnABadReleaseStartsFromTheLastGoodOne() throws {
        let setup = try Release(persist: true)
        defer { setup.cleanUp() }
        try TrustFixture.release(Data("garbage".utf8), signature: nil, to: setup.path)
        let restarted = try ConfigStore(artifactPath: setup.path.path, policy: .required(setup.trust),
                                        persistenceDirectory: setup.directory.appendingPathComponent("state").path)
        #expect(restarted.status.origin == .lastKnownGood)
        #expect(restarted.status.activeDigest == setup.goodDigest)
        #expect(restarted.status.lastFailure?.code == "MISSING_SIGNATURE")
        // Without a persisted copy there is nothing to serve.
        #expect(throws: ReloadFailure.self) {
            try ConfigStore(artifactPath: setup.path.path, policy: .required(setup.trust))
        }
    }

    @Test func theWatcherPicksUpANewRelease() async throws {
        let setup = try Release()
        defer { setup.cleanUp() }
        let watcher = setup.store.watch(every: .milliseconds(20))
        defer { watcher.cancel() }
        let next = try ReleaseFixture.usViaSingapore()
        try TrustFixture.release(next, signature: try setup.key.sign(artifact: next).encoded(), to: setup.path)
        #expect(try await Eventually.watcher(of: setup.store) { setup.store.status.activeDigest == Digest.sha256Hex(next) })
    }

    /// Readers never see a torn or rejected config while good and bad releases alternate.
    @Test func routingDuringReloadsSeesOnlyWholeGoodConfigs() async throws {
        let setup = try Release()
        defer { setup.cleanUp() }
        let releaseA = setup.good
        let releaseB = try ReleaseFixture.usViaSingapore()
        let routerA = try RouterLoader.load(data: releaseA)
        let routerB = try RouterLoader.load(data: releaseB)
        let allowed = [try Self.decide(routerA), try Self.decide(routerB)]
        let digests = Set([routerA.sourceDigest, routerB.sourceDigest])
        #expect(allowed[0] != allowed[1])
        let store = setup.store
        let readers = Task {
            try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<6 {
                    group.addTask {
                        var wrong = 0
                        while !Task.isCancelled {
                            let router = store.router
                            let decision = try Self.decide(router)
                            if !digests.contains(router.sourceDigest) || !allowed.contains(decision) { wrong += 1 }
                            // The cooperative pool has one thread per core: spinning without yielding would starve the reloads.
                            await Task.yield()
                        }
                        return wrong
                    }
                }
                return try await group.reduce(0, +)
            }
        }
        let bad = Data("{\"format_version\":1".utf8)
        for round in 0..<100 {
            switch round % 3 {
            case 0: try TrustFixture.release(releaseA, signature: try setup.key.sign(artifact: releaseA).encoded(), to: setup.path)
            case 1: try TrustFixture.release(bad, signature: try setup.key.sign(artifact: bad).encoded(), to: setup.path)
            default: try TrustFixture.release(releaseB, signature: try setup.key.sign(artifact: releaseB).encoded(), to: setup.path)
            }
            let result = store.reload()
            if round % 3 == 1 { #expect((try? result.get()) == nil) }
            await Task.yield()
        }
        readers.cancel()
        #expect(try await readers.value == 0)
        #expect(digests.contains(store.router.sourceDigest))
    }
}
