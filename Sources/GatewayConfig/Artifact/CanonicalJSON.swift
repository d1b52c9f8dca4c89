import Foundation

/// Canonical JSON for artifacts: sorted keys, no insignificant whitespace, `/` unescaped.
/// The same value always gives the same bytes, on every machine.
public enum CanonicalJSON {
    public static func encode<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }
}
