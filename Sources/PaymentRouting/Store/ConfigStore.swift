import ArtifactTrust
import Foundation
import GatewayConfig
import Synchronization

/// Whether artifacts must carry a signature by a trusted key.
public enum SignaturePolicy: Sendable {
    case required(TrustStore)
    /// Local development only: unsigned artifacts are accepted, a signature present is not checked,
    /// and so there is no release serial and no rollback protection.
    case allowUnsigned
}

/// Holds the current `CheckoutRouter` and replaces it only with a fully verified and built one.
///
/// Every release, whatever its source (the file at `artifactPath`, or bytes a poller fetched and
/// hands to `offer(_:)`), takes one path: verify the signature, refuse a rollback (a serial lower
/// than the one served, or the served serial with other bytes), build the router, swap, persist.
/// Releases are judged one at a time, in the order they arrive at that path, so two overlapping
/// reloads can never end with the older release served. Readers are never blocked by a reload:
/// they always get one whole snapshot, old or new (`CheckoutRouter` is an immutable value).
public final class ConfigStore: Sendable {
    /// The release file, for `reload()`, `reloadIfChanged()` and `watch(every:)`; `nil` for a store fed by `offer(_:)`.
    package let artifactPath: String?
    package let policy: SignaturePolicy
    /// Where the last good release is kept, so a restart while the source is bad or down still serves.
    package let persistenceDirectory: String?
    /// The largest artifact or signature file read; a larger one is refused unread.
    package let maximumReleaseBytes: Int
    /// The health every router this store builds consults and feeds (one per process): ejections
    /// outlive a release swap. Nil: only acquirers a release disables are skipped.
    package let health: HealthTracker?

    private struct Served {
        var router: CheckoutRouter?
        var status = ConfigStatus()
        /// CheckoutRouter and release as one object, made at each swap: a request takes it with one retain.
        var snapshot: ServingSnapshot?

        mutating func refreshSnapshot() {
            snapshot = router.flatMap { router in status.active.map { ServingSnapshot(router: router, release: $0) } }
        }
    }

    /// What only the one release being judged touches.
    private struct Judging {
        /// The release files' stamps before their last read: unchanged stamps are not read again.
        var lastStamp: ReleaseStamp?
        /// Fingerprint of the last bytes looked at, to skip unchanged polls of the file.
        var lastSeen: String?
        /// Fingerprint of the release served, to answer the same bytes offered again without rebuilding.
        var servedFingerprint: String?
    }

    /// Held only to copy or assign: every checkout reads it.
    private let served = Mutex(Served())
    /// Test seams around a judgement (see `JudgementProbe`); no-ops unless a test installs one.
    private let probe = Mutex(JudgementProbe())

    /// Held for a whole judgement (read the file, verify, build, swap, persist): one release at a time.
    /// Lock order: `judging`, then `served`.
    private let judging = Mutex(Judging())

    /// What a look saw: the bytes' fingerprint, or the read failure (so the same failure is recorded
    /// once, and another one, such as a different file over the cap, again).
    static func fingerprint(_ release: Result<ReleaseBytes, ReloadFailure>) -> String {
        switch release {
        case .success(let release): release.fingerprint
        case .failure(let failure): "unreadable: " + failure.message
        }
    }

    /// A store fed by `offer(_:)` (a poller, a push): it starts from the release persisted in
    /// `persistenceDirectory` when there is a valid one, otherwise unready (`router` is `nil`).
    public convenience init(policy: SignaturePolicy, persistenceDirectory: String?, health: HealthTracker? = nil) {
        self.init(path: nil, policy: policy, persistenceDirectory: persistenceDirectory, maximumReleaseBytes: ReleaseBytes.maximumBytes,
                  health: health)
    }

    /// A store on the release file at `artifactPath` (and `artifactPath.sig`). The persisted last good
    /// release is loaded first, so its serial binds the file's release; if the file's release is refused
    /// the persisted one serves (origin `lastKnownGood`). Throws the file's failure when neither can serve.
    public convenience init(artifactPath: String, policy: SignaturePolicy,
                            persistenceDirectory: String? = nil, health: HealthTracker? = nil) throws(ReloadFailure) {
        self.init(path: artifactPath, policy: policy, persistenceDirectory: persistenceDirectory,
                  maximumReleaseBytes: ReleaseBytes.maximumBytes, health: health)
        if case .rejected(let failure, let status) = reload(), !status.isReady { throw failure }
    }

