import ArtifactTrust
import Foundation
import RegionCompiler
import Testing

/// Artifacts to sign: the shipped regions compiled as `regionc compile` compiles them, and other real bytes.
enum ReleaseFixture {
    static let regions = TrustFixture.repository.appendingPathComponent("regions")
    /// The banking calendars beside the regions: a copy of the tree takes them along.
    static let calendars = TrustFixture.repository.appendingPathComponent("calendars")

    static func compile(directory: URL) throws -> Data {
        let compilation = try DescriptorCompiler.compile(directory: directory.path)
        return try #require(try compilation.artifactBytes(), "\(compilation.diagnostics.map(\.message))")
    }

    /// The shipped regions, compiled.
    static func shipped() throws -> Data { try compile(directory: regions) }

    /// Other bytes of the same size class: the shipped artifact with its regions' order of appearance untouched
    /// but one field value changed.
    static func other() throws -> Data {
        let text = String(decoding: try shipped(), as: UTF8.self)
        let changed = text.replacingOccurrences(of: "\"antom-us\"", with: "\"antom-sg\"")
        try #require(changed != text)
        return Data(changed.utf8)
    }

    /// Runs an executable and returns its standard output; fails the test on a non-zero exit.
    @discardableResult
    static func run(_ executable: String, _ arguments: [String]) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "\(executable) \(arguments.joined(separator: " ")) failed")
        return data
    }

    static let openssl = "/usr/bin/openssl"
    static var hasOpenSSL: Bool { FileManager.default.isExecutableFile(atPath: openssl) }
}
