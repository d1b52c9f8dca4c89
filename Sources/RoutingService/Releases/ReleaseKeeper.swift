import GatewayConfig
import Foundation
import Logging
import PaymentRouting
import Synchronization

/// Offers releases to the one `ConfigStore` (which reads the file source, verifies, refuses older
/// serials, builds, swaps and persists, or keeps the last good one; it alone holds what is served),
/// and makes every outcome observable: a log line and a count, and a state-directory write failure
/// logged and counted too, and the regions' phases (`PhaseEvents`) looked at again whenever a release loads.
/// The poller offers one release at a time; tests offer through `RoutingService`.
final class ReleaseKeeper: Sendable {
    let store: ConfigStore
    let metrics: ServiceMetrics
    let logger: Logger
    /// The regions' phases in the release served: the keeper looks when one loads, the sweep every second.
    let phases: PhaseEvents
    let clock: ServiceClock
    /// State-directory write failures already reported.
    private let reportedStateFailures = Mutex(0)

    /// Starts from the release persisted in `stateDirectory`, if it holds a valid one; else unready.
    /// Every router the store builds consults and feeds `health`.
    init(configuration: ServiceConfiguration, metrics: ServiceMetrics, logger: Logger, health: HealthTracker, clock: ServiceClock) {
        switch configuration.source {
        case .file(let path):
            store = ConfigStore(watching: path, policy: configuration.policy, persistenceDirectory: configuration.stateDirectory,
                                maximumReleaseBytes: configuration.maximumReleaseBytes, health: health)
        case .url:
            store = ConfigStore(policy: configuration.policy, persistenceDirectory: configuration.stateDirectory, health: health)
        }
        self.metrics = metrics
        self.logger = logger
        self.clock = clock
        phases = PhaseEvents(store: store, metrics: metrics, logger: logger)
        if configuration.stateDirectory != nil { metrics.stateWriteFailed(0) }
        if let release = store.status.active { metrics.serving(sourceDigest: release.sourceDigest, keyId: release.keyId) }
        phases.refresh(at: clock.instant)
    }

    /// What is served now: router and release together.
    var current: ServingSnapshot? { store.snapshot }

    var status: ConfigStatus { store.status }

    /// The newest refusal or unreachable source, kept after later successes.
    var lastFailure: ReloadFailure? { store.status.lastFailure }

    /// Logs what the service starts from (called once it listens, so "listening on" comes first).
    func announceStart() {
        if let release = store.status.active { logLoaded(release) }
        if let failure = store.status.lastFailure { logRefused(failure) }
    }

    /// Judges a release fetched from a URL (on a Dispatch worker) and serves it if the store takes it.
    func offer(_ release: ReleaseBytes) async {
        report(await store.offerInBackground(release))
    }

    /// Looks at the release file (on a Dispatch worker): read and judged only when it changed.
    func lookAtFile() async {
        let store = store
        if let result = await BlockingWork.run({ store.lookAtFile() }) { report(result) }
    }

    /// A source that could not be read this poll: counted and logged; the release served stays.
    func sourceUnreachable(_ reason: String) {
        let status = store.recordUnreachable(reason)
        metrics.reloaded(.unreachable)
        if let failure = status.lastFailure { logRefused(failure) }
    }

    private func report(_ result: ReloadResult) {
        switch result {
        case .loaded(let status):
            metrics.reloaded(.ok)
            if let release = status.active {
                metrics.serving(sourceDigest: release.sourceDigest, keyId: release.keyId)
                logLoaded(release)
            }
            phases.refresh(at: clock.instant)
        case .unchanged:
            break
        case .rejected(let failure, _):
            metrics.reloaded(failure.isUnreadableSource ? .unreachable : .rejected)
            logRefused(failure)
        }
        reportStateWriteFailures(result.status)
    }

    private func reportStateWriteFailures(_ status: ConfigStatus) {
        let new = reportedStateFailures.withLock { reported in
            defer { reported = max(reported, status.stateWriteFailures) }
            return status.stateWriteFailures - reported
        }
        guard new > 0, let failure = status.lastStateWriteFailure else { return }
        metrics.stateWriteFailed(new)
        logger.error("state directory write failed: a restart would start from an older release", metadata: [
            "path": "\(failure.path)", "reason": "\(failure.reason)",
            "serving_serial": "\(status.active?.releaseSerial.map(String.init) ?? "none")",
        ])
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
        let unreachable = failure.isUnreachable || failure.isUnreadableSource
        logger.warning(unreachable ? "release source unreachable" : "release refused", metadata: [
            "code": "\(failure.code)",
            "reason": "\(failure.message)",
            "digest": "\(failure.rejectedDigest ?? "-")",
            "serving": "\(current?.configDigest ?? "nothing")",
        ])
    }
}

extension ReloadFailure {
    /// The source could not be fetched (a URL poll failed).
    var isUnreachable: Bool {
        if case .unreachable = kind { return true }
        return false
    }

    /// The release file could not be read (missing, a permission, over the size cap): the source's
    /// fault, not the release's, so it is counted as `unreachable`.
    var isUnreadableSource: Bool {
        if case .artifact(.unreadable) = kind { return true }
        return false
    }
}
