import ArtifactTrust
import Crypto
import Foundation

/// Fresh Ed25519 release keys, trust in them, and signatures made with them.
public enum ReleaseKeys {
    public static func key(_ id: String) -> SigningKey { SigningKey(id: id, key: Curve25519.Signing.PrivateKey()) }

    /// A trust store that trusts each key under its own id.
    public static func trust(_ keys: SigningKey...) throws -> TrustStore {
        var store = TrustStore()
        for key in keys { store.trust(try key.publicKey(), id: key.id) }
        return store
    }

    /// The `.sig` file's bytes for `artifact`: format 2 with a release serial, format 1 without.
    public static func signature(_ artifact: Data, by key: SigningKey, serial: UInt64? = nil) throws -> Data {
        try key.sign(artifact: artifact, releaseSerial: serial).encoded()
    }
}
