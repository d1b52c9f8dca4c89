import ArtifactTrust
import Crypto
import Foundation
import TestSupport
import Testing

/// PEM interoperability, signing determinism and the signature tamper table, case by case.
@Suite struct KeyAndSignatureTableTests {
    // MARK: PEM

    @Test func generatedKeysRoundTripThroughPEM() throws {
        for _ in 0..<20 {
            let key = Curve25519.Signing.PrivateKey()
            let privatePEM = Ed25519PEM.encode(key)
            let publicPEM = Ed25519PEM.encode(key.publicKey)
            #expect(privatePEM.hasPrefix("-----BEGIN PRIVATE KEY-----\n"))
            #expect(publicPEM.hasPrefix("-----BEGIN PUBLIC KEY-----\n"))
            #expect(privatePEM.hasSuffix("-----END PRIVATE KEY-----\n"))
            #expect(publicPEM.hasSuffix("-----END PUBLIC KEY-----\n"))
            #expect(try Ed25519PEM.privateKey(from: privatePEM).rawRepresentation == key.rawRepresentation)
            #expect(try Ed25519PEM.publicKey(from: publicPEM).rawRepresentation == key.publicKey.rawRepresentation)
            // Re-encoding what was read gives the same text.
            #expect(Ed25519PEM.encode(try Ed25519PEM.privateKey(from: privatePEM)) == privatePEM)
            // CRLF line ends and surrounding text are tolerated.
            let crlf = "comment\r\n" + publicPEM.replacingOccurrences(of: "\n", with: "\r\n")
            #expect(try Ed25519PEM.publicKey(from: crlf).rawRepresentation == key.publicKey.rawRepresentation)
        }
    }

    @Test func keyFilesRoundTrip() throws {
        let directory = try TemporaryDirectory.make("trust")
        defer { try? FileManager.default.removeItem(at: directory) }
        let paths = try KeyFiles.generate(into: directory.path, keyId: "release-2026")
        let key = try SigningKey.load(path: paths.privatePath)
        let trust = try TrustStore.load(paths: [paths.publicPath])
        #expect(key.id == "release-2026")
        #expect(trust.keyIds == ["release-2026"])
        #expect(trust.keys(id: "release-2026").map(\.rawRepresentation) == [try key.publicKey().rawRepresentation])
    }

