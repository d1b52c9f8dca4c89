import Foundation
import GatewayConfig
import RegionCompiler
import RegionCorpus
import Testing

/// The artifact's bytes are its identity (digests, signatures, reproducible releases): every way
/// of writing them must give the same bytes, and those must be what `JSONEncoder` with sorted keys
/// writes, so the format does not hinge on our own encoder.
@Suite struct CanonicalEncodingTests {
    static func artifacts() throws -> [(name: String, artifact: GatewayArtifact)] {
        var artifacts = [(name: "shipped regions",
                          artifact: try #require(try DescriptorCompiler.compile(directory: ShippedRegionsTests.regionsDirectory).artifact))]
        for (index, directory) in CorpusGenerator(regionCount: 60, methodCount: 80, seed: 11).generate().enumerated() {
            let files = directory.map { SourceFile(name: $0.key, displayPath: $0.key, bytes: Array($0.value.utf8)) }
            let compilation = DescriptorCompiler.compile(files, directory: "corpus")
            artifacts.append((name: "corpus \(index)", artifact: try #require(compilation.artifact, "\(compilation.diagnostics.prefix(3))")))
        }
        return artifacts
    }

    @Test func parallelSerialAndFoundationEncodingsAgree() throws {
        let foundation = JSONEncoder()
        foundation.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for (name, artifact) in try Self.artifacts() {
            let serial = try CanonicalJSON.encode(artifact)
            #expect(try CanonicalJSON.encodeArtifact(artifact) == serial, "\(name)")
            #expect(try foundation.encode(artifact) == serial, "\(name)")
        }
    }

}
