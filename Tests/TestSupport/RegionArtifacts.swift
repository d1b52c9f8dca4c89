import Foundation
import RegionCompiler

/// Artifacts compiled as `regionc compile` compiles them: `DescriptorCompiler.compile(directory:)` on a tree
/// of region descriptors, or on an edited copy of one, so two good releases differ in real bytes.
public enum RegionArtifacts {
    /// A tree that did not compile, with its first diagnostics.
    public struct CompileFailure: Error, CustomStringConvertible {
        public let description: String
    }

    public static func compile(directory: URL) throws -> Data {
        let compilation = try DescriptorCompiler.compile(directory: directory.path)
        guard let bytes = try compilation.artifactBytes() else {
            throw CompileFailure(description: "\(directory.path): \(compilation.diagnostics.prefix(3).map(\.message))")
        }
        return bytes
    }

    /// The shipped regions, compiled once per test process.
    public static func shipped() throws -> Data { try shippedArtifact.get() }

    /// The runtime's fixture regions, compiled once per test process.
    public static func fixture() throws -> Data { try fixtureArtifact.get() }

    private static let shippedArtifact = Result { try compile(directory: Repository.regions) }
    private static let fixtureArtifact = Result { try compile(directory: Repository.fixtureRegions) }

    /// A copy of the descriptor tree `regions` with one textual edit in `file`, compiled.
    public static func edited(_ regions: URL, _ file: String, replacing old: String, with new: String) throws -> Data {
        let workspace = try TemporaryDirectory.make("edited-regions")
        defer { TemporaryDirectory.remove(workspace) }
        let copy = workspace.appendingPathComponent("regions")
        try FileManager.default.copyItem(at: regions, to: copy)
        let url = copy.appendingPathComponent(file)
        let text = try String(contentsOf: url, encoding: .utf8)
        guard text.contains(old) else { throw CompileFailure(description: "\(file) has no `\(old)`") }
        try text.replacingOccurrences(of: old, with: new).write(to: url, atomically: true, encoding: .utf8)
        return try compile(directory: copy)
    }
}
