import Foundation
import GatewayConfig
@testable import RegionCompiler

/// A fixture: a directory of region files (plus base catalog and defaults unless it has its own)
/// and, for failing cases, `expected.txt` listing every diagnostic as `CODE file:line:column`.
struct FixtureDirectory: CustomStringConvertible {
    struct Expectation: Hashable, CustomStringConvertible {
        let code: String
        let file: String
        let line: Int
        let column: Int

        var description: String { "\(code) \(file):\(line):\(column)" }
    }

    let url: URL
    var name: String { url.lastPathComponent }
    var description: String { name }

    static var root: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures")
    }

    static func all(in group: String) -> [FixtureDirectory] {
        let directory = root.appendingPathComponent(group)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.sorted().map { FixtureDirectory(url: directory.appendingPathComponent($0)) }
            .filter { var isDirectory: ObjCBool = false
                return FileManager.default.fileExists(atPath: $0.url.path, isDirectory: &isDirectory) && isDirectory.boolValue }
    }

    /// The fixture's files as the compiler will see them: its own, plus `base/` catalog and defaults it lacks.
    func sourceFiles() throws -> [SourceFile] {
        var files: [String: SourceFile] = [:]
        let names = try FileManager.default.contentsOfDirectory(atPath: url.path)
        let ownsBase = names.contains("no-base-catalog")
        for name in names where name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
            let data = try Data(contentsOf: url.appendingPathComponent(name))
            files[name] = SourceFile(name: name, displayPath: name, bytes: Array(data))
        }
        if !ownsBase {
            for name in ["catalog.yaml", "defaults.yaml"] where files[name] == nil {
                let data = try Data(contentsOf: Self.root.appendingPathComponent("base").appendingPathComponent(name))
                files[name] = SourceFile(name: name, displayPath: name, bytes: Array(data))
            }
        }
        return Array(files.values)
    }

    /// The fixture's `calendars/` files, named as the compiler names them (`calendars/hk.yaml`).
    func calendarFiles() throws -> [SourceFile] {
        let directory = url.appendingPathComponent("calendars")
        guard FileManager.default.fileExists(atPath: directory.path) else { return [] }
        return try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
            .map { name in
                let data = try Data(contentsOf: directory.appendingPathComponent(name))
                return SourceFile(name: "calendars/\(name)", displayPath: "calendars/\(name)", bytes: Array(data))
            }
    }

    /// The date in the fixture's `as-of` file (horizon checks are judged against it), or nil.
    func asOf() throws -> CalendarDate? {
        let file = url.appendingPathComponent("as-of")
        guard FileManager.default.fileExists(atPath: file.path) else { return nil }
        return CalendarDate(try String(contentsOf: file, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    func compile() throws -> Compilation {
        DescriptorCompiler.compile(try sourceFiles(), calendarFiles: try calendarFiles(), directory: ".", asOf: try asOf())
    }

    /// Expected diagnostics; `countOnly` when the file starts with `# count-only` (only the first is checked).
    func expectations() throws -> (lines: [Expectation], countOnly: Bool) {
        let text = try String(contentsOf: url.appendingPathComponent("expected.txt"), encoding: .utf8)
        var lines: [Expectation] = []
        var countOnly = false
        for raw in text.split(separator: "\n") {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("# count-only") { countOnly = true }
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            let parts = line.split(separator: " ", maxSplits: 1)
            guard parts.count == 2 else { continue }
            let place = parts[1].split(separator: ":")
            guard place.count >= 3, let lineNumber = Int(place[place.count - 2]), let column = Int(place[place.count - 1]) else {
                continue
            }
            let file = place.dropLast(2).joined(separator: ":")
            lines.append(Expectation(code: String(parts[0]), file: file, line: lineNumber, column: column))
        }
        return (lines, countOnly)
    }
}

extension Diagnostic {
    var expectation: FixtureDirectory.Expectation {
        .init(code: code.rawValue, file: location.file, line: location.line, column: location.column)
    }
}
