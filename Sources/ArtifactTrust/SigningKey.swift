import Crypto
import Foundation

/// A private signing key with its id. The id is the key file's name without `.key`
/// (`keys/release-2026.key` -> `release-2026`), and the public key `release-2026.pub` beside it.
public struct SigningKey: Sendable {
    public let id: String
    /// Raw 32-byte seed: Crypto's key types are not Sendable, bytes are.
    let seed: Data

    public enum LoadError: Error, CustomStringConvertible, Equatable {
        case unreadable(String)
        case tooOpen(path: String, mode: String)
        case invalid(String)

        public var description: String {
            switch self {
            case .unreadable(let path): "cannot read private key \(path)"
            case .tooOpen(let path, let mode):
                "private key \(path) has mode \(mode): others can read it; run `chmod 600 \(path)`"
            case .invalid(let detail): "invalid private key: \(detail)"
            }
        }
    }

    public init(id: String, key: Curve25519.Signing.PrivateKey) {
        self.id = id
        seed = key.rawRepresentation
    }

    func makeKey() throws -> Curve25519.Signing.PrivateKey {
        try Curve25519.Signing.PrivateKey(rawRepresentation: seed)
    }

    /// Loads a PEM private key, refusing one whose file mode lets group or others read it.
    public static func load(path: String) throws(LoadError) -> SigningKey {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let data = FileManager.default.contents(atPath: path) else { throw .unreadable(path) }
        let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue ?? 0
        guard mode & 0o077 == 0 else { throw .tooOpen(path: path, mode: String(mode, radix: 8)) }
        do {
            let key = try Ed25519PEM.privateKey(from: String(decoding: data, as: UTF8.self))
            return SigningKey(id: KeyFiles.keyId(forPath: path), key: key)
        } catch {
            throw .invalid(error.description)
        }
    }

    public func publicKey() throws -> Curve25519.Signing.PublicKey { try makeKey().publicKey }

    /// Signs the exact artifact bytes. Ed25519 is deterministic: same key and bytes, same signature.
    public func sign(artifact: Data) throws -> SignatureEnvelope {
        let signature = try makeKey().signature(for: artifact)
        return SignatureEnvelope(keyId: id, artifactSHA256: Digest.sha256Hex(artifact), signature: signature)
    }
}

/// Key file naming: `<id>.key` (private, mode 0600) and `<id>.pub` (public).
public enum KeyFiles {
    public static func keyId(forPath path: String) -> String {
        let name = (path as NSString).lastPathComponent
        for suffix in [".key", ".pub", ".pem"] where name.hasSuffix(suffix) { return String(name.dropLast(suffix.count)) }
        return name
    }

    /// Writes a new key pair into `directory`; returns the two paths. Refuses to overwrite.
    public static func generate(into directory: String, keyId: String) throws -> (privatePath: String, publicPath: String) {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let key = Curve25519.Signing.PrivateKey()
        let privatePath = (directory as NSString).appendingPathComponent("\(keyId).key")
        let publicPath = (directory as NSString).appendingPathComponent("\(keyId).pub")
        for path in [privatePath, publicPath] where FileManager.default.fileExists(atPath: path) {
            throw CocoaError(.fileWriteFileExists, userInfo: [NSFilePathErrorKey: path])
        }
        // Created 0600 from the start, so the private key is never readable by others, even briefly.
        guard FileManager.default.createFile(atPath: privatePath, contents: Data(Ed25519PEM.encode(key).utf8),
                                             attributes: [.posixPermissions: 0o600]) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: privatePath])
        }
        guard FileManager.default.createFile(atPath: publicPath, contents: Data(Ed25519PEM.encode(key.publicKey).utf8),
                                             attributes: [.posixPermissions: 0o644]) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: publicPath])
        }
        return (privatePath, publicPath)
    }
}
