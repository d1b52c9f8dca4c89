import Foundation
import Logging
import PaymentRouting
import Synchronization

/// Offers releases to one `ConfigStore` (which verifies them, refuses older serials, builds, swaps
/// and persists, or keeps the last good one) and publishes what it serves, with a log line and a
/// count for every outcome. The poller is its only caller, one release at a time.
final class ReleaseKeeper: Sendable {
    let store: ConfigStore
    let metrics: ServiceMetrics
    let logger: Logger
    private let served = Mutex<ServedRelease?>(nil)

    /// Starts from the release persisted in `stateDirectory`, if it holds a valid one; else unready.
    init(policy: SignaturePolicy, stateDirectory: String?, metrics: ServiceMetrics, logger: Logger) {
        store = ConfigStore(policy: policy, persistenceDirectory: stateDirectory)
        self.metrics = metrics
        self.logger = logger
        publish()
    }

    var current: ServedRelease? { served.withLock { $0 } }

    /// The newest refusal or unreachable source, kept after later successes.
    var lastFailure: ReloadFailure? { store.status.lastFailure }

    /// Logs what the service starts from (called once it listens, so "listening on" comes first).
    func announceStart() {
        if let release = current?.release { logLoaded(release) }
        if let failure = store.status.lastFailure { logRefused(failure) }
    }

    /// Judges a release (on a Dispatch worker) and serves it if the store takes it.
    func offer(_ release: ReleaseBytes) async {
        switch await store.offerInBackground(release) {
        case .loaded:
            publish()
            metrics.reloaded(.ok)
            if let release = current?.release { logLoaded(release) }
        case .unchanged:
            break
        case .rejected(let failure, _):
            metrics.reloaded(.rejected)
            logRefused(failure)
        }
    }

    /// A source that could not be read this poll: counted and logged; the release served stays.
    func sourceUnreachable(_ reason: String) {
        let status = store.recordUnreachable(reason)
        metrics.reloaded(.unreachable)
        if let failure = status.lastFailure { logRefused(failure) }
    }

    /// Takes the store's router and release together. Only the poller changes the store, and it
    /// calls this after each change, so the two belong to the same release.
    private func publish() {
        guard let router = store.router, let release = store.status.active else { return }
        served.withLock { $0 = ServedRelease(router: router, release: release) }
        metrics.serving(sourceDigest: release.sourceDigest, keyId: release.keyId)
    }

    private func logLoaded(_ release: ActiveRelease) {
        logger.info("release loaded", metadata: [
            "digest": "\(release.artifactDigest)",
            "source_digest": "\(release.sourceDigest)",
            "serial": "\(release.releaseSerial.map(String.init) ?? "none")",
            "key_id": "\(release.keyId ?? "unsigned")",
            "origin": "\(release.origin.rawValue)",
            "regions": "\(release.regions.count)",
        ])
    }

    private func logRefused(_ failure: ReloadFailure) {
        let unreachable = failure.code == "UNREACHABLE"
        logger.warning(unreachable ? "release source unreachable" : "release refused", metadata: [
            "code": "\(failure.code)",
            "reason": "\(failure.message)",
            "digest": "\(failure.rejectedDigest ?? "-")",
            "serving": "\(current?.configDigest ?? "nothing")",
        ])
    }
}
