import ArtifactTrust
import Crypto
import Foundation
import GatewayConfig
import RegionCompiler
import Testing

/// Artifacts and keys for the trust tests: the shipped regions compiled, and a variant that
/// differs in one business value, so two good releases give different bytes and decisions.
enum TrustFixture {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func artifactBytes(editingUSAcquirer newAcquirer: String? = nil) throws -> Data {
        var files = try InputLoader.load(directory: repository.appendingPathComponent("regions").path)
        if let newAcquirer, let index = files.firstIndex(where: { $0.name == "us.yaml" }) {
            let text = String(decoding: files[index].bytes, as: UTF8.self)
                .replacingOccurrences(of: "acquirer: antom-us", with: "acquirer: \(newAcquirer)")
            files[index] = SourceFile(name: "us.yaml", displayPath: "us.yaml", bytes: Array(text.utf8))
        }
        let compilation = DescriptorCompiler.compile(files)
        return try #require(try compilation.artifactBytes(), "\(compilation.diagnostics.map(\.message))")
    }

    static func key(_ id: String) -> SigningKey { SigningKey(id: id, key: Curve25519.Signing.PrivateKey()) }

    static func trust(_ keys: SigningKey...) throws -> TrustStore {
        var store = TrustStore()
        for key in keys { store.trust(try key.publicKey(), id: key.id) }
        return store
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("trust-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes an artifact and (optionally) its signature as a release would.
    static func release(_ artifact: Data, signature: Data?, to path: URL) throws {
        try artifact.write(to: path)
        let signaturePath = URL(fileURLWithPath: SignatureEnvelope.path(forArtifact: path.path))
        if let signature { try signature.write(to: signaturePath) } else { try? FileManager.default.removeItem(at: signaturePath) }
    }
}
