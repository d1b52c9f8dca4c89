import ArtifactTrust
import Foundation
import GatewayConfig
import Testing
@testable import RegionCompiler

/// The descriptors the repository ships must always compile cleanly and reproducibly.
@Suite struct ShippedRegionsTests {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let regionsDirectory = repositoryRoot.appendingPathComponent("regions").path

    @Test func shippedRegionsCompileWithoutDiagnostics() throws {
        let compilation = try DescriptorCompiler.compile(directory: Self.regionsDirectory)
        #expect(compilation.diagnostics.isEmpty, "\(compilation.diagnostics.map { "\($0.expectation) \($0.message)" })")
        let artifact = try #require(compilation.artifact)
        #expect(Set(artifact.regions.keys) == ["US", "HK", "IN", "KR", "ID", "PH", "MY", "TH", "PK", "BD"])
        #expect(artifact.regions["US"]?.availability.status == .live)
        #expect(artifact.calendars["BD"]?.weekend == [.fri, .sat])
        #expect(artifact.regions["BD"]?.settlement.calendars.map(\.rawValue) == ["BD"])
        #expect(artifact.regions["KR"]?.currencies.settlement.minorUnits == 0)
    }

    @Test func artifactIsByteIdenticalWhateverTheFileOrder() throws {
        let files = try InputLoader.load(directory: Self.regionsDirectory).files
        let reference = try #require(try DescriptorCompiler.compile(files).artifactBytes())
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5 {
            let shuffled = files.shuffled(using: &generator)
            let bytes = try #require(try DescriptorCompiler.compile(shuffled).artifactBytes())
            #expect(bytes == reference)
        }
        #expect(!String(decoding: reference, as: UTF8.self).contains("\n"))
    }

    @Test func sourceDigestCoversNamesAndBytes() throws {
        let files = try InputLoader.load(directory: Self.regionsDirectory).files
        let digest = Digest.sources(files)
        #expect(digest.hasPrefix("sha256:") && digest.count == 71)
        #expect(Digest.sources(files.reversed()) == digest)
        var edited = files
        edited[0] = SourceFile(name: files[0].name, displayPath: files[0].displayPath, bytes: files[0].bytes + [0x0A])
        #expect(Digest.sources(edited) != digest)
        let renamed = files.map { SourceFile(name: "x" + $0.name, displayPath: $0.displayPath, bytes: $0.bytes) }
        #expect(Digest.sources(renamed) != digest)
    }

    @Test func artifactRoundTripsThroughTheRuntimeTypes() throws {
        let compilation = try DescriptorCompiler.compile(directory: Self.regionsDirectory)
        let bytes = try #require(try compilation.artifactBytes())
        let decoded = try JSONDecoder().decode(GatewayArtifact.self, from: bytes)
        #expect(decoded == compilation.artifact)
        #expect(try CanonicalJSON.encode(decoded) == bytes)
    }

    @Test func everyRegionFileDeclaresItsSchema() throws {
        let files = try InputLoader.load(directory: Self.regionsDirectory).files
        for file in files {
            let firstLine = file.line(1) ?? ""
            #expect(firstLine.hasPrefix("# yaml-language-server: $schema=../schemas/"), "\(file.name)")
        }
    }

    @Test func atomicWriteReplacesTheFileWhole() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("atomic-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let target = directory.appendingPathComponent("nested/gateway-config.json").path
        try AtomicFileWriter.write(Data("old".utf8), to: target)
        try AtomicFileWriter.write(Data("new".utf8), to: target)
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "new")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: (target as NSString).deletingLastPathComponent)
        #expect(leftovers == ["gateway-config.json"])
    }
}
