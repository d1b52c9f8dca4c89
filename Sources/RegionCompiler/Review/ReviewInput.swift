import Foundation
import GatewayConfig

/// One side of a review: a compiled artifact file, or a regions directory compiled in memory.
package enum ReviewInput {
    package enum Failure: Error, CustomStringConvertible {
        case unreadable(String)
        case notAnArtifact(path: String, detail: String)
        /// The directory has errors; they are in the compilation.
        case invalid(Compilation)

        package var description: String {
            switch self {
            case .unreadable(let detail): detail
            case .notAnArtifact(let path, let detail): "\(path) is not a gateway config artifact: \(detail)"
            case .invalid(let compilation): "the regions have \(compilation.diagnostics.errorCount) errors"
            }
        }
    }

    /// `calendars`: the banking calendars for a regions directory (default: `calendars` beside it).
    package static func load(_ path: String, calendars: String? = nil) throws(Failure) -> GatewayArtifact {
        try loadWithInputs(path, calendars: calendars).artifact
    }

    /// The artifact, what the artifact reader's check found (a file of the current format; a compiled
    /// directory is checked by whoever builds a router from it), and the real paths of the files it
    /// came from (an output must not be one of them).
    package static func loadWithInputs(_ path: String, calendars: String? = nil) throws(Failure)
        -> (artifact: GatewayArtifact, checked: CheckedArtifact?, inputs: [String]) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .unreadable("no such file or directory: \(path)")
        }
        if isDirectory.boolValue {
            let compilation: Compilation
            do {
                compilation = try DescriptorCompiler.compile(directory: path, calendars: calendars)
            } catch {
                throw .unreadable(error.description)
            }
            guard let artifact = compilation.artifact else { throw .invalid(compilation) }
            return (artifact, nil, compilation.files.compactMap(\.realPath))
        }
        do {
            let (artifact, checked) = try ArtifactLoader.loadForReview(path: path)
            return (artifact, checked, [InputLoader.realPath(path)].compactMap { $0 })
        } catch {
            if case .unreadable = error { throw .unreadable(error.description) }
            throw .notAnArtifact(path: path, detail: error.description)
        }
    }
}
