import Crypto
import Foundation

/// Why a signature does not vouch for an artifact. Each reason is distinct and named.
public enum SignatureError: Error, Sendable, Equatable, CustomStringConvertible {
    case missingSignature
    case malformedSignature(String)
    case unsupportedAlgorithm(String)
    case untrustedKey(String)
    case digestMismatch(expected: String, actual: String)
    case badSignature(keyId: String)

    public var description: String {
        switch self {
        case .missingSignature: "the artifact has no signature"
        case .malformedSignature(let detail): "the signature file is malformed: \(detail)"
        case .unsupportedAlgorithm(let name): "signature algorithm `\(name)` is not supported (Ed25519 is)"
        case .untrustedKey(let id): "signed by key `\(id)`, which is not trusted"
        case .digestMismatch(let expected, let actual):
            "the artifact's SHA-256 is \(actual), but the signature is for \(expected)"
        case .badSignature(let id): "the signature by key `\(id)` does not match the artifact bytes"
        }
    }

    public var code: String {
        switch self {
        case .missingSignature: "MISSING_SIGNATURE"
        case .malformedSignature: "MALFORMED_SIGNATURE"
        case .unsupportedAlgorithm: "UNSUPPORTED_ALGORITHM"
        case .untrustedKey: "UNTRUSTED_KEY"
        case .digestMismatch: "DIGEST_MISMATCH"
        case .badSignature: "BAD_SIGNATURE"
        }
    }
}

public enum SignatureVerifier {
    /// Checks that a trusted key signed exactly `artifact`. Returns the signing key's id.
    public static func verify(artifact: Data, signature: Data?, trust: TrustStore) -> Result<String, SignatureError> {
        guard let signature, !signature.isEmpty else { return .failure(.missingSignature) }
        let envelope: SignatureEnvelope
        do {
            envelope = try JSONDecoder().decode(SignatureEnvelope.self, from: signature)
        } catch {
            return .failure(.malformedSignature("not a signature envelope"))
        }
        guard envelope.format == SignatureEnvelope.currentFormat else {
            return .failure(.malformedSignature("format \(envelope.format)"))
        }
        guard envelope.algorithm == SignatureEnvelope.algorithmName else { return .failure(.unsupportedAlgorithm(envelope.algorithm)) }
        guard let key = trust.key(id: envelope.keyId) else { return .failure(.untrustedKey(envelope.keyId)) }
        let actual = Digest.sha256Hex(artifact)
        guard actual == envelope.artifactSHA256 else {
            return .failure(.digestMismatch(expected: envelope.artifactSHA256, actual: actual))
        }
        guard let raw = Data(base64Encoded: envelope.signature), raw.count == 64 else {
            return .failure(.malformedSignature("the signature is not 64 bytes of base64"))
        }
        guard key.isValidSignature(raw, for: artifact) else { return .failure(.badSignature(keyId: envelope.keyId)) }
        return .success(envelope.keyId)
    }
}
