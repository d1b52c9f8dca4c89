import ArtifactTrust
import Foundation
import TestSupport
import Testing

/// Format 2 envelopes: the release serial signed with the artifact's digest, and every way to alter it refused.
@Suite struct SerialEnvelopeTests {
    @Test func theSerialIsSignedAndReadBack() throws {
        let key = ReleaseKeys.key("release")
        let trust = try ReleaseKeys.trust(key)
        let artifact = try RegionArtifacts.shipped()
        let digest = Digest.sha256Hex(artifact)
        let envelope = try key.sign(artifact: artifact, releaseSerial: 42)
        #expect(envelope.format == 2 && envelope.releaseSerial == 42)
        // The payload is the envelope without `signature`, canonical: another implementation can rebuild it.
        #expect(String(decoding: envelope.signedPayload, as: UTF8.self)
            == "{\"algorithm\":\"Ed25519\",\"artifact_sha256\":\"\(digest)\",\"format\":2,\"key_id\":\"release\",\"release_serial\":42}")
        #expect(String(decoding: envelope.encoded(), as: UTF8.self)
            == "{\"algorithm\":\"Ed25519\",\"artifact_sha256\":\"\(digest)\",\"format\":2,\"key_id\":\"release\",\"release_serial\":42,"
            + "\"signature\":\"\(envelope.signature)\"}\n")
        #expect(SignatureVerifier.verify(artifact: artifact, signature: envelope.encoded(), trust: trust)
            == .success(VerifiedSignature(keyId: "release", releaseSerial: 42)))
        // Deterministic, and the artifact bytes are untouched by the serial: only the .sig differs.
        #expect(try key.sign(artifact: artifact, releaseSerial: 42) == envelope)
        #expect(try key.sign(artifact: artifact, releaseSerial: 43).signature != envelope.signature)
        // Old envelopes still verify, without a serial.
        let old = try key.sign(artifact: artifact)
        #expect(old.format == 1 && old.releaseSerial == nil && !String(decoding: old.encoded(), as: UTF8.self).contains("serial"))
        #expect(SignatureVerifier.verify(artifact: artifact, signature: old.encoded(), trust: trust)
            == .success(VerifiedSignature(keyId: "release", releaseSerial: nil)))
        // Zero and the largest serial are serials.
        for serial in [UInt64.min, UInt64.max] {
            let signed = try key.sign(artifact: artifact, releaseSerial: serial).encoded()
            #expect(SignatureVerifier.verify(artifact: artifact, signature: signed, trust: trust)
                == .success(VerifiedSignature(keyId: "release", releaseSerial: serial)))
        }
    }

    enum Tamper: String, CaseIterable, Sendable {
        case serialRaised, serialLowered, serialRemoved, serialAddedToFormat1, formatDowngradedKeepingSerial
        case formatDowngradedDroppingSerial, keyIdOfAnotherTrustedKey, serialNegative, serialString, serialFraction
        case serialTooLarge
    }

    /// The JSON text of an envelope with one member replaced (or removed when `value` is nil).
    static func edit(_ envelope: Data, _ member: String, to value: String?) throws -> Data {
        var text = String(decoding: envelope, as: UTF8.self)
        let pattern = "\"\(member)\":[^,}]*"
        let range = try #require(text.range(of: pattern, options: .regularExpression), "\(member)")
        if let value {
            text.replaceSubrange(range, with: "\"\(member)\":\(value)")
        } else {
            text.replaceSubrange(range, with: "")
            text = text.replacingOccurrences(of: ",,", with: ",").replacingOccurrences(of: "{,", with: "{")
        }
        return Data(text.utf8)
    }

    @Test(arguments: Tamper.allCases)
    func eachSerialTamperingIsRefused(_ tamper: Tamper) throws {
        let key = ReleaseKeys.key("release")
        let other = ReleaseKeys.key("other")
        let trust = try ReleaseKeys.trust(key, other)
        let artifact = try RegionArtifacts.shipped()
        let serial = try key.sign(artifact: artifact, releaseSerial: 7).encoded()
        let plain = try key.sign(artifact: artifact).encoded()
        let (signature, expected): (Data, SignatureError) = switch tamper {
        case .serialRaised: (try Self.edit(serial, "release_serial", to: "8"), .badSignature(keyId: "release"))
        case .serialLowered: (try Self.edit(serial, "release_serial", to: "6"), .badSignature(keyId: "release"))
        case .serialRemoved: (try Self.edit(serial, "release_serial", to: nil), .malformedSignature("format 2 needs a release_serial"))
        case .serialAddedToFormat1:
            (Data(String(decoding: plain, as: UTF8.self).replacingOccurrences(of: "\"signature\"", with: "\"release_serial\":9,\"signature\"").utf8),
             .malformedSignature("format 1 carries no release_serial"))
        case .formatDowngradedKeepingSerial: (try Self.edit(serial, "format", to: "1"), .malformedSignature("format 1 carries no release_serial"))
        case .formatDowngradedDroppingSerial:
            // A format 2 signature is over the payload, never over the artifact bytes alone.
            (try Self.edit(try Self.edit(serial, "release_serial", to: nil), "format", to: "1"), .badSignature(keyId: "release"))
        case .keyIdOfAnotherTrustedKey: (try Self.edit(serial, "key_id", to: "\"other\""), .badSignature(keyId: "other"))
        case .serialNegative: (try Self.edit(serial, "release_serial", to: "-1"), .malformedSignature("not a signature envelope"))
        case .serialString: (try Self.edit(serial, "release_serial", to: "\"7\""), .malformedSignature("not a signature envelope"))
        case .serialFraction: (try Self.edit(serial, "release_serial", to: "7.5"), .malformedSignature("not a signature envelope"))
        case .serialTooLarge:
            (try Self.edit(serial, "release_serial", to: "18446744073709551616"), .malformedSignature("not a signature envelope"))
        }
        #expect(SignatureVerifier.verify(artifact: artifact, signature: signature, trust: trust) == .failure(expected), "\(tamper)")
    }

    /// The digest a caller already computed is the one compared: the artifact is not hashed again.
    @Test func aGivenDigestIsUsed() throws {
        let key = ReleaseKeys.key("release")
        let artifact = try RegionArtifacts.shipped()
        let signature = try key.sign(artifact: artifact, releaseSerial: 1).encoded()
        let wrong = String(repeating: "a", count: 64)
        let result = SignatureVerifier.verify(artifact: artifact, digest: wrong, signature: signature, trust: try ReleaseKeys.trust(key))
        #expect(result == .failure(.digestMismatch(expected: Digest.sha256Hex(artifact), actual: wrong)))
    }

    /// Key ids the canonical payload must escape are still covered byte for byte.
    @Test func keyIdsWithQuotesAndControlCharacters() throws {
        let id = "a\"b\\c\u{01}d/é"
        let key = ReleaseKeys.key(id)
        let artifact = Data("x".utf8)
        let envelope = try key.sign(artifact: artifact, releaseSerial: 1)
        #expect(String(decoding: envelope.signedPayload, as: UTF8.self).contains("\"key_id\":\"a\\\"b\\\\c\\u0001d/é\""))
        #expect(SignatureVerifier.verify(artifact: artifact, signature: envelope.encoded(), trust: try ReleaseKeys.trust(key))
            == .success(VerifiedSignature(keyId: id, releaseSerial: 1)))
    }

    /// The recipe in docs/artifact.md, with openssl: the payload rebuilt from the envelope verifies.
    @Test(.enabled(if: OpenSSL.isInstalled, "needs /usr/bin/openssl"))
    func opensslVerifiesAFormat2Payload() throws {
        let directory = try TemporaryDirectory.make("trust")
        defer { try? FileManager.default.removeItem(at: directory) }
        let paths = try KeyFiles.generate(into: directory.path, keyId: "release")
        let envelope = try SigningKey.load(path: paths.privatePath).sign(artifact: try RegionArtifacts.shipped(), releaseSerial: 42)
        let payload = directory.appendingPathComponent("payload")
        let signature = directory.appendingPathComponent("signature")
        try envelope.signedPayload.write(to: payload)
        try #require(Data(base64Encoded: envelope.signature)).write(to: signature)
        try OpenSSL.run(["pkeyutl", "-verify", "-pubin", "-inkey", paths.publicPath, "-rawin",
                                                        "-in", payload.path, "-sigfile", signature.path])
    }
}
