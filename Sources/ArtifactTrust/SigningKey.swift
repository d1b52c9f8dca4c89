import Crypto
import Foundation
import GatewayConfig
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A private signing key with its id. The id is the key file's name without `.key`
/// (`keys/release-2026.key` -> `release-2026`), and the public key `release-2026.pub` beside it.
public struct SigningKey: Sendable {
    public let id: String
    /// Raw 32-byte seed: Crypto's key types are not Sendable, bytes are.
    let seed: Data

    /// Why a private key file could not be used.
    public enum LoadError: Error, CustomStringConvertible, Equatable {
        case unreadable(path: String, reason: String)
        /// `target` is the file `path` resolves to (itself unless `path` is a symbolic link).
        case tooOpen(path: String, target: String, mode: String)
        case invalid(String)

        public var description: String {
            switch self {
            case .unreadable(let path, let reason): "cannot read private key \(path): \(reason)"
            case .tooOpen(let path, let target, let mode):
                (path == target ? "private key \(path)" : "private key \(path) (a link to \(target))")
                    + " has mode \(mode): others can read it; run `chmod 600 \(target)`"
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
    /// A symbolic link (a Kubernetes secret: `release.key -> ..data/release.key`) is judged by the
    /// file it leads to, and the mode checked is that of the very file read (one open, then `fstat`).
    public static func load(path: String) throws(LoadError) -> SigningKey {
        let data = try KeyFileReader.readPrivate(path: path)
        do {
            let key = try Ed25519PEM.privateKey(from: String(decoding: data, as: UTF8.self))
            return SigningKey(id: KeyFiles.keyId(forPath: path), key: key)
        } catch {
            throw .invalid(error.description)
        }
    }

    public func publicKey() throws -> Curve25519.Signing.PublicKey { try makeKey().publicKey }

    /// Signs the exact artifact bytes (format 1) or, with a release serial, the envelope's payload naming
    /// the artifact's SHA-256 and the serial (format 2). Ed25519 is deterministic: same input, same signature.
    public func sign(artifact: Data, releaseSerial: UInt64? = nil) throws -> SignatureEnvelope {
        var envelope = SignatureEnvelope(keyId: id, artifactSHA256: Digest.sha256Hex(artifact), releaseSerial: releaseSerial,
                                         signature: Data())
        envelope.signature = try makeKey().signature(for: envelope.signedBytes(artifact: artifact)).base64EncodedString()
        return envelope
    }
}

/// Reads a private key file through one descriptor, so the mode checked is the file read.
enum KeyFileReader {
    static let sizeLimit = KeyFiles.maximumBytes

    static func readPrivate(path: String) throws(SigningKey.LoadError) -> Data {
        // Follows symbolic links; never blocks on a FIFO.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { throw .unreadable(path: path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw .unreadable(path: path, reason: String(cString: strerror(errno))) }
        guard info.st_mode & S_IFMT == S_IFREG else { throw .unreadable(path: path, reason: "not a regular file") }
        let mode = Int(info.st_mode) & 0o777
        guard mode & 0o077 == 0 else {
            throw .tooOpen(path: path, target: resolved(path), mode: "0" + String(mode, radix: 8))
        }
        guard info.st_size <= sizeLimit else { throw .unreadable(path: path, reason: "larger than \(sizeLimit) bytes") }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while data.count <= sizeLimit {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { throw .unreadable(path: path, reason: String(cString: strerror(errno))) }
            if count == 0 { return data }
            data.append(contentsOf: buffer.prefix(count))
        }
        throw .unreadable(path: path, reason: "larger than \(sizeLimit) bytes")
    }

    /// The file a path finally names, for advice about it; the path itself when it cannot be resolved.
    static func resolved(_ path: String) -> String {
        guard let real = realpath(path, nil) else { return path }
        defer { free(real) }
        return String(cString: real)
    }
}

/// Key file naming: `<id>.key` (private, mode 0600) and `<id>.pub` (public).
package enum KeyFiles {
    /// The largest key file read: a PEM key is a few hundred bytes.
    package static let maximumBytes = 64 << 10

    package enum GenerateError: Error, CustomStringConvertible, Equatable {
        /// Never overwritten, whatever it is (a file, a directory, a symbolic link, even a dangling one).
        case exists(String)
        case cannotWrite(path: String, reason: String)

        package var description: String {
            switch self {
            case .exists(let path): "\(path) already exists; keys are never overwritten"
            case .cannotWrite(let path, let reason): "cannot write \(path): \(reason)"
            }
        }
    }

    package static func keyId(forPath path: String) -> String {
        let name = FilePaths.lastComponent(path)
        for suffix in [".key", ".pub", ".pem"] where name.hasSuffix(suffix) { return String(name.dropLast(suffix.count)) }
        return name
    }

    /// Writes a new key pair into `directory`; returns the two paths. Refuses to overwrite anything.
    /// Each file is created by `open(O_CREAT | O_EXCL)` with its final mode, so the private key is never
    /// readable by others, even briefly, and nothing that appears at its path meanwhile is replaced.
    package static func generate(into directory: String, keyId: String) throws(GenerateError) -> (privatePath: String,
                                                                                               publicPath: String) {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw .cannotWrite(path: directory, reason: error.localizedDescription)
        }
        let key = Curve25519.Signing.PrivateKey()
        let privatePath = FilePaths.join(directory, "\(keyId).key")
        let publicPath = FilePaths.join(directory, "\(keyId).pub")
        // Checked first only to leave nothing behind when the package name is taken; `O_EXCL` is the real guard.
        var info = stat()
        for path in [privatePath, publicPath] where lstat(path, &info) == 0 { throw .exists(path) }
        try createExclusive(privatePath, contents: Data(Ed25519PEM.encode(key).utf8), mode: 0o600)
        do {
            try createExclusive(publicPath, contents: Data(Ed25519PEM.encode(key.publicKey).utf8), mode: 0o644)
        } catch {
            unlink(privatePath)
            throw error
        }
        return (privatePath, publicPath)
    }

    static func createExclusive(_ path: String, contents: Data, mode: mode_t) throws(GenerateError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard descriptor >= 0 else {
            let code = errno
            throw code == EEXIST ? .exists(path) : .cannotWrite(path: path, reason: String(cString: strerror(code)))
        }
        var failure: Int32 = 0
        contents.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count, let base = bytes.baseAddress {
                let written = write(descriptor, base + offset, bytes.count - offset)
                if written < 0, errno == EINTR { continue }
                guard written > 0 else {
                    failure = written < 0 ? errno : EIO
                    return
                }
                offset += written
            }
        }
        if failure == 0, fsync(descriptor) != 0 { failure = errno }
        if close(descriptor) != 0, failure == 0 { failure = errno }
        guard failure == 0 else {
            unlink(path)
            throw .cannotWrite(path: path, reason: String(cString: strerror(failure)))
        }
    }
}
