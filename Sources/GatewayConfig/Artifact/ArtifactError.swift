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
            "format_version \(found) is not supported (this runtime reads \(supported))"
        case .invariant(let detail): "the artifact breaks an invariant: \(detail)"
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
