import Foundation
@testable import RegionCompiler

/// The checkout the fuzz package lives in: shipped regions and the fuzz inputs are read from it.
public enum Repository {
    /// `FUZZ_REPO_ROOT`, or the directory above `Fuzz/` (found from this source file's path).
    public static let root: String = {
        if let root = ProcessInfo.processInfo.environment["FUZZ_REPO_ROOT"], !root.isEmpty { return root }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().path
    }()

    /// The bytes of `relativePath` in the checkout; a missing file stops the run (the setup is wrong, not the code).
    public static func bytes(_ relativePath: String) -> [UInt8] {
        let path = (root as NSString).appendingPathComponent(relativePath)
        guard let data = FileManager.default.contents(atPath: path) else {
            fatalError("fuzz setup: cannot read \(path); set FUZZ_REPO_ROOT to the checkout")
        }
        return Array(data)
    }

    /// A shipped input file as the compiler sees it: `regions/catalog.yaml` named `catalog.yaml`.
    public static func sourceFile(_ relativePath: String) -> SourceFile {
        SourceFile(name: (relativePath as NSString).lastPathComponent, displayPath: relativePath, bytes: bytes(relativePath))
    }

    /// A shipped calendar file as the compiler sees it: `calendars/hk.yaml`, named so.
    public static func calendarFile(_ relativePath: String) -> SourceFile {
        SourceFile(name: relativePath, displayPath: relativePath, bytes: bytes(relativePath))
    }
}
