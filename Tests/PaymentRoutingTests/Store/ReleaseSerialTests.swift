import ArtifactTrust
import Foundation
import PaymentRouting
import TestSupport
import Testing

/// Rollback protection: a store serving release serial 5 is offered one release per case.
@Suite struct ReleaseSerialTests {
    enum Offered: String, CaseIterable, Sendable {
        case lower, noSerial, equalSameBytes, equalSameBytesResigned, equalOtherBytes, higher, higherSameBytes
    }

    /// What each offer must do: the code of its refusal, or the serial and artifact then served.
    enum Expected: Equatable {
        case refused(String)
        case unchanged
        case loaded(serial: UInt64, artifactIsNext: Bool, keyId: String)
    }

    static func expected(_ offered: Offered) -> Expected {
        switch offered {
        case .lower, .noSerial: .refused("ROLLBACK")
        case .equalOtherBytes: .refused("SERIAL_REUSED")
        case .equalSameBytes: .unchanged
        case .equalSameBytesResigned: .loaded(serial: 5, artifactIsNext: false, keyId: "release-2027")
        case .higher: .loaded(serial: 6, artifactIsNext: true, keyId: "release")
        case .higherSameBytes: .loaded(serial: 6, artifactIsNext: false, keyId: "release")
        }
    }

    @Test(arguments: Offered.allCases)
    func aStoreServingSerialFive(_ offered: Offered) throws {
        let key = ReleaseKeys.key("release")
        let successor = ReleaseKeys.key("release-2027")
        let store = ConfigStore(policy: .required(try ReleaseKeys.trust(key, successor)), persistenceDirectory: nil)
        let good = try RegionArtifacts.shipped()
        let next = try ReleaseFixture.usPaused()
        let served = ReleaseBytes(artifact: good, signature: try ReleaseKeys.signature(good, by: key, serial: 5))
        _ = try store.offer(served).get()
        let before = store.status

        let release: ReleaseBytes = switch offered {
        case .lower: ReleaseBytes(artifact: next, signature: try ReleaseKeys.signature(next, by: key, serial: 4))
        case .noSerial: ReleaseBytes(artifact: next, signature: try ReleaseKeys.signature(next, by: key))
        case .equalSameBytes: served
        case .equalSameBytesResigned: ReleaseBytes(artifact: good, signature: try ReleaseKeys.signature(good, by: successor, serial: 5))
        case .equalOtherBytes: ReleaseBytes(artifact: next, signature: try ReleaseKeys.signature(next, by: key, serial: 5))
        case .higher: ReleaseBytes(artifact: next, signature: try ReleaseKeys.signature(next, by: key, serial: 6))
        case .higherSameBytes: ReleaseBytes(artifact: good, signature: try ReleaseKeys.signature(good, by: key, serial: 6))
        }
        let result = store.offer(release)
        let status = store.status
        #expect(result.status == status)
        switch (Self.expected(offered), result) {
        case (.refused(let code), .rejected(let failure, _)):
            #expect(failure.code == code, "\(offered): \(failure)")
            #expect(failure.rejectedDigest == release.digest)
            #expect(status.active == before.active, "\(offered): the release served keeps serving")
            #expect(status.lastFailure == failure && status.reloads.rejected == 1)
            #expect(try store.serving().route(try ReleaseFixture.request()) == (try ReleaseFixture.decision(good)))
        case (.unchanged, .unchanged):
            #expect(status.active == before.active && status.reloads.unchanged == 1 && status.reloads.loaded == 1)
        case (.loaded(let serial, let artifactIsNext, let keyId), .loaded):
            let artifact = artifactIsNext ? next : good
            #expect(status.active?.releaseSerial == serial && status.active?.keyId == keyId)
            #expect(status.active?.artifactDigest == Digest.sha256Hex(artifact) && status.reloads.loaded == 2)
            #expect(try store.serving().route(try ReleaseFixture.request()) == (try ReleaseFixture.decision(artifact)))
        default:
            Issue.record("\(offered): expected \(Self.expected(offered)), got \(result)")
        }
    }

    /// The two refusals name the serials involved.
    @Test func refusalsNameTheSerials() {
        let lower = ReloadFailure(.rollback(offered: 4, served: 5))
        #expect(lower.description == "ROLLBACK: release serial 4 is lower than the served serial 5: an older release brought back")
        #expect(ReloadFailure(.rollback(offered: nil, served: 5)).message.contains("no serial"))
        #expect(ReloadFailure(.serialReused(5)).description == "SERIAL_REUSED: release serial 5 is served with other artifact bytes")
    }

