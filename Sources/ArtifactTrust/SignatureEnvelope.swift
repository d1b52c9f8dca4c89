import Foundation

/// `gateway-config.json.sig`: a detached Ed25519 signature over the exact artifact bytes.
///
/// ```json
/// {"algorithm":"Ed25519","artifact_sha256":"<64 hex>","format":1,"key_id":"release-2026","signature":"<base64>"}
/// ```
public struct SignatureEnvelope: Codable, Sendable, Equatable {
    public static let currentFormat = 1
    public static let algorithmName = "Ed25519"

    public var format: Int
    public var algorithm: String
    public var keyId: String
    /// Lower-case hex SHA-256 of the artifact bytes; lets a reader say "digest mismatch" before checking the signature.
    public var artifactSHA256: String
    /// Base64 of the 64-byte Ed25519 signature.
    public var signature: String

    public init(keyId: String, artifactSHA256: String, signature: Data) {
        format = Self.currentFormat
        algorithm = Self.algorithmName
        self.keyId = keyId
        self.artifactSHA256 = artifactSHA256
        self.signature = signature.base64EncodedString()
    }

    enum CodingKeys: String, CodingKey {
        case format, algorithm, signature
        case keyId = "key_id"
        case artifactSHA256 = "artifact_sha256"
    }

    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self) + Data("\n".utf8)
    }

    /// Where the signature of an artifact lives: next to it, with `.sig` appended.
    public static func path(forArtifact path: String) -> String { path + ".sig" }
}

public enum Digest {
    public static func sha256Hex(_ data: some DataProtocol) -> String {
        SHA256Hasher.hex(data)
    }
}
