import ArtifactTrust
import Dispatch
import Foundation
import GatewayConfig
import Synchronization

/// Whether artifacts must carry a signature by a trusted key.
public enum SignaturePolicy: Sendable {
    case required(TrustStore)
    /// Local development only: unsigned artifacts are accepted (a signature present is not checked).
    case allowUnsigned
}

/// A rejected artifact: why, when, and which bytes.
public struct ReloadFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// A stable code: `UNREADABLE`, `EMPTY`, `INVALID_JSON`, `UNSUPPORTED_FORMAT_VERSION`, `INVARIANT_BROKEN`,
    /// `MISSING_SIGNATURE`, `UNTRUSTED_KEY`, `DIGEST_MISMATCH`, `BAD_SIGNATURE`, `MALFORMED_SIGNATURE`, ...
    public var code: String
    public var reason: String
    public var at: Date
    /// SHA-256 (hex) of the rejected artifact bytes, when they could be read.
    public var rejectedDigest: String?

    public var description: String { "\(code): \(reason)" }
}

/// What the store is serving.
public struct ConfigStatus: Sendable, Equatable {
    public enum Origin: String, Sendable { case release, lastKnownGood = "last-known-good" }

    /// SHA-256 (hex) of the active artifact's bytes.
    public var activeDigest: String
    /// The artifact's own `source_digest`.
    public var sourceDigest: String
    public var activeSince: Date
    public var signedBy: String?
    public var origin: Origin
    public var lastFailure: ReloadFailure?
    /// How many times `reloadIfChanged()` (the watcher's poll) has looked at the release, and when it
    /// last did: shows a watcher is alive, and lets a caller wait for "the next poll" rather than a time.
    public var checks: Int = 0
    public var lastChecked: Date?
}

/// Holds the current `Router` and replaces it only with a fully verified and built one.
/// Readers always get one whole snapshot, old or new: the swap is a single assignment under a lock,
/// and `Router` is an immutable value.
public final class ConfigStore: Sendable {
    public let artifactPath: String
    public let policy: SignaturePolicy
    /// Where the last good artifact is kept, so a restart while the release holds a bad file still starts.
    public let persistenceDirectory: String?

    struct State {
        var router: Router
        var status: ConfigStatus
        /// Fingerprint (artifact + signature digests) of the last bytes looked at, to skip unchanged polls.
        var lastSeen: String
    }

    private let state: Mutex<State>

    /// Loads the artifact at `artifactPath`; if it is rejected, falls back to the persisted last good one.
    /// Throws when neither can be served.
    public init(artifactPath: String, policy: SignaturePolicy, persistenceDirectory: String? = nil) throws(ReloadFailure) {
        self.artifactPath = artifactPath
        self.policy = policy
        self.persistenceDirectory = persistenceDirectory
        let release = ReleaseBytes.read(artifactPath: artifactPath)
        switch Self.loadCandidate(release, artifactPath: artifactPath, policy: policy) {
        case .success(let candidate):
            state = Mutex(State(router: candidate.router, status: candidate.status(origin: .release, failure: nil),
                                lastSeen: candidate.release.fingerprint))
            Self.persist(candidate, into: persistenceDirectory)
        case .failure(let failure):
            guard let saved = Self.loadPersisted(from: persistenceDirectory),
                  case .success(let fallback) = Self.loadCandidate(ReleaseBytes(artifact: saved.artifact, signature: saved.signature),
                                                                 policy: policy)
            else { throw failure }
            state = Mutex(State(router: fallback.router, status: fallback.status(origin: .lastKnownGood, failure: failure),
                                lastSeen: release?.fingerprint ?? ""))
        }
    }

    /// The router to decide with. Take it once per checkout; it never changes under you.
    public var router: Router { state.withLock { $0.router } }

    public var status: ConfigStatus { state.withLock { $0.status } }

    /// Reads, verifies and builds the artifact; swaps it in only if all of that succeeds.
    /// On failure the current router keeps serving and the failure is recorded.
    @discardableResult
    public func reload() -> Result<ConfigStatus, ReloadFailure> {
        reload(ReleaseBytes.read(artifactPath: artifactPath))
    }

    /// Judges exactly the bytes the caller looked at, and remembers them as seen: a release
    /// completed since must still look new.
    private func reload(_ release: ReleaseBytes?) -> Result<ConfigStatus, ReloadFailure> {
        switch Self.loadCandidate(release, artifactPath: artifactPath, policy: policy) {
        case .success(let candidate):
            let status = state.withLock { state in
                var status = candidate.status(origin: .release, failure: state.status.lastFailure)
                // The watcher's polls are the store's, not the release's: they carry over.
                status.checks = state.status.checks
                status.lastChecked = state.status.lastChecked
                state.router = candidate.router
                state.status = status
                state.lastSeen = candidate.release.fingerprint
                return status
            }
            Self.persist(candidate, into: persistenceDirectory)
            return .success(status)
        case .failure(let failure):
            state.withLock { state in
                state.status.lastFailure = failure
                state.lastSeen = release?.fingerprint ?? ""
            }
            return .failure(failure)
        }
    }

