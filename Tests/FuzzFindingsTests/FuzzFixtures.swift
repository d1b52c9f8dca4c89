import Foundation

/// The minimised crash inputs under Fixtures/TARGET/, one file per finding, named for what broke.
enum FuzzFixtures {
    static func directory(target: String) -> URL? {
        Bundle.module.url(forResource: "Fixtures", withExtension: nil)?.appendingPathComponent(target)
    }

    static func names(target: String) -> [String] {
        guard let directory = directory(target: target),
              let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return [] }
        return names.filter { !$0.hasPrefix(".") }.sorted()
    }

    static func bytes(target: String, name: String) throws -> [UInt8] {
        guard let url = directory(target: target)?.appendingPathComponent(name) else { throw CocoaError(.fileNoSuchFile) }
        return Array(try Data(contentsOf: url))
    }

    /// A file of this checkout (the shipped regions and calendars the targets compile beside an input).
    static func repositoryBytes(_ relativePath: String) throws -> [UInt8] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return Array(try Data(contentsOf: root.appendingPathComponent(relativePath)))
    }
}
