import Crypto
import Foundation
import GatewayConfig

/// The public keys a runtime accepts signatures from, by key id. Several at once, so a new
/// key is trusted before the old one is retired; and several under one id (two trust paths
/// each holding a `release.pub`), every one of them tried.
public struct TrustStore: Sendable {
    /// Raw 32-byte public keys by id, in the order trusted: Crypto's key types are not Sendable, bytes are.
    private var rawKeys: [String: [Data]] = [:]

    /// A store that trusts no key yet.
    public init() {}

    package init(keys: [String: Curve25519.Signing.PublicKey]) {
        rawKeys = keys.mapValues { [$0.rawRepresentation] }
    }

    public var keyIds: [String] { rawKeys.keys.sorted() }
    package var isEmpty: Bool { rawKeys.isEmpty }

    /// Every key trusted under `id`; empty when the id is not trusted.
    package func keys(id: String) -> [Curve25519.Signing.PublicKey] {
        (rawKeys[id] ?? []).compactMap { try? Curve25519.Signing.PublicKey(rawRepresentation: $0) }
    }

    /// Why `load(paths:)` found no usable key: the path and the reason, one line.
    public struct LoadError: Error, CustomStringConvertible {
        public let description: String
    }

    /// Loads `<id>.pub` files from directories, or single PEM files (id = file name without extension).
    public static func load(paths: [String]) throws(LoadError) -> TrustStore {
        var store = TrustStore()
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw LoadError(description: "no such trust path: \(path)")
            }
            let files: [String]
            if isDirectory.boolValue {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
                files = names.filter { $0.hasSuffix(".pub") }.sorted().map { FilePaths.join(path, $0) }
            } else {
                files = [path]
            }
            for file in files {
                let bytes: [UInt8]
                do {
                    bytes = try FileReader.read(path: file, limit: KeyFiles.maximumBytes)
                } catch {
                    throw LoadError(description: error.description)
                }
                do {
                    store.trust(try Ed25519PEM.publicKey(from: String(decoding: bytes, as: UTF8.self)), id: KeyFiles.keyId(forPath: file))
                } catch {
                    throw LoadError(description: "\(file): \(error.description)")
                }
            }
        }
        guard !store.isEmpty else { throw LoadError(description: "no public keys found in \(paths.joined(separator: ", "))") }
        return store
    }

    /// Trusts `key` under `id`, beside any other key already trusted under that id.
    public mutating func trust(_ key: Curve25519.Signing.PublicKey, id: String) {
        let raw = key.rawRepresentation
        if rawKeys[id]?.contains(raw) != true { rawKeys[id, default: []].append(raw) }
    }
}