    /// Directories and single files as trust; the private key 0600, never overwritten, refused once readable by others.
    @Test func trustStoreLoadsDirectoriesAndFiles() throws {
        let directory = try TemporaryDirectory.make("trust")
        defer { try? FileManager.default.removeItem(at: directory) }
        let paths = try KeyFiles.generate(into: directory.path, keyId: "k1")
        _ = try KeyFiles.generate(into: directory.path, keyId: "k2")
        #expect(try TrustStore.load(paths: [directory.path]).keyIds == ["k1", "k2"])
        #expect(try TrustStore.load(paths: [paths.publicPath]).keyIds == ["k1"])
        let mode = try FileManager.default.attributesOfItem(atPath: paths.privatePath)[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o600)
        #expect(throws: (any Error).self) { try KeyFiles.generate(into: directory.path, keyId: "k1") }
        #expect(try SigningKey.load(path: paths.privatePath).id == "k1")
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: paths.privatePath)
        #expect(throws: SigningKey.LoadError.self) { try SigningKey.load(path: paths.privatePath) }
    }

    enum Foreign: String, CaseIterable, Sendable {
        case ed25519Private, ed25519Public, rsaPrivate, rsaPublic, p256Private, p256Public, x25519Private, x25519Public,
             ed448Private
    }

    /// Keys written by `openssl genpkey`: Ed25519 ones are read, every other algorithm is refused as not Ed25519.
    @Test(.enabled(if: OpenSSL.isInstalled, "needs /usr/bin/openssl"), arguments: Foreign.allCases)
    func keysWrittenByOpenSSL(_ kind: Foreign) throws {
        let directory = try TemporaryDirectory.make("trust")
        defer { try? FileManager.default.removeItem(at: directory) }
        let keyPath = directory.appendingPathComponent("key.pem").path
        let generate: [String] = switch kind {
        case .ed25519Private, .ed25519Public: ["-algorithm", "ed25519"]
        case .rsaPrivate, .rsaPublic: ["-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048"]
        case .p256Private, .p256Public: ["-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256"]
        case .x25519Private, .x25519Public: ["-algorithm", "X25519"]
        case .ed448Private: ["-algorithm", "ED448"]
        }
        try OpenSSL.run(["genpkey"] + generate + ["-out", keyPath])
        let privatePEM = try String(contentsOfFile: keyPath, encoding: .utf8)
        let publicPEM = String(decoding: try OpenSSL.run(["pkey", "-in", keyPath, "-pubout"]),
                               as: UTF8.self)
        switch kind {
        case .ed25519Private:
            let key = try Ed25519PEM.privateKey(from: privatePEM)
            #expect(try Ed25519PEM.publicKey(from: publicPEM).rawRepresentation == key.publicKey.rawRepresentation)
        case .ed25519Public:
            _ = try Ed25519PEM.publicKey(from: publicPEM)
            // A private key is not a public one, and the other way round.
            #expect(throws: Ed25519PEM.PEMError.notPEM(expected: "PUBLIC KEY")) { try Ed25519PEM.publicKey(from: privatePEM) }
            #expect(throws: Ed25519PEM.PEMError.notPEM(expected: "PRIVATE KEY")) { try Ed25519PEM.privateKey(from: publicPEM) }
        case .rsaPrivate, .p256Private, .x25519Private, .ed448Private:
            #expect(throws: Ed25519PEM.PEMError.notEd25519) { try Ed25519PEM.privateKey(from: privatePEM) }
        case .rsaPublic, .p256Public, .x25519Public:
            #expect(throws: Ed25519PEM.PEMError.notEd25519) { try Ed25519PEM.publicKey(from: publicPEM) }
        }
    }

    /// The other direction: openssl reads our keys, and a signature openssl makes verifies here.
    @Test(.enabled(if: OpenSSL.isInstalled, "needs /usr/bin/openssl"))
    func opensslReadsOurKeysAndItsSignaturesVerify() throws {
        let directory = try TemporaryDirectory.make("trust")
        defer { try? FileManager.default.removeItem(at: directory) }
        let paths = try KeyFiles.generate(into: directory.path, keyId: "k1")
        let publicPEM = try String(contentsOfFile: paths.publicPath, encoding: .utf8)
        let derived = try OpenSSL.run(["pkey", "-in", paths.privatePath, "-pubout"])
        #expect(String(decoding: derived, as: UTF8.self) == publicPEM)

        let artifact = try RegionArtifacts.shipped()
        let artifactPath = directory.appendingPathComponent("gateway-config.json")
        try artifact.write(to: artifactPath)
        let raw = try OpenSSL.run(["pkeyutl", "-sign", "-inkey", paths.privatePath, "-rawin",
                                                                  "-in", artifactPath.path])
        // Ed25519 is deterministic: openssl's signature is byte for byte ours.
        let ours = try SigningKey.load(path: paths.privatePath).sign(artifact: artifact)
        #expect(raw.base64EncodedString() == ours.signature)
        let envelope = SignatureEnvelope(keyId: "k1", artifactSHA256: Digest.sha256Hex(artifact), signature: raw)
        let trust = try TrustStore.load(paths: [directory.path])
        #expect(SignatureVerifier.verify(artifact: artifact, signature: envelope.encoded(), trust: trust)
            == .success(VerifiedSignature(keyId: "k1", releaseSerial: nil)))
    }

    static let ed25519Public = Ed25519PEM.encode(Curve25519.Signing.PrivateKey().publicKey)

    /// Text that is not an Ed25519 key, with the error each must give.
    static let refused: [(String, String, Ed25519PEM.PEMError)] = [
        ("empty", "", .notPEM(expected: "PUBLIC KEY")),
        ("prose", "hello, world", .notPEM(expected: "PUBLIC KEY")),
        ("begin without end", "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA\n", .notPEM(expected: "PUBLIC KEY")),
        ("end before begin", "-----END PUBLIC KEY-----\n-----BEGIN PUBLIC KEY-----\n", .notPEM(expected: "PUBLIC KEY")),
        ("broken base64", "-----BEGIN PUBLIC KEY-----\n!!not base64!!\n-----END PUBLIC KEY-----\n",
         .notPEM(expected: "PUBLIC KEY")),
        ("empty body", "-----BEGIN PUBLIC KEY-----\n-----END PUBLIC KEY-----\n", .notEd25519),
        ("P-256 public", P256.Signing.PrivateKey().publicKey.pemRepresentation, .notEd25519),
        ("P-384 public", P384.Signing.PrivateKey().publicKey.pemRepresentation, .notEd25519),
        ("one byte short", pemWithDER(publicDER().dropLast()), .notEd25519),
        ("one byte long", pemWithDER(publicDER() + [0]), .notEd25519),
        ("X25519 OID", pemWithDER(publicDER().enumerated().map { $0.offset == 8 ? 0x6E : $0.element }), .notEd25519),
        ("private key label", Ed25519PEM.encode(Curve25519.Signing.PrivateKey()), .notPEM(expected: "PUBLIC KEY")),
    ]

    static func publicDER() -> [UInt8] {
        let body = ed25519Public.split(separator: "\n").filter { !$0.hasPrefix("-----") }.joined()
        return Data(base64Encoded: body).map(Array.init) ?? []
    }

    static func pemWithDER(_ der: some Sequence<UInt8>, label: String = "PUBLIC KEY") -> String {
        "-----BEGIN \(label)-----\n\(Data(der).base64EncodedString())\n-----END \(label)-----\n"
    }

    @Test(arguments: 0..<refused.count)
    func notAnEd25519PublicKey(_ index: Int) {
        let (name, text, error) = Self.refused[index]
        #expect(throws: error, "\(name)") { try Ed25519PEM.publicKey(from: text) }
    }

    @Test func notAnEd25519PrivateKey() throws {
        #expect(throws: Ed25519PEM.PEMError.notPEM(expected: "PRIVATE KEY")) { try Ed25519PEM.privateKey(from: "garbage") }
        #expect(throws: Ed25519PEM.PEMError.notEd25519) {
            try Ed25519PEM.privateKey(from: P256.Signing.PrivateKey().pemRepresentation)
        }
        #expect(throws: Ed25519PEM.PEMError.notPEM(expected: "PRIVATE KEY")) {
            try Ed25519PEM.privateKey(from: Self.ed25519Public)
        }
        // The right prefix, one seed byte missing.
        let der = Array(try #require(Data(base64Encoded: Ed25519PEM.encode(Curve25519.Signing.PrivateKey())
                .split(separator: "\n").filter { !$0.hasPrefix("-----") }.joined())))
        #expect(throws: Ed25519PEM.PEMError.notEd25519) {
            try Ed25519PEM.privateKey(from: Self.pemWithDER(der.dropLast(), label: "PRIVATE KEY"))
        }
    }

    // MARK: Determinism

    @Test func signingIsDeterministicAcrossKeyLoadsAndCompiles() throws {
        let directory = try TemporaryDirectory.make("trust")
        defer { try? FileManager.default.removeItem(at: directory) }
        let paths = try KeyFiles.generate(into: directory.path, keyId: "release")
        let first = try RegionArtifacts.shipped()
        // Compiled again here: `shipped()` is compiled once per process.
        let second = try RegionArtifacts.compile(directory: Repository.regions)
        #expect(first == second)
        // A copy of the regions elsewhere (a reviewer's checkout) compiles to the same bytes.
        let copy = directory.appendingPathComponent("elsewhere/regions")
        try FileManager.default.createDirectory(at: copy.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Repository.regions, to: copy)
        try FileManager.default.copyItem(at: Repository.calendars,
                                         to: copy.deletingLastPathComponent().appendingPathComponent("calendars"))
        #expect(try RegionArtifacts.compile(directory: copy) == first)
        // Two loads of the key file, two envelopes: identical bytes.
        let envelopeA = try SigningKey.load(path: paths.privatePath).sign(artifact: first).encoded()
        let envelopeB = try SigningKey.load(path: paths.privatePath).sign(artifact: second).encoded()
        #expect(envelopeA == envelopeB)
        // The envelope is the documented shape: sorted keys, one line.
        let text = String(decoding: envelopeA, as: UTF8.self)
        #expect(text.hasPrefix("{\"algorithm\":\"Ed25519\",\"artifact_sha256\":\"\(Digest.sha256Hex(first))\",\"format\":1,"
            + "\"key_id\":\"release\",\"signature\":\""))
        #expect(text.hasSuffix("\"}\n") && text.filter { $0 == "\n" }.count == 1)
        // No host name in the artifact.
        let host = ProcessInfo.processInfo.hostName
        if host.count > 3 { #expect(!String(decoding: first, as: UTF8.self).contains(host)) }
    }

    @Test func differentBytesOrKeysGiveDifferentSignatures() throws {
        let key = ReleaseKeys.key("release")
        let a = try RegionArtifacts.shipped()
        let b = try ReleaseFixture.other()
        #expect(a != b)
        #expect(try key.sign(artifact: a).signature != key.sign(artifact: b).signature)
        #expect(try key.sign(artifact: a).signature != ReleaseKeys.key("release").sign(artifact: a).signature)
    }

    // MARK: Tampering

    enum Tamper: String, CaseIterable, Sendable {
        case artifactFirstByte, artifactMiddleByte, artifactLastByte, artifactByteAppended
        case signatureBase64Character, signatureRawByte, signatureTruncated, signatureNotBase64
        case keyIdUntrusted, keyIdOtherTrusted, keyIdEmpty
        case digestForgedForTamperedArtifact, digestOfAnotherArtifact
        case signatureRemoved, signatureEmpty, signatureGarbage, signatureJSONArray, signatureMissingField
        case envelopeFormat3, algorithmRSA, algorithmLowercase
        case signatureOfOtherArtifact
    }

    @Test(arguments: Tamper.allCases)
    func eachTamperingHasItsOwnReason(_ tamper: Tamper) throws {
        let release = ReleaseKeys.key("release")
        let other = ReleaseKeys.key("other")
        let trust = try ReleaseKeys.trust(release, other)
        let good = try RegionArtifacts.shipped()
        var artifact = good
        var envelope = try release.sign(artifact: good)
        // Most cases edit the envelope; the ones that replace the signature file set `signature` directly.
        var signature: Data?
        var useEnvelope = true
        let expected: SignatureError
        func flip(_ index: Int) {
            artifact[index] ^= 0x20
        }
        switch tamper {
        case .artifactFirstByte, .artifactMiddleByte, .artifactLastByte:
            flip(tamper == .artifactFirstByte ? 0 : tamper == .artifactMiddleByte ? good.count / 2 : good.count - 1)
            expected = .digestMismatch(expected: envelope.artifactSHA256, actual: Digest.sha256Hex(artifact))
        case .artifactByteAppended:
            artifact.append(0x20)
            expected = .digestMismatch(expected: envelope.artifactSHA256, actual: Digest.sha256Hex(artifact))
        case .signatureBase64Character:
            // A character in the middle of the base64 text: still valid base64, other bytes.
            var characters = Array(envelope.signature)
            characters[40] = characters[40] == "A" ? "B" : "A"
            envelope.signature = String(characters)
            #expect(Data(base64Encoded: envelope.signature)?.count == 64)
            expected = .badSignature(keyId: "release")
        case .signatureRawByte:
            var raw = try #require(Data(base64Encoded: envelope.signature))
            raw[63] ^= 0x80
            envelope.signature = raw.base64EncodedString()
            expected = .badSignature(keyId: "release")
        case .signatureTruncated:
            let raw = try #require(Data(base64Encoded: envelope.signature))
            envelope.signature = raw.prefix(63).base64EncodedString()
            expected = .malformedSignature("the signature is not 64 bytes of base64")
        case .signatureNotBase64:
            envelope.signature = "%%%%" + envelope.signature.dropFirst(4)
            expected = .malformedSignature("the signature is not 64 bytes of base64")
        case .keyIdUntrusted:
            envelope.keyId = "release-2099"
            expected = .untrustedKey("release-2099")
        case .keyIdOtherTrusted:
            envelope.keyId = "other"
            expected = .badSignature(keyId: "other")
        case .keyIdEmpty:
            envelope.keyId = ""
            expected = .untrustedKey("")
        case .digestForgedForTamperedArtifact:
            flip(good.count / 3)
            envelope.artifactSHA256 = Digest.sha256Hex(artifact)
            expected = .badSignature(keyId: "release")
        case .digestOfAnotherArtifact:
            envelope.artifactSHA256 = String(repeating: "0", count: 64)
            expected = .digestMismatch(expected: envelope.artifactSHA256, actual: Digest.sha256Hex(artifact))
        case .signatureRemoved:
            useEnvelope = false
            signature = nil
            expected = .missingSignature
        case .signatureEmpty:
            useEnvelope = false
            signature = Data()
            expected = .missingSignature
        case .signatureGarbage:
            useEnvelope = false
            signature = Data([0xFF, 0x00, 0x7B, 0x22])
            expected = .malformedSignature("not a signature envelope")
        case .signatureJSONArray:
            useEnvelope = false
            signature = Data("[1,2,3]".utf8)
            expected = .malformedSignature("not a signature envelope")
        case .signatureMissingField:
            useEnvelope = false
            signature = Data("{\"algorithm\":\"Ed25519\",\"format\":1,\"key_id\":\"release\"}".utf8)
            expected = .malformedSignature("not a signature envelope")
        case .envelopeFormat3:
            envelope.format = 3
            expected = .malformedSignature("format 3")
        case .algorithmRSA:
            envelope.algorithm = "RSA"
            expected = .unsupportedAlgorithm("RSA")
        case .algorithmLowercase:
            envelope.algorithm = "ed25519"
            expected = .unsupportedAlgorithm("ed25519")
        case .signatureOfOtherArtifact:
            // A genuine signature by a trusted key, over other bytes, with this artifact's digest pasted in.
            let otherBytes = try ReleaseFixture.other()
            envelope.signature = try release.sign(artifact: otherBytes).signature
            expected = .badSignature(keyId: "release")
        }
        if useEnvelope { signature = envelope.encoded() }
        let result = SignatureVerifier.verify(artifact: artifact, signature: signature, trust: trust)
        #expect(result == .failure(expected), "\(tamper)")
    }

    /// Every code is distinct: a log line names one reason.
    @Test func reasonCodesAreDistinct() {
        let errors: [SignatureError] = [.missingSignature, .malformedSignature("x"), .unsupportedAlgorithm("x"),
                                        .untrustedKey("x"), .digestMismatch(expected: "a", actual: "b"),
                                        .badSignature(keyId: "x")]
        #expect(Set(errors.map(\.code)).count == errors.count)
        #expect(Set(errors.map(\.description)).count == errors.count)
    }

    // MARK: Rotation

    enum Signer: String, CaseIterable, Sendable { case old, new }
    enum Trusted: String, CaseIterable, Sendable { case oldOnly, both, newOnly }

    static let rotationKeys = (old: ReleaseKeys.key("key-2026"), new: ReleaseKeys.key("key-2027"))

    @Test(arguments: Trusted.allCases, Signer.allCases)
    func rotation(_ trusted: Trusted, _ signer: Signer) throws {
        let (old, new) = Self.rotationKeys
        let trust = switch trusted {
        case .oldOnly: try ReleaseKeys.trust(old)
        case .both: try ReleaseKeys.trust(old, new)
        case .newOnly: try ReleaseKeys.trust(new)
        }
        let key = signer == .old ? old : new
        let artifact = try RegionArtifacts.shipped()
        let result = SignatureVerifier.verify(artifact: artifact, signature: try key.sign(artifact: artifact).encoded(), trust: trust)
        let accepted = switch (trusted, signer) {
        case (.both, _), (.oldOnly, .old), (.newOnly, .new): true
        default: false
        }
        #expect(result == (accepted ? .success(VerifiedSignature(keyId: key.id, releaseSerial: nil)) : .failure(.untrustedKey(key.id))),
                "\(trusted) / \(signer)")
    }

    /// A key id with the old name but new key material is not the old key.
    @Test func aReusedKeyIdWithOtherKeyMaterialIsABadSignature() throws {
        let artifact = try RegionArtifacts.shipped()
        let trust = try ReleaseKeys.trust(ReleaseKeys.key("release"))
        let impostor = ReleaseKeys.key("release")
        #expect(SignatureVerifier.verify(artifact: artifact, signature: try impostor.sign(artifact: artifact).encoded(),
                                         trust: trust) == .failure(.badSignature(keyId: "release")))
    }
}
