import ArtifactTrust
import Crypto
import Foundation

/// Keys, temporary directories and release files for the trust tests (artifacts: `ReleaseFixture`).
enum TrustFixture {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

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
}
