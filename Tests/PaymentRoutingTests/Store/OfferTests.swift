import ArtifactTrust
import Foundation
import PaymentRouting
import TestSupport
import Testing

/// A store fed by `offer(_:)` (a URL poller), without a release file: unready until a release comes,
/// or ready from its state directory.
@Suite struct OfferTests {
    @Test func unreadyUntilAGoodReleaseIsOffered() throws {
        let key = ReleaseKeys.key("release")
        let store = ConfigStore(policy: .required(try ReleaseKeys.trust(key)), persistenceDirectory: nil)
        #expect(store.router == nil && !store.status.isReady && store.status == ConfigStatus())
        #expect(store.artifactPath == nil)

        let good = try RegionArtifacts.shipped()
        let unsigned = store.offer(ReleaseBytes(artifact: good, signature: nil))
        #expect(unsigned.failure?.kind == .signature(.missingSignature))
        #expect(store.router == nil && !store.status.isReady && store.status.reloads.rejected == 1)

        let before = Date()
        let status = try store.offer(ReleaseBytes(artifact: good, signature: try ReleaseKeys.signature(good, by: key, serial: 3)))
            .get()
        let active = try #require(status.active)
        let artifact = try RouterLoader.decode(good)
        #expect(active.artifactDigest == Digest.sha256Hex(good) && active.sourceDigest == artifact.sourceDigest)
        #expect(active.formatVersion == artifact.formatVersion && active.compilerVersion == artifact.compilerVersion)
        #expect(active.regions == artifact.regions.keys.sorted() && active.regions.contains("US"))
        #expect(active.releaseSerial == 3 && active.keyId == "release" && active.origin == .release && active.loadedAt >= before)
        #expect(status.reloads.loaded == 1 && status.reloads.rejected == 1)
        #expect(status.lastFailure?.code == "MISSING_SIGNATURE", "the last failure stays after a success")
        #expect(try store.serving().route(try ReleaseFixture.request()) == (try ReleaseFixture.decision(good)))

        // A poller that could not fetch: counted and recorded, the release keeps serving.
        let unreachable = store.recordUnreachable("connection refused")
        #expect(unreachable.reloads.unreachable == 1 && unreachable.lastFailure?.kind == .unreachable("connection refused"))
        #expect(unreachable.lastFailure?.code == "UNREACHABLE" && unreachable.active == active)
    }

    /// Each failure kind keeps its typed cause, and its code is the cause's own.
    @Test func failuresAreTyped() throws {
        let key = ReleaseKeys.key("release")
        let store = ConfigStore(policy: .required(try ReleaseKeys.trust(key)), persistenceDirectory: nil)
        let broken = Data("{".utf8)
        let artifact = store.offer(ReleaseBytes(artifact: broken, signature: try ReleaseKeys.signature(broken, by: key)))
        guard case .artifact(.invalidJSON) = artifact.failure?.kind else {
            Issue.record("\(artifact)")
            return
        }
        #expect(artifact.failure?.code == "INVALID_JSON")
        let good = try RegionArtifacts.shipped()
        let stranger = store.offer(ReleaseBytes(artifact: good, signature: try ReleaseKeys.signature(good, by: ReleaseKeys.key("x"))))
        #expect(stranger.failure?.kind == .signature(.untrustedKey("x")) && stranger.failure?.code == "UNTRUSTED_KEY")
        // A store without a file has nothing to reload.
        #expect(store.reload().failure?.code == "UNREADABLE")
        #expect(!store.reloadIfChanged())
    }

    /// The state directory a file-fed store wrote serves a URL-fed store after a restart with the source down.
    @Test func readyFromItsStateDirectory() throws {
        let release = try Release(persist: true, serial: 8)
        defer { release.cleanUp() }
        let store = ConfigStore(policy: .required(release.trust), persistenceDirectory: release.state)
        let status = store.status
        #expect(status.active?.origin == .lastKnownGood && status.active?.releaseSerial == 8)
        #expect(status.active?.artifactDigest == release.goodDigest && status.reloads == ReloadCounts())
        #expect(try store.serving().route(try ReleaseFixture.request()) == (try ReleaseFixture.decision(release.good)))
        // The same bytes from the source: nothing rebuilt, now counted as the release's.
        let again = store.offer(try release.bytes(release.good, signedBy: release.key, serial: 8))
        #expect(again == .unchanged(store.status) && store.status.active?.origin == .release)
        // An older serial from the source is refused.
        let older = store.offer(try release.bytes(try ReleaseFixture.usPaused(), signedBy: release.key, serial: 7))
        #expect(older.failure?.kind == .rollback(offered: 7, served: 8))

        // With another trust store the persisted release does not verify: unready, and the reason is kept.
        let stranger = ConfigStore(policy: .required(try ReleaseKeys.trust(ReleaseKeys.key("other"))),
                                   persistenceDirectory: release.state)
        #expect(!stranger.status.isReady && stranger.status.lastFailure?.code == "UNTRUSTED_KEY")
        // An empty state directory: unready, no failure.
        let empty = ConfigStore(policy: .required(release.trust), persistenceDirectory: release.directory.appendingPathComponent("none").path)
        #expect(!empty.status.isReady && empty.status.lastFailure == nil)
    }

    /// A release offered is persisted like one reloaded from a file.
    @Test func anOfferedReleaseIsPersisted() throws {
        let directory = try TemporaryDirectory.make("store")
        defer { try? FileManager.default.removeItem(at: directory) }
        let key = ReleaseKeys.key("release")
        let trust = try ReleaseKeys.trust(key)
        let state = directory.appendingPathComponent("state").path
        let next = try ReleaseFixture.usPaused()
        let store = ConfigStore(policy: .required(trust), persistenceDirectory: state)
        _ = try store.offer(ReleaseBytes(artifact: next, signature: try ReleaseKeys.signature(next, by: key, serial: 2))).get()
        let restarted = ConfigStore(policy: .required(trust), persistenceDirectory: state)
        #expect(restarted.status.active?.artifactDigest == Digest.sha256Hex(next) && restarted.status.active?.releaseSerial == 2)
    }
}
