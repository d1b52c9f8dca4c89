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

    /// The one finding the shipped regions keep, and it is true: KR is a pilot whose settlement
    /// currency only antom-kr settles, so each of its routes has one usable acquirer (RC1151).
    @Test func shippedRegionsCompileWithOnlyTheUnavoidableSinglePointOfFailureWarnings() throws {
        let compilation = try DescriptorCompiler.compile(directory: Self.regionsDirectory)
        let found = compilation.diagnostics.map {
            "\($0.code.rawValue) \($0.location.file.split(separator: "/").last ?? ""):\($0.location.line):\($0.location.column)"
        }
        #expect(found == ["RC1151 kr.yaml:69:5", "RC1151 kr.yaml:72:5"],
                "\(compilation.diagnostics.map { "\($0.expectation) \($0.message)" })")
        #expect(compilation.diagnostics.allSatisfy { $0.severity == .warning && $0.message.contains("an antom-kr outage") })
        let artifact = try #require(compilation.artifact)
        #expect(Set(artifact.regions.keys) == ["US", "HK", "IN", "KR", "ID", "PH", "MY", "TH", "PK", "BD"])
        #expect(artifact.regions["US"]?.availability.status == .live)
        #expect(artifact.calendars["BD"]?.weekend == [.fri, .sat])
        #expect(artifact.regions["BD"]?.settlement.calendars.map(\.rawValue) == ["BD"])
        #expect(artifact.regions["KR"]?.currencies.settlement.minorUnits == 0)
        // Fallbacks where the catalog allows one, and defaults.yaml's health policy on every acquirer.
        #expect(artifact.regions["HK"]?.routes.map(\.candidates) == [["antom-hk", "antom-sg"], ["antom-hk", "antom-sg"], ["antom-sg", "antom-hk"]])
        #expect(artifact.regions["US"]?.routes.map(\.candidates) == [["antom-us", "antom-sg"]])
        #expect(artifact.catalog.acquirers.values.allSatisfy { $0.enabled && $0.health == Self.shippedHealthPolicy })
    }

    static let shippedHealthPolicy = HealthPolicyArtifact(consecutiveFailures: 5, failureRate: 50, minOutcomes: 20, windowSeconds: 60,
                                                          ejectionSeconds: 30, maxEjectionSeconds: 300)

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
