import Foundation

/// Fresh directories under the system's temporary directory; the test that makes one removes it.
public enum TemporaryDirectory {
    /// A new, empty directory named `prefix-UUID`.
    public static func make(_ prefix: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Removes what `make` made; a directory already gone is not an error.
    public static func remove(_ url: URL) { try? FileManager.default.removeItem(at: url) }
}
