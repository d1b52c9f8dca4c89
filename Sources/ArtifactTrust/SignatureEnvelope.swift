import Foundation

/// `gateway-config.json.sig`: a detached Ed25519 signature naming the artifact's SHA-256.
///
/// Format 1 (no release serial) signs the artifact bytes themselves:
/// ```json
/// {"algorithm":"Ed25519","artifact_sha256":"<64 hex>","format":1,"key_id":"release-2026","signature":"<base64>"}
/// ```
/// Format 2 carries `release_serial` and signs `signedPayload`: the envelope's canonical JSON without
/// `signature` (keys sorted, no whitespace), so the serial, digest, key id and algorithm are all covered:
/// ```json
/// {"algorithm":"Ed25519","artifact_sha256":"<64 hex>","format":2,"key_id":"release-2026","release_serial":7}
/// ```
/// A format 1 envelope with a `release_serial`, or a format 2 one without, is malformed.
public struct SignatureEnvelope: Codable, Sendable, Equatable {
    /// Signs the artifact bytes; no serial.
    package static let artifactBytesFormat = 1
    /// Signs the canonical payload, which carries `release_serial`.
    package static let serialFormat = 2
    package static let algorithmName = "Ed25519"
    /// The largest `.sig` file `regionc verify` reads: an envelope is a few hundred bytes.
    package static let maximumBytes = 64 << 10

    package var format: Int
    package var algorithm: String
    public package(set) var keyId: String
    /// Lower-case hex SHA-256 of the artifact bytes; lets a reader say "digest mismatch" before checking the signature.
    package var artifactSHA256: String
    /// The release pipeline's serial (format 2): a runtime refuses a lower one than it serves (a rollback).
    public package(set) var releaseSerial: UInt64?
    /// Base64 of the 64-byte Ed25519 signature.
    package var signature: String

    /// An envelope of the format its serial calls for: 2 with a serial, 1 without.
    package init(keyId: String, artifactSHA256: String, releaseSerial: UInt64? = nil, signature: Data) {
        format = releaseSerial == nil ? Self.artifactBytesFormat : Self.serialFormat
        algorithm = Self.algorithmName
        self.keyId = keyId
        self.artifactSHA256 = artifactSHA256
        self.releaseSerial = releaseSerial
        self.signature = signature.base64EncodedString()
    }

    enum CodingKeys: String, CodingKey {
        case format, algorithm, signature
        case keyId = "key_id"
        case artifactSHA256 = "artifact_sha256"
        case releaseSerial = "release_serial"
    }

    /// The bytes the signature is over: the artifact itself (format 1) or `signedPayload` (format 2).
    package func signedBytes(artifact: Data) -> Data {
        format == Self.artifactBytesFormat ? artifact : signedPayload
    }

    /// The envelope's canonical JSON without `signature`: what a format 2 signature signs.
    package var signedPayload: Data { Data(canonicalJSON(includingSignature: false).utf8) }

    /// The `.sig` file: canonical JSON (sorted keys, no whitespace), one line.
    public func encoded() -> Data { Data((canonicalJSON(includingSignature: true) + "\n").utf8) }

    func canonicalJSON(includingSignature: Bool) -> String {
        var members = [
            ("algorithm", CanonicalJSONText.string(algorithm)),
            ("artifact_sha256", CanonicalJSONText.string(artifactSHA256)),
            ("format", String(format)),
            ("key_id", CanonicalJSONText.string(keyId)),
        ]
        if let releaseSerial { members.append(("release_serial", String(releaseSerial))) }
        if includingSignature { members.append(("signature", CanonicalJSONText.string(signature))) }
        return "{" + members.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}"
    }

    /// Where the signature of an artifact lives: next to it, with `.sig` appended.
    public static func path(forArtifact path: String) -> String { path + ".sig" }
}

/// JSON string literals as RFC 8785 writes them: only `"`, `\` and control characters escaped,
/// so every implementation that reproduces the payload gets the same bytes.
enum CanonicalJSONText {
    static func string(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\u{08}": out += "\\b"
            case "\u{09}": out += "\\t"
            case "\u{0A}": out += "\\n"
            case "\u{0C}": out += "\\f"
            case "\u{0D}": out += "\\r"
            case let control where control.value < 0x20:
                let hex = String(control.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
