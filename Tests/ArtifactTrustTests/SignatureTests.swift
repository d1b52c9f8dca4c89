import ArtifactTrust
import Crypto
import Foundation
import Testing

@Suite struct SignatureTests {
    @Test func pemRoundTrips() throws {
        let key = Curve25519.Signing.PrivateKey()
        let privatePEM = Ed25519PEM.encode(key)
        let publicPEM = Ed25519PEM.encode(key.publicKey)
        #expect(privatePEM.hasPrefix("-----BEGIN PRIVATE KEY-----\n"))
        #expect(publicPEM.hasPrefix("-----BEGIN PUBLIC KEY-----\n"))
        #expect(try Ed25519PEM.privateKey(from: privatePEM).rawRepresentation == key.rawRepresentation)
        #expect(try Ed25519PEM.publicKey(from: publicPEM).rawRepresentation == key.publicKey.rawRepresentation)
    }

    @Test func readsKeysOpenSSLWrites() throws {
        let openssl = "/usr/bin/openssl"
        guard FileManager.default.isExecutableFile(atPath: openssl) else { return }
        let directory = try TrustFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let keyPath = directory.appendingPathComponent("k.pem").path
        let run = { (arguments: [String]) throws -> Data in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: openssl)
            process.arguments = arguments
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return data
        }
        _ = try run(["genpkey", "-algorithm", "ed25519", "-out", keyPath])
        let publicPEM = String(decoding: try run(["pkey", "-in", keyPath, "-pubout"]), as: UTF8.self)
        let key = try Ed25519PEM.privateKey(from: try String(contentsOfFile: keyPath, encoding: .utf8))
        #expect(try Ed25519PEM.publicKey(from: publicPEM).rawRepresentation == key.publicKey.rawRepresentation)
    }

    @Test func refusesOtherKeysAndGarbage() throws {
        #expect(throws: Ed25519PEM.PEMError.notPEM(expected: "PUBLIC KEY")) { try Ed25519PEM.publicKey(from: "hello") }
        // A P-256 public key in PEM: valid PEM, not Ed25519.
        let p256 = P256.Signing.PrivateKey().publicKey.pemRepresentation
        #expect(throws: Ed25519PEM.PEMError.notEd25519) { try Ed25519PEM.publicKey(from: p256) }
        #expect(throws: Ed25519PEM.PEMError.notPEM(expected: "PRIVATE KEY")) {
            try Ed25519PEM.privateKey(from: "-----BEGIN PRIVATE KEY-----\n!!!\n-----END PRIVATE KEY-----\n")
        }
    }

    @Test func signingIsDeterministic() throws {
        let key = TrustFixture.key("release")
        let first = try TrustFixture.artifactBytes()
        let second = try TrustFixture.artifactBytes()
        #expect(first == second)
        #expect(try key.sign(artifact: first).encoded() == key.sign(artifact: second).encoded())
    }

    enum Tamper: String, CaseIterable, Sendable {
        case artifactByte, signatureByte, untrustedKeyId, otherTrustedKeyId, digestForged, missing, empty, garbage, algorithm
    }

    @Test(arguments: Tamper.allCases)
    func tamperingIsRejectedWithItsOwnReason(_ tamper: Tamper) throws {
        let release = TrustFixture.key("release")
        let other = TrustFixture.key("other")
        let trust = try TrustFixture.trust(release, other)
        var artifact = try TrustFixture.artifactBytes()
        var envelope = try release.sign(artifact: artifact)
        var signature: Data? = try envelope.encoded()
        let expected: SignatureError
        switch tamper {
        case .artifactByte:
            artifact[100] ^= 0x01
            expected = .digestMismatch(expected: envelope.artifactSHA256, actual: Digest.sha256Hex(artifact))
        case .signatureByte:
            var raw = try #require(Data(base64Encoded: envelope.signature))
            raw[10] ^= 0x01
            envelope.signature = raw.base64EncodedString()
            signature = try envelope.encoded()
            expected = .badSignature(keyId: "release")
        case .untrustedKeyId:
            envelope.keyId = "stranger"
            signature = try envelope.encoded()
            expected = .untrustedKey("stranger")
        case .otherTrustedKeyId:
            envelope.keyId = "other"
            signature = try envelope.encoded()
            expected = .badSignature(keyId: "other")
        case .digestForged:
            artifact[100] ^= 0x01
            envelope.artifactSHA256 = Digest.sha256Hex(artifact)
            signature = try envelope.encoded()
            expected = .badSignature(keyId: "release")
        case .missing:
            signature = nil
            expected = .missingSignature
        case .empty:
            signature = Data()
            expected = .missingSignature
        case .garbage:
            signature = Data("not json".utf8)
            expected = .malformedSignature("not a signature envelope")
        case .algorithm:
            envelope.algorithm = "RSA"
            signature = try envelope.encoded()
            expected = .unsupportedAlgorithm("RSA")
        }
        #expect(SignatureVerifier.verify(artifact: artifact, signature: signature, trust: trust) == .failure(expected))
    }

    @Test func rotationMatrix() throws {
        let old = TrustFixture.key("key-2026")
        let new = TrustFixture.key("key-2027")
        let artifact = try TrustFixture.artifactBytes()
        let signedByOld = try old.sign(artifact: artifact).encoded()
        let signedByNew = try new.sign(artifact: artifact).encoded()
        let cases: [(TrustStore, Data, Bool)] = [
            (try TrustFixture.trust(old), signedByOld, true),
            (try TrustFixture.trust(old), signedByNew, false),
            (try TrustFixture.trust(old, new), signedByOld, true),
            (try TrustFixture.trust(old, new), signedByNew, true),
            (try TrustFixture.trust(new), signedByOld, false),
            (try TrustFixture.trust(new), signedByNew, true),
        ]
        for (index, (trust, signature, accepted)) in cases.enumerated() {
            let result = SignatureVerifier.verify(artifact: artifact, signature: signature, trust: trust)
            if accepted {
                #expect((try? result.get()) != nil, "case \(index)")
            } else if case .failure(let error) = result {
                #expect(error.code == "UNTRUSTED_KEY", "case \(index): \(error)")
            } else {
                Issue.record("case \(index) accepted a key that is not trusted")
            }
        }
    }

    @Test func trustStoreLoadsDirectoriesAndFiles() throws {
        let directory = try TrustFixture.temporaryDirectory()
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
}