    /// Serving a release without a serial (an old format 1 envelope), any signed release may follow,
    /// and from then on its serial binds.
    @Test func fromNoSerialToSerials() throws {
        let key = ReleaseKeys.key("release")
        let store = ConfigStore(policy: .required(try ReleaseKeys.trust(key)), persistenceDirectory: nil)
        let good = try RegionArtifacts.shipped()
        let next = try ReleaseFixture.usPaused()
        _ = try store.offer(ReleaseBytes(artifact: good, signature: try ReleaseKeys.signature(good, by: key))).get()
        #expect(store.status.active?.releaseSerial == nil)
        let status = try store.offer(ReleaseBytes(artifact: next, signature: try ReleaseKeys.signature(next, by: key, serial: 0))).get()
        #expect(status.active?.releaseSerial == 0)
        let unserial = store.offer(ReleaseBytes(artifact: good, signature: try ReleaseKeys.signature(good, by: key)))
        #expect(unserial.failure?.kind == .rollback(offered: nil, served: 0))
    }

    /// Without signature checks there is no serial to trust: every release is judged by its bytes alone.
    @Test func allowUnsignedHasNoSerials() throws {
        let key = ReleaseKeys.key("release")
        let store = ConfigStore(policy: .allowUnsigned, persistenceDirectory: nil)
        let good = try RegionArtifacts.shipped()
        let next = try ReleaseFixture.usPaused()
        _ = try store.offer(ReleaseBytes(artifact: good, signature: try ReleaseKeys.signature(good, by: key, serial: 9))).get()
        #expect(store.status.active?.releaseSerial == nil && store.status.active?.keyId == nil)
        let status = try store.offer(ReleaseBytes(artifact: next, signature: try ReleaseKeys.signature(next, by: key, serial: 1))).get()
        #expect(status.active?.artifactDigest == Digest.sha256Hex(next))
    }

    // MARK: Restarts

    enum AtTheSource: String, CaseIterable, Sendable { case lower, noSerial, equalOtherBytes, equalSameBytes, higher }

    /// Serial 5 persisted; the store restarts while the source holds another release. The persisted serial binds it.
    @Test(arguments: AtTheSource.allCases)
    func aRestartRemembersThePersistedSerial(_ source: AtTheSource) throws {
        let release = try Release(persist: true, serial: 5)
        defer { release.cleanUp() }
        #expect(release.store.status.active?.releaseSerial == 5)
        let next = try ReleaseFixture.usPaused()
        switch source {
        case .lower: try release.publish(next, signedBy: release.key, serial: 4)
        case .noSerial: try release.publish(next, signedBy: release.key)
        case .equalOtherBytes: try release.publish(next, signedBy: release.key, serial: 5)
        case .equalSameBytes: break
        case .higher: try release.publish(next, signedBy: release.key, serial: 6)
        }
        let restarted = try ConfigStore(artifactPath: release.path.path, policy: .required(release.trust),
                                        persistenceDirectory: release.state)
        let status = restarted.status
        switch source {
        case .lower, .noSerial, .equalOtherBytes:
            #expect(status.active?.origin == .lastKnownGood && status.active?.releaseSerial == 5)
            #expect(status.active?.artifactDigest == release.goodDigest)
            #expect(status.lastFailure?.code == (source == .equalOtherBytes ? "SERIAL_REUSED" : "ROLLBACK"))
            #expect(status.lastFailure?.rejectedDigest == Digest.sha256Hex(next))
            // The state dir still holds serial 5: a second restart refuses the same way.
            let again = try ConfigStore(artifactPath: release.path.path, policy: .required(release.trust),
                                        persistenceDirectory: release.state)
            #expect(again.status.active?.releaseSerial == 5 && again.status.lastFailure?.code == status.lastFailure?.code)
        case .equalSameBytes:
            #expect(status.active?.origin == .release && status.active?.releaseSerial == 5 && status.lastFailure == nil)
            #expect(status.reloads.unchanged == 1)
        case .higher:
            #expect(status.active?.origin == .release && status.active?.releaseSerial == 6 && status.lastFailure == nil)
            #expect(status.active?.artifactDigest == Digest.sha256Hex(next))
        }
    }
}
