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

/// What a valid signature vouches for besides the bytes: who signed, and the release serial if any.
public struct VerifiedSignature: Sendable, Equatable {
    public let keyId: String
    /// `nil` for a format 1 envelope, which carries none.
    public let releaseSerial: UInt64?

    package init(keyId: String, releaseSerial: UInt64?) {
        self.keyId = keyId
        self.releaseSerial = releaseSerial
    }
}

/// Checks a detached `.sig` envelope against artifact bytes and a trust store.
public enum SignatureVerifier {
    /// Checks that a trusted key signed exactly `artifact` (and, in format 2, its release serial).
    /// `digest` is the artifact's SHA-256 in hex when the caller has it already; otherwise it is computed.
    public static func verify(artifact: Data, digest: String? = nil, signature: Data?,
                              trust: TrustStore) -> Result<VerifiedSignature, SignatureError> {
        guard let signature, !signature.isEmpty else { return .failure(.missingSignature) }
        let envelope: SignatureEnvelope
        do {
            envelope = try JSONDecoder().decode(SignatureEnvelope.self, from: signature)
        } catch {
            return .failure(.malformedSignature("not a signature envelope"))
        }
        switch (envelope.format, envelope.releaseSerial) {
        case (SignatureEnvelope.artifactBytesFormat, nil), (SignatureEnvelope.serialFormat, .some): break
        case (SignatureEnvelope.artifactBytesFormat, .some):
            // A serial its signature does not cover must not be believed.
            return .failure(.malformedSignature("format 1 carries no release_serial"))
        case (SignatureEnvelope.serialFormat, nil):
            return .failure(.malformedSignature("format 2 needs a release_serial"))
        default:
            return .failure(.malformedSignature("format \(envelope.format)"))
        }
        guard envelope.algorithm == SignatureEnvelope.algorithmName else { return .failure(.unsupportedAlgorithm(envelope.algorithm)) }
        let keys = trust.keys(id: envelope.keyId)
        guard !keys.isEmpty else { return .failure(.untrustedKey(envelope.keyId)) }
        let actual = digest ?? Digest.sha256Hex(artifact)
        guard actual == envelope.artifactSHA256 else {
            return .failure(.digestMismatch(expected: envelope.artifactSHA256, actual: actual))
        }
        guard let raw = Data(base64Encoded: envelope.signature), raw.count == 64 else {
            return .failure(.malformedSignature("the signature is not 64 bytes of base64"))
        }
        let signed = envelope.signedBytes(artifact: artifact)
        // Several trust paths may hold keys under one id (a rotation): any of them may have signed.
        guard keys.contains(where: { $0.isValidSignature(raw, for: signed) }) else {
            return .failure(.badSignature(keyId: envelope.keyId))
        }
        return .success(VerifiedSignature(keyId: envelope.keyId, releaseSerial: envelope.releaseSerial))
    }
}
