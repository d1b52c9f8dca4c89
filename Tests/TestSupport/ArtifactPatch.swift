import Foundation

/// Artifact fixtures written as JSON: a base artifact, and per case a JSON Merge Patch (RFC 7386:
/// objects merge key by key, `null` removes a key, anything else replaces) giving the other side.
public enum ArtifactPatch {
    public static func json(_ url: URL) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(contentsOf: url))
    }

    public static func merge(_ target: Any, _ patch: Any) -> Any {
        guard let patch = patch as? [String: Any] else { return patch }
        var result = target as? [String: Any] ?? [:]
        for (key, value) in patch {
            if value is NSNull {
                result[key] = nil
            } else {
                result[key] = merge(result[key] as Any, value)
            }
        }
        return result
    }

    /// The bytes of `base` with `patch` applied (pretty, sorted keys: what `ArtifactLoader` reads).
    public static func bytes(base: URL, patch: URL?) throws -> Data {
        let merged = try patch.map { merge(try json(base), try json($0)) } ?? json(base)
        return try JSONSerialization.data(withJSONObject: merged, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
    }

    /// The patched artifact written to `directory/name`, for a command to read.
    public static func write(base: URL, patch: URL?, to directory: URL, name: String) throws -> URL {
        let file = directory.appendingPathComponent(name)
        try bytes(base: base, patch: patch).write(to: file)
        return file
    }
}
