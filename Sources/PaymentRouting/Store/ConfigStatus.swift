import Foundation

/// What a `ConfigStore` serves and how its reloads went: everything `/v1/config` and the metrics show.
public struct ConfigStatus: Sendable, Equatable {
    /// The release being served; `nil` until one is loaded (the store is not ready).
    public package(set) var active: ActiveRelease?
    /// The most recent refusal (or unreachable source), kept after later successes.
    public package(set) var lastFailure: ReloadFailure?
    package var reloads = ReloadCounts()
    /// How many times `reloadIfChanged()` (the file watcher's poll) has looked at the release, and when it
    /// last did: shows a watcher is alive, and lets a caller wait for "the next poll" rather than a time.
    package var polls = 0
    package var lastPolled: Date?
    /// Saves of the last good release to the persistence directory that failed, and the newest: the
    /// release is served, but a restart would start from an older one (and its lower serial floor).
    package var stateWriteFailures = 0
    package var lastStateWriteFailure: StateWriteFailure?

    public var isReady: Bool { active != nil }

    package init() {}
}

/// The release a store serves.
public struct ActiveRelease: Sendable, Equatable {
    package enum Origin: String, Sendable {
        /// Taken from the release source.
        case release
        /// Restored from the persistence directory (the source was bad or not yet asked).
        case lastKnownGood = "last-known-good"
    }

    /// SHA-256 (hex) of the artifact's bytes.
    public let artifactDigest: String
    /// The artifact's own `source_digest`.
    package var sourceDigest: String
    package var formatVersion: Int
    package var compilerVersion: String
    /// The region codes the release holds, sorted.
    public let regions: [String]
    /// The signed serial; `nil` when the signature carries none or signatures are not checked.
    public let releaseSerial: UInt64?
    /// The id of the key that signed it; `nil` when signatures are not checked.
    public let keyId: String?
    public let loadedAt: Date
    package var origin: Origin
}

/// Reloads and offers by result: `loaded` swapped a release in, `unchanged` offered the one already
/// served, `rejected` refused one, `unreachable` is a source a poller could not fetch.
package struct ReloadCounts: Sendable, Equatable {
    package var loaded = 0
    package var unchanged = 0
    package var rejected = 0
    package var unreachable = 0

    package init() {}
}

/// What one `reload()` or `offer(_:)` did, with the store's status right after.
public enum ReloadResult: Sendable, Equatable {
    /// The release was verified, built and swapped in (and persisted).
    case loaded(ConfigStatus)
    /// The exact bytes (artifact and signature) already served: nothing was rebuilt.
    case unchanged(ConfigStatus)
    /// Refused: the release served before (if any) keeps serving.
    case rejected(ReloadFailure, ConfigStatus)

    public var status: ConfigStatus {
        switch self {
        case .loaded(let status), .unchanged(let status), .rejected(_, let status): status
        }
    }

    public var failure: ReloadFailure? {
        if case .rejected(let failure, _) = self { return failure }
        return nil
    }

    /// The status when the release is served (loaded or unchanged); throws the failure otherwise.
    public func get() throws(ReloadFailure) -> ConfigStatus {
        if case .rejected(let failure, _) = self { throw failure }
        return status
    }
}

/// A save of the last good release that failed.
package struct StateWriteFailure: Sendable, Equatable, CustomStringConvertible {
    package var path: String
    package var reason: String
    package var at: Date

    package var description: String { "cannot write \(path): \(reason)" }
}
