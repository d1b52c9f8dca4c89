import Foundation
import Testing

/// Paths are input (hardening issue 21, item 10): `regionc validate r` trapped with SIGILL inside
/// `NSString.deletingLastPathComponent`. Every command that takes a regions directory, given
/// every shape of path, exits 0 (read), or 2 naming the path (nothing there); never a signal.
@Suite struct OddPathCLITests {
    struct Case: CustomTestStringConvertible, Sendable {
        /// The path argument, as typed.
        let path: String
        /// The working directory, under the scratch tree (which holds `regions` and `calendars`).
        let directory: String
        /// True when the path names the regions: every command succeeds. False: nothing is there.
        let exists: Bool
        var testDescription: String { "`\(path)` in \(directory.isEmpty ? "." : directory)" }
    }

    static let cases: [Case] = [
        Case(path: "r", directory: "", exists: true),
        Case(path: "r/", directory: "", exists: true),
        Case(path: "r//", directory: "", exists: true),
        Case(path: "./r", directory: "", exists: true),
        Case(path: "a b", directory: "", exists: true),
        Case(path: "régions", directory: "", exists: true),
        Case(path: ".", directory: "regions", exists: true),
        Case(path: "./", directory: "regions", exists: true),
        Case(path: "..", directory: "regions/s", exists: true),
        Case(path: "../", directory: "regions/s", exists: true),
        Case(path: "x", directory: "", exists: false),
        Case(path: "x/", directory: "", exists: false),
        Case(path: "", directory: "", exists: false),
        Case(path: "r/hk.yaml/", directory: "", exists: false),
    ]

    /// Each command that reads a regions directory, with the path in its place.
    static let commands: [(name: String, arguments: @Sendable (String, String) -> [String])] = [
        ("validate", { path, _ in ["validate", path] }),
        ("compile", { path, output in ["compile", path, "-o", output] }),
        ("diff", { path, _ in ["diff", path, path] }),
        ("report", { path, _ in ["report", path] }),
        ("calendar", { path, _ in ["calendar", "US", path, "--from", "2026-12-01", "--days", "2"] }),
    ]

    /// `regions` and `calendars` side by side, the regions copied again under odd names, and an
    /// empty `regions/s` to stand in (for `..`).
    static func scratchTree() throws -> URL {
        let tree = try CalendarCLITests.copyOfTree()
        for name in ["r", "a b", "régions"] {
            try FileManager.default.copyItem(at: tree.appendingPathComponent("regions"), to: tree.appendingPathComponent(name))
        }
        try FileManager.default.createDirectory(at: tree.appendingPathComponent("regions/s"), withIntermediateDirectories: true)
        return tree
    }

    @Test(arguments: cases)
    func everyCommandReadsOrRefusesTheDirectoryByName(_ odd: Case) throws {
        let tree = try Self.scratchTree()
        defer { try? FileManager.default.removeItem(at: tree) }
        let directory = odd.directory.isEmpty ? tree : tree.appendingPathComponent(odd.directory)
        for command in Self.commands {
            let output = tree.appendingPathComponent("out-\(command.name).json").path
            let run = try CLI.run(command.arguments(odd.path, output), in: directory)
            // An uncaught signal (SIGILL is 4) shows as a small status: only 0 and 2 are right here.
            #expect(run.status == (odd.exists ? 0 : 2), "\(command.name) `\(odd.path)`: \(run.status) \(run.stderr)")
            if !odd.exists {
                #expect(run.stderr.contains(odd.path.isEmpty ? "regionc: " : odd.path), "\(command.name): \(run.stderr)")
            }
        }
    }

    /// `-o` must name a file: a trailing slash, `.`, `..` or `/` is refused by name, nothing written.
    @Test(arguments: ["out/", "r/", ".", "..", "/", "r/."])
    func outputsThatNameADirectoryAreRefused(_ output: String) throws {
        let tree = try Self.scratchTree()
        defer { try? FileManager.default.removeItem(at: tree) }
        for command in [["compile", "regions", "-o", output], ["report", "regions", "-o", output]] {
            let run = try CLI.run(command, in: tree)
            #expect(run.status == 2, "\(command): \(run.status) \(run.stderr)")
            #expect(run.stderr.contains("cannot write \(output): it"), "\(run.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: tree.appendingPathComponent("out").path))
    }

    /// Bytes that are not UTF-8 reach the process as they are; the command names what it was given
    /// and exits 2, never traps.
    @Test(arguments: ["validate", "compile", "diff", "report", "calendar"])
    func aNonUTF8PathIsNamedNeverATrap(_ command: String) throws {
        let tree = try Self.scratchTree()
        defer { try? FileManager.default.removeItem(at: tree) }
        let name = "$(printf 'n\\377')"
        let arguments = switch command {
        case "compile": "compile \"\(name)\" -o out.json"
        case "diff": "diff \"\(name)\" \"\(name)\""
        case "calendar": "calendar US \"\(name)\""
        default: "\(command) \"\(name)\""
        }
        let run = try CLI.shell("mkdir \"\(name)\" && cp regions/*.yaml \"\(name)\"/ && \"$1\" \(arguments)", in: tree)
        #expect([0, 2].contains(run.status), "\(command): \(run.status) \(run.stderr)")
        if run.status == 2 { #expect(run.stderr.contains("n\u{FFFD}"), "\(run.stderr)") }
    }
}