    /// A store on the release file at `artifactPath` that reads it only when polled (`lookAtFile()`),
    /// first from the persisted last good release if there is one: the service's file source.
    package convenience init(watching artifactPath: String, policy: SignaturePolicy, persistenceDirectory: String?,
                             maximumReleaseBytes: Int, health: HealthTracker? = nil) {
        self.init(path: artifactPath, policy: policy, persistenceDirectory: persistenceDirectory,
                  maximumReleaseBytes: maximumReleaseBytes, health: health)
    }

    private init(path: String?, policy: SignaturePolicy, persistenceDirectory: String?, maximumReleaseBytes: Int,
                 health: HealthTracker?) {
        artifactPath = path
        self.policy = policy
        self.persistenceDirectory = persistenceDirectory
        self.maximumReleaseBytes = maximumReleaseBytes
        self.health = health
        judging.withLock { judging in
            switch LastKnownGood.load(from: persistenceDirectory) {
            case .none: break
            case .unreadable(let path, let reason):
                let failure = ReloadFailure(.artifact(.unreadable(path: path, reason: reason)))
                served.withLock { $0.status.lastFailure = failure }
            case .release(let release):
                _ = judge(release, origin: .lastKnownGood, counted: false, judging: &judging)
            }
        }
    }

    /// Installs seams that let a test hold one judgement while another starts (instead of sleeping).
    package func install(_ probe: JudgementProbe) { self.probe.withLock { $0 = probe } }

    /// The router to decide with; `nil` until a release is loaded. Take it once per checkout: it never changes under you.
    public var router: CheckoutRouter? { served.withLock { $0.router } }

    public var status: ConfigStatus { served.withLock { $0.status } }

    /// The router and the release it was built from, read together: what one request decides with
    /// and reports. `nil` until a release is loaded.
    package var snapshot: ServingSnapshot? { served.withLock { $0.snapshot } }

    /// Judges `release` (bytes from any source) exactly as `reload()` judges the file: verify, check the
    /// serial, build, swap, persist. On refusal the release served keeps serving and the failure is recorded.
    /// Blocking: verifying and building a large release is seconds of CPU; async callers use `offerInBackground(_:)`.
    @discardableResult
    public func offer(_ release: ReleaseBytes) -> ReloadResult {
        let probe = probe.withLock { $0 }
        probe.willWait()
        return judging.withLock { judging in
            probe.didRead()
            return judge(release, origin: .release, counted: true, judging: &judging)
        }
    }

    /// `offer(_:)` for async callers (a URL poller): the judging runs on a Dispatch worker, so a large
    /// release never holds one of the few threads the host's Swift tasks share.
    public func offerInBackground(_ release: ReleaseBytes) async -> ReloadResult {
        await BlockingWork.run { self.offer(release) }
    }

    /// Records that the release source could not be fetched (a poller's timeout, a 5xx): counted and
    /// kept as `lastFailure`; the release served keeps serving.
    @discardableResult
    public func recordUnreachable(_ reason: String) -> ConfigStatus {
        served.withLock { served in
            served.status.lastFailure = ReloadFailure(.unreachable(reason))
            served.status.reloads.unreachable += 1
            return served.status
        }
    }

    /// Reads, verifies and builds the artifact at `artifactPath`; swaps it in only if all of that succeeds.
    @discardableResult
    public func reload() -> ReloadResult {
        let probe = probe.withLock { $0 }
        probe.willWait()
        return judging.withLock { judging in
            // Read under the lock: a reload that starts later reads a release at least as new.
            let release = readFile(judging: &judging)
            probe.didRead()
            return judgeFile(release, judging: &judging)
        }
    }

    /// Reloads when the artifact or its signature changed since last looked at. Returns whether it tried.
    @discardableResult
    package func reloadIfChanged() -> Bool {
        // Counted once the look (and any reload) is over, so a caller seeing the count move knows it finished.
        defer {
            served.withLock { served in
                served.status.polls += 1
                served.status.lastPolled = Date()
            }
        }
        return lookAtFile() != nil
    }

    /// The file watcher's one look: nothing is read while the files' stamps are unchanged; what is
    /// read is hashed once, and judged only when its bytes differ from the last judged. `nil` when
    /// nothing changed.
    package func lookAtFile() -> ReloadResult? {
        judging.withLock { judging in
            if let artifactPath, judging.lastStamp == ReleaseStamp(artifactPath: artifactPath) { return nil }
            let release = readFile(judging: &judging)
            guard Self.fingerprint(release) != judging.lastSeen else { return nil }
            return judgeFile(release, judging: &judging)
        }
    }

