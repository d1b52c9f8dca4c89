import ArtifactTrust
import GatewayConfig
import Foundation

/// A refused release (or an unreachable source): why, when, and which bytes.
public struct ReloadFailure: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The artifact is unreadable or not a valid gateway config.
        case artifact(ArtifactError)
        /// The signature does not vouch for the artifact.
        case signature(SignatureError)
        /// The release's serial is lower than the one served (`offered` is `nil` for a release
        /// without a serial): an older, validly signed release brought back.
        case rollback(offered: UInt64?, served: UInt64)
        /// The release reuses the served serial for other artifact bytes.
        case serialReused(UInt64)
        /// The source could not be fetched (recorded by a poller, see `ConfigStore.recordUnreachable`).
        case unreachable(String)
    }

    public let kind: Kind
    package var at: Date
    /// SHA-256 (hex) of the rejected artifact bytes, when they could be read.
    package var rejectedDigest: String?

    package init(_ kind: Kind, at: Date = Date(), rejectedDigest: String? = nil) {
        self.kind = kind
        self.at = at
        self.rejectedDigest = rejectedDigest
    }

    /// A stable code for logs and metrics: the artifact's or signature's own code (`INVALID_JSON`,
    /// `BAD_SIGNATURE`, ...), or `ROLLBACK`, `SERIAL_REUSED`, `UNREACHABLE`.
    public var code: String {
        switch kind {
        case .artifact(let error): error.code
        case .signature(let error): error.code
        case .rollback: "ROLLBACK"
        case .serialReused: "SERIAL_REUSED"
        case .unreachable: "UNREACHABLE"
        }
    }

    /// One line naming the values involved.
    public var message: String {
        switch kind {
        case .artifact(let error): error.description
        case .signature(let error): error.description
        case .rollback(let offered?, let served):
            "release serial \(offered) is lower than the served serial \(served): an older release brought back"
        case .rollback(nil, let served):
            "the release has no serial, but serial \(served) is served: an older release brought back"
        case .serialReused(let serial): "release serial \(serial) is served with other artifact bytes"
        case .unreachable(let reason): "the release source is unreachable: \(reason)"
        }
    }

    public var description: String { "\(code): \(message)" }
}
