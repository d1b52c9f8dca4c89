import Foundation

/// A problem reading the input itself (not its content): exit code 2 territory.
public struct InputError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// Finds and reads the YAML files of a regions directory.
public enum InputLoader {
    /// Every `*.yaml` / `*.yml` file directly in `directory` (hidden files skipped), sorted by name.
    public static func load(directory: String) throws(InputError) -> [SourceFile] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) else {
            throw InputError("no such directory: \(directory)")
        }
        guard isDirectory.boolValue else { throw InputError("not a directory: \(directory)") }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw InputError("cannot list \(directory): \(error.localizedDescription)")
        }
        let yamlNames = names.filter { !$0.hasPrefix(".") && ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) }
            .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var files: [SourceFile] = []
        for name in yamlNames {
            let path = (directory as NSString).appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: path) else {
                throw InputError("cannot read \(path)")
            }
            files.append(SourceFile(name: name, displayPath: displayPath(directory: directory, name: name), bytes: Array(data)))
        }
        return files
    }

    static func displayPath(directory: String, name: String) -> String {
        let trimmed = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        return trimmed == "." || trimmed.isEmpty ? name : "\(trimmed)/\(name)"
    }
}