    /// Stamps the release files, then reads them: a change made after the stamp is seen next time.
    private func readFile(judging: inout Judging) -> Result<ReleaseBytes, ReloadFailure> {
        guard let artifactPath else {
            return .failure(ReloadFailure(.artifact(.unreadable(
                path: "", reason: "this store has no artifact path: releases come through offer(_:)"))))
        }
        judging.lastStamp = ReleaseStamp(artifactPath: artifactPath)
        let release = ReleaseBytes.read(artifactPath: artifactPath, limit: maximumReleaseBytes)
        // A failed read is tried again at the next look even if the files look the same (a transient
        // EMFILE or EIO); refusals by size or a missing file fail before reading, so that stays cheap.
        if case .failure = release { judging.lastStamp = nil }
        return release
    }

    /// Polls the artifact every `interval` and reloads when its bytes or signature change: files
    /// whose stamps (size, times, inode) are unchanged are not read; read ones are compared by SHA-256.
    /// Cancel the task to stop watching.
    public func watch(every interval: Duration) -> Task<Void, Never> {
        Task.detached { [self] in
            while !Task.isCancelled {
                // Reading, verifying and building a release is blocking I/O and, for a large config,
                // seconds of CPU: it runs on a Dispatch worker, never holding one of the few threads
                // the host's Swift tasks share.
                _ = await BlockingWork.run { self.reloadIfChanged() }
                try? await Task.sleep(for: interval)
            }
        }
    }

    // MARK: Judging (always under `judging`)

    private func judgeFile(_ release: Result<ReleaseBytes, ReloadFailure>, judging: inout Judging) -> ReloadResult {
        switch release {
        case .success(let release):
            return judge(release, origin: .release, counted: true, judging: &judging)
        case .failure(let failure):
            judging.lastSeen = Self.fingerprint(release)
            return reject(failure)
        }
    }

    private func judge(_ release: ReleaseBytes, origin: ActiveRelease.Origin, counted: Bool,
                       judging: inout Judging) -> ReloadResult {
        judging.lastSeen = release.fingerprint
        if release.fingerprint == judging.servedFingerprint {
            return .unchanged(served.withLock { served in
                if served.status.active?.origin != origin {
                    served.status.active?.origin = origin
                    served.refreshSnapshot()
                }
                if counted { served.status.reloads.unchanged += 1 }
                return served.status
            })
        }
        let serving = served.withLock { $0.status.active }
        switch ReleaseJudge.judge(release, policy: policy, health: health, serving: serving) {
        case .success(let candidate):
            let status = served.withLock { served in
                served.router = candidate.router
                served.status.active = candidate.active(origin: origin)
                served.refreshSnapshot()
                if counted { served.status.reloads.loaded += 1 }
                return served.status
            }
            judging.servedFingerprint = release.fingerprint
            // Persisted under the lock too, so the file on disk follows the order of the swaps. A failure
            // is kept and counted in the status: the floor of accepted serials on disk is now behind.
            if origin == .release, let failure = LastKnownGood.save(release, into: persistenceDirectory) {
                return .loaded(served.withLock { served in
                    served.status.stateWriteFailures += 1
                    served.status.lastStateWriteFailure = failure
                    return served.status
                })
            }
            return .loaded(status)
        case .failure(let failure):
            return reject(failure, counted: counted)
        }
    }

    private func reject(_ failure: ReloadFailure, counted: Bool = true) -> ReloadResult {
        let status = served.withLock { served in
            served.status.lastFailure = failure
            if counted { served.status.reloads.rejected += 1 }
            return served.status
        }
        return .rejected(failure, status)
    }
}

/// Seams around one judgement of `reload()` or `offer(_:)`: `willWait` runs before waiting for the
/// judgement lock, `didRead` inside it once the release is read. Tests order overlapping reloads
/// with them; the store's own behaviour never depends on them.
package struct JudgementProbe: Sendable {
    package var willWait: @Sendable () -> Void = {}
    package var didRead: @Sendable () -> Void = {}

    package init(willWait: @escaping @Sendable () -> Void = {}, didRead: @escaping @Sendable () -> Void = {}) {
        self.willWait = willWait
        self.didRead = didRead
    }
}
