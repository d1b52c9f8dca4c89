import Foundation
import GatewayConfig

/// A problem reading the input itself (not its content): exit code 2 territory.
public struct InputError: Error, CustomStringConvertible, Sendable {
    public let description: String
    package init(_ description: String) { self.description = description }
}

/// What an input directory holds: the files read, and a diagnostic for every entry that was not
/// read (so nothing in the directory is skipped silently).
package struct InputListing: Sendable {
    package var files: [SourceFile]
    package var diagnostics: [Diagnostic]

    package init(files: [SourceFile], diagnostics: [Diagnostic] = []) {
        self.files = files
        self.diagnostics = diagnostics
    }

    /// The real paths of the files read, for refusing to write over an input.
    package var realPaths: [String] { files.compactMap(\.realPath) }
}

/// Finds and reads the YAML files of an input directory (`regions/`, and any other directory of
/// descriptors). The same rules hold for every input directory:
/// - `*.yaml` and `*.yml` (lower-case extension) are read; a file whose extension differs only in
///   case (`hk.YAML`) is an error, every other entry (`README.md`, subdirectories, hidden files) a
///   warning, so nothing is ignored without saying so;
/// - a symbolic link is followed only when its target, resolved, stays inside the directory; one
///   that leaves it is an error naming the link, and the target is never read or shown;
/// - only regular files are read (a FIFO, device or directory is named with the reason).
package enum InputLoader {
    package static let extensions = [".yaml", ".yml"]

    package static func load(directory: String) throws(InputError) -> InputListing {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) else {
            throw InputError("no such directory: \(directory)")
        }
        guard isDirectory.boolValue else { throw InputError("not a directory: \(directory)") }
        guard let root = realPath(directory) else {
            throw InputError("cannot read \(directory): \(FileReader.reason(errno: errno))")
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            let reason = access(directory, R_OK | X_OK) == 0 ? "it cannot be listed" : FileReader.reason(errno: errno)
            throw InputError("cannot read \(directory): \(reason)")
        }
        var listing = InputListing(files: [])
        for name in names.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            let shown = displayPath(directory: directory, name: name)
            let here = SourceLocation(file: shown, line: 1, column: 1)
            switch classify(name) {
            case .yaml:
                switch read(name: name, in: directory, root: root) {
                case .success(let file): listing.files.append(file)
                case .failure(let diagnostic): listing.diagnostics.append(diagnostic.at(here))
                }
            case .wrongCaseExtension:
                listing.diagnostics.append(.error(
                    .misnamedInput, "`\(name)` is not read: its extension is not lower-case", at: here,
                    hint: "rename it to `\(lowerCasedExtension(name))`; only `.yaml` and `.yml` files are read"))
            case .other:
                let what = isDirectoryEntry(name: name, in: directory) ? "a directory"
                    : name.hasPrefix(".") ? "hidden (its name starts with `.`)" : "not a `.yaml` or `.yml` file"
                listing.diagnostics.append(.warning(
                    .ignoredInput, "`\(name)` is not read: it is \(what)", at: here,
                    hint: "move it out of \(directory), or rename it to `.yaml` if it is a descriptor"))
            }
        }
        return listing
    }

    enum Kind { case yaml, wrongCaseExtension, other }

    static func classify(_ name: String) -> Kind {
        if extensions.contains(where: { name.hasSuffix($0) }), !name.hasPrefix(".") { return .yaml }
        let lower = name.lowercased()
        if extensions.contains(where: { lower.hasSuffix($0) }), !name.hasPrefix(".") { return .wrongCaseExtension }
        return .other
    }

    static func lowerCasedExtension(_ name: String) -> String {
        guard let dot = name.lastIndex(of: ".") else { return name }
        return name[..<dot] + name[dot...].lowercased()
    }

    /// A problem with one entry: its diagnostic, placed by the caller.
    struct EntryProblem: Error {
        let code: DiagnosticCode
        let message: String
        let hint: String?

        func at(_ location: SourceLocation) -> Diagnostic { .error(code, message, at: location, hint: hint) }
    }

    /// Reads one entry, following a symbolic link only to a target inside `root` (a real path).
    static func read(name: String, in directory: String, root: String) -> Result<SourceFile, EntryProblem> {
        let path = FilePaths.join(directory, name)
        guard let resolved = realPath(path) else {
            return .failure(EntryProblem(code: .unreadableFile, message: "cannot read `\(name)`: \(FileReader.reason(errno: errno))",
                                         hint: "a symbolic link must point at an existing file inside the directory"))
        }
        guard resolved.hasPrefix(root.hasSuffix("/") ? root : root + "/") else {
            return .failure(EntryProblem(
                code: .linkLeavesDirectory,
                message: "`\(name)` is a symbolic link to a file outside \(directory); it is not read",
                hint: "inputs must live inside the directory: copy the file in, or point the link at a file inside it"))
        }
        do {
            let bytes = try FileReader.read(path: resolved)
            return .success(SourceFile(name: name, displayPath: displayPath(directory: directory, name: name), bytes: bytes,
                                       realPath: resolved))
        } catch {
            return .failure(EntryProblem(code: .unreadableFile, message: "cannot read `\(name)`: \(error.reason)",
                                         hint: nil))
        }
    }

    static func isDirectoryEntry(name: String, in directory: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: FilePaths.join(directory, name),
                                              isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// The canonical absolute path (symbolic links resolved), or nil with `errno` set.
    package static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func displayPath(directory: String, name: String) -> String {
        let shown = FilePaths.join(directory, "")
        return shown == "." || shown.isEmpty ? name : FilePaths.join(shown, name)
    }
}
