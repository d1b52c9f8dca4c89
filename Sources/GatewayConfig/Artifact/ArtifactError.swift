/// Why an artifact cannot be used. Each names what is wrong; none is a crash.
public enum ArtifactError: Error, Sendable, Equatable, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    case empty
    case invalidJSON(String)
    case unsupportedFormatVersion(found: Int, supported: Int)
    case invariant(String)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason): "cannot read \(path): \(reason)"
        case .empty: "the artifact is empty"
        case .invalidJSON(let detail): "the artifact is not a valid gateway config: \(detail)"
        case .unsupportedFormatVersion(let found, let supported):
            "format_version \(found) is not supported: this build reads \(supported) (\(Self.formatName(supported)))"
                + (found > supported ? "; \(found) is newer: upgrade this build" : Self.formatName(found).isEmpty ? "" : "; \(found) is \(Self.formatName(found))")
        case .invariant(let detail): "the artifact breaks an invariant: \(detail)"
        }
    }

    /// What each format holds, so a refusal says what the other side lacks.
    static func formatName(_ version: Int) -> String {
        switch version {
        case 1: "before banking calendars"
        case 2: "banking calendars, before failover"
        case 3: "failover: fallback acquirers and health policies, before scheduled changes"
        case 4: "scheduled changes: availability schedules and change freezes"
        default: ""
        }
    }

    /// A stable code for status pages and logs.
    public var code: String {
        switch self {
        case .unreadable: "UNREADABLE"
        case .empty: "EMPTY"
        case .invalidJSON: "INVALID_JSON"
        case .unsupportedFormatVersion: "UNSUPPORTED_FORMAT_VERSION"
        case .invariant: "INVARIANT_BROKEN"
        }
    }
}