    /// Reloads when the artifact or its signature changed since last looked at. Returns whether it tried.
    @discardableResult
    public func reloadIfChanged() -> Bool {
        // Counted once the look (and any reload) is over, so a caller seeing the count move knows it finished.
        defer {
            state.withLock { state in
                state.status.checks += 1
                state.status.lastChecked = Date()
            }
        }
        // Read and hashed once: the bytes compared are the bytes judged.
        let release = ReleaseBytes.read(artifactPath: artifactPath)
        guard (release?.fingerprint ?? "") != state.withLock({ $0.lastSeen }) else { return false }
        reload(release)
        return true
    }

    /// Polls the artifact every `interval` and reloads when its bytes or signature change
    /// (compared by SHA-256, so a rewrite with the same modification time is still seen).
    /// Cancel the task to stop watching.
    public func watch(every interval: Duration) -> Task<Void, Never> {
        Task.detached { [self] in
            while !Task.isCancelled {
                // Reading, verifying and building a release is blocking I/O and, for a large config,
                // seconds of CPU: it runs on a Dispatch worker, never holding one of the few threads
                // the host's Swift tasks share.
                await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                    DispatchQueue.global(qos: .utility).async {
                        self.reloadIfChanged()
                        continuation.resume()
                    }
                }
                try? await Task.sleep(for: interval)
            }
        }
    }

    // MARK: Loading

    struct Candidate {
        var router: Router
        var release: ReleaseBytes
        var signedBy: String?

        func status(origin: ConfigStatus.Origin, failure: ReloadFailure?) -> ConfigStatus {
            ConfigStatus(activeDigest: release.digest, sourceDigest: router.sourceDigest, activeSince: Date(), signedBy: signedBy,
                         origin: origin, lastFailure: failure)
        }
    }

    /// The artifact and signature bytes of one look at the release, read once so that what is verified,
    /// what is served and what is remembered as seen are the same bytes.
    struct ReleaseBytes {
        let artifact: Data
        let signature: Data?
        /// SHA-256 (hex) of the artifact.
        let digest: String
        /// Artifact and signature digests: a new signature over the same artifact is a change too.
        let fingerprint: String

        init(artifact: Data, signature: Data?) {
            self.artifact = artifact
            self.signature = signature
            digest = Digest.sha256Hex(artifact)
            fingerprint = digest + "+" + (signature.map(Digest.sha256Hex) ?? "unsigned")
        }

        static func read(artifactPath: String) -> ReleaseBytes? {
            guard let artifact = FileManager.default.contents(atPath: artifactPath) else { return nil }
            return ReleaseBytes(artifact: artifact,
                                signature: FileManager.default.contents(atPath: SignatureEnvelope.path(forArtifact: artifactPath)))
        }
    }

    static func loadCandidate(_ release: ReleaseBytes?, artifactPath: String,
                              policy: SignaturePolicy) -> Result<Candidate, ReloadFailure> {
        guard let release else {
            let error = ArtifactError.unreadable(path: artifactPath, reason: "missing or not readable")
            return .failure(ReloadFailure(code: error.code, reason: error.description, at: Date(), rejectedDigest: nil))
        }
        return loadCandidate(release, policy: policy)
    }

    static func loadCandidate(_ release: ReleaseBytes, policy: SignaturePolicy) -> Result<Candidate, ReloadFailure> {
        func failure(_ code: String, _ reason: String) -> Result<Candidate, ReloadFailure> {
            .failure(ReloadFailure(code: code, reason: reason, at: Date(), rejectedDigest: release.digest))
        }
        var signedBy: String?
        if case .required(let trust) = policy {
            switch SignatureVerifier.verify(artifact: release.artifact, signature: release.signature, trust: trust) {
            case .success(let keyId): signedBy = keyId
            case .failure(let error): return failure(error.code, error.description)
            }
        }
        do {
            return .success(Candidate(router: try RouterLoader.load(data: release.artifact), release: release, signedBy: signedBy))
        } catch {
            return failure(error.code, error.description)
        }
    }

    /// The last good artifact and its signature, kept together in one file so they are replaced
    /// in one atomic rename and can never be paired wrongly.
    struct Persisted: Codable {
        var artifact: Data
        var signature: Data?
    }

    static func persistedPath(in directory: String) -> String {
        (directory as NSString).appendingPathComponent("last-known-good.json")
    }

    static func loadPersisted(from directory: String?) -> Persisted? {
        guard let directory, let data = FileManager.default.contents(atPath: persistedPath(in: directory)) else { return nil }
        return try? JSONDecoder().decode(Persisted.self, from: data)
    }

    /// Best effort: a failure to persist must not stop serving a good config.
    static func persist(_ candidate: Candidate, into directory: String?) {
        guard let directory,
              let data = try? JSONEncoder().encode(Persisted(artifact: candidate.release.artifact,
                                                                 signature: candidate.release.signature))
        else { return }
        try? AtomicFileWriter.write(data, to: persistedPath(in: directory))
    }
}
