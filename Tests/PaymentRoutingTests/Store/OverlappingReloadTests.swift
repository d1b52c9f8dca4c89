import ArtifactTrust
import Dispatch
import Foundation
import GatewayConfig
@testable import PaymentRouting
import Synchronization
import TestSupport
import Testing

/// Two reloads overlap: the first (a large release) is held inside its judgement by a gate while the
/// second starts; only then is the first let go. However the store orders them, it must end serving
/// the newer release. The gates make the overlap certain on any machine, with no sleep.
@Suite struct OverlappingReloadTests {
    static let rounds = 10

    /// Holds the first judgement after its read until the second judgement has started.
    final class Gates: Sendable {
        let firstRead = DispatchSemaphore(value: 0)
        let letFirstGo = DispatchSemaphore(value: 0)
        let secondStarted = DispatchSemaphore(value: 0)
        private let reads = Mutex(0)
        private let waits = Mutex(0)

        var probe: JudgementProbe {
            JudgementProbe(
                willWait: {
                    let order = self.waits.withLock { count in count += 1; return count }
                    if order == 2 { self.secondStarted.signal() }
                },
                didRead: {
                    let order = self.reads.withLock { count in count += 1; return count }
                    if order == 1 {
                        self.firstRead.signal()
                        self.letFirstGo.wait()
                    }
                })
        }

        static func wait(_ semaphore: DispatchSemaphore) async {
            await BlockingWork.run { semaphore.wait() }
        }
    }

    /// The file source, signatures without serials: the poller's reload starts on the large release,
    /// then a small one is published and an admin reload follows.
    @Test func fileReloadsNeverEndOnTheOlderRelease() async throws {
        let release = try Release()
        defer { release.cleanUp() }
        let store = release.store
        let large = try ReleaseFixture.large()
        let small = try ReleaseFixture.usPaused()
        let largeSignature = try ReleaseKeys.signature(large, by: release.key)
        let smallSignature = try ReleaseKeys.signature(small, by: release.key)
        var olderServed = 0
        for _ in 0..<Self.rounds {
            try ReleaseFiles.publish(release.good, signature: try ReleaseKeys.signature(release.good, by: release.key),
                                     to: release.path)
            store.install(JudgementProbe())
            _ = try store.reload().get()
            let gates = Gates()
            store.install(gates.probe)
            try ReleaseFiles.publish(large, signature: largeSignature, to: release.path)
            let first = Task { await BlockingWork.run { store.reload() } }
            await Gates.wait(gates.firstRead)
            // The first has read the large release and is held; the small one is published, the second starts.
            try ReleaseFiles.publish(small, signature: smallSignature, to: release.path)
            let second = Task { await BlockingWork.run { store.reload() } }
            await Gates.wait(gates.secondStarted)
            gates.letFirstGo.signal()
            let secondResult = await second.value
            _ = await first.value
            #expect(secondResult.failure == nil, "\(secondResult)")
            if store.status.active?.artifactDigest != Digest.sha256Hex(small) { olderServed += 1 }
        }
        #expect(olderServed == 0, "the older release was served after \(olderServed) of \(Self.rounds) rounds")
    }

    /// The same through `offerInBackground(_:)` (a poller's way to `offer(_:)`) with serials: the large release is serial 1, the small one serial 2.
    @Test func offersNeverEndOnTheLowerSerial() async throws {
        let key = ReleaseKeys.key("release")
        let large = try ReleaseFixture.large()
        let small = try ReleaseFixture.usPaused()
        let older = ReleaseBytes(artifact: large, signature: try ReleaseKeys.signature(large, by: key, serial: 1))
        let newer = ReleaseBytes(artifact: small, signature: try ReleaseKeys.signature(small, by: key, serial: 2))
        let trust = try ReleaseKeys.trust(key)
        var olderServed = 0
        for _ in 0..<Self.rounds {
            let store = ConfigStore(policy: .required(trust), persistenceDirectory: nil)
            let gates = Gates()
            store.install(gates.probe)
            let first = Task { await store.offerInBackground(older) }
            await Gates.wait(gates.firstRead)
            let second = Task { await store.offerInBackground(newer) }
            await Gates.wait(gates.secondStarted)
            gates.letFirstGo.signal()
            let secondResult = await second.value
            let firstResult = await first.value
            #expect(secondResult.failure == nil, "\(secondResult)")
            // The older one was either swapped in before the newer one, or refused after it.
            #expect(firstResult.failure == nil || firstResult.failure?.code == "ROLLBACK", "\(firstResult)")
            if store.status.active?.releaseSerial != 2 { olderServed += 1 }
        }
        #expect(olderServed == 0, "serial 1 was served after serial 2 in \(olderServed) of \(Self.rounds) rounds")
    }
}
