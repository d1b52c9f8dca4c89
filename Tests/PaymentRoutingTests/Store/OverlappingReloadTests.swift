import ArtifactTrust
import Dispatch
import Foundation
import PaymentRouting
import Testing

/// Two reloads overlap: a large release's reload starts first and, taking far longer to judge, would
/// finish last. However the two interleave, the store must end serving the newer release.
@Suite struct OverlappingReloadTests {
    /// Runs `body` on a Dispatch worker (as the watcher and a service's poller do).
    static func onWorker<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: body()) }
        }
    }

    static let rounds = 10

    /// The file source, signatures without serials: the poller's reload starts on the large release,
    /// then a small one is published and an admin reload follows.
    @Test func fileReloadsNeverEndOnTheOlderRelease() async throws {
        let release = try Release()
        defer { release.cleanUp() }
        let store = release.store
        let large = try ReleaseFixture.large()
        let small = try ReleaseFixture.usPaused()
        let largeSignature = try ReleaseFixture.signature(large, by: release.key)
        let smallSignature = try ReleaseFixture.signature(small, by: release.key)
        var olderServed = 0
        for _ in 0..<Self.rounds {
            try TrustFixture.release(release.good, signature: try ReleaseFixture.signature(release.good, by: release.key),
                                     to: release.path)
            _ = try store.reload().get()
            try TrustFixture.release(large, signature: largeSignature, to: release.path)
            let first = Task { await Self.onWorker { store.reload() } }
            // Only orchestration: give the first reload time to read the large release. Whatever the timing,
            // the small release is published before the second reload starts, so it must end served.
            try await Task.sleep(for: .milliseconds(30))
            try TrustFixture.release(small, signature: smallSignature, to: release.path)
            let second = await Self.onWorker { store.reload() }
            _ = await first.value
            #expect(second.failure == nil, "\(second)")
            if store.status.active?.artifactDigest != Digest.sha256Hex(small) { olderServed += 1 }
        }
        #expect(olderServed == 0, "the older release was served after \(olderServed) of \(Self.rounds) rounds")
    }

    /// The same through `offerInBackground(_:)` (a poller's way to `offer(_:)`) with serials: the large release is serial 1, the small one serial 2.
    @Test func offersNeverEndOnTheLowerSerial() async throws {
        let key = TrustFixture.key("release")
        let large = try ReleaseFixture.large()
        let small = try ReleaseFixture.usPaused()
        let older = ReleaseBytes(artifact: large, signature: try ReleaseFixture.signature(large, by: key, serial: 1))
        let newer = ReleaseBytes(artifact: small, signature: try ReleaseFixture.signature(small, by: key, serial: 2))
        let trust = try TrustFixture.trust(key)
        var olderServed = 0
        for _ in 0..<Self.rounds {
            let store = ConfigStore(policy: .required(trust), persistenceDirectory: nil)
            let first = Task { await store.offerInBackground(older) }
            try await Task.sleep(for: .milliseconds(30))
            let second = await store.offerInBackground(newer)
            let firstResult = await first.value
            #expect(second.failure == nil, "\(second)")
            // The older one was either swapped in before the newer one, or refused after it.
            #expect(firstResult.failure == nil || firstResult.failure?.code == "ROLLBACK", "\(firstResult)")
            if store.status.active?.releaseSerial != 2 { olderServed += 1 }
        }
        #expect(olderServed == 0, "serial 1 was served after serial 2 in \(olderServed) of \(Self.rounds) rounds")
    }
}
