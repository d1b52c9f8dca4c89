import Foundation

/// The package's own executables (`regionc`, `regiond`) as the build left them.
public enum BuiltExecutable {
    public static func url(_ name: String) -> URL {
        // The test bundle sits in the build products directory, next to the executables.
        let candidates = [Bundle.main.bundleURL, Bundle(for: Marker.self).bundleURL.deletingLastPathComponent()]
        for directory in candidates {
            let url = directory.appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return Repository.root.appendingPathComponent(".build/debug/\(name)")
    }

    private final class Marker {}
}
