import ArtifactTrust
import Crypto
import Foundation
import TestSupport
import Testing

/// Private keys on disk: created 0600 without ever replacing what appears at their path, judged through
/// symbolic links by the file they lead to; public keys under one id from several trust paths all kept.
@Suite struct KeyMaterialTests {
    /// The Kubernetes secret layout: `release.key -> ..data/release.key`, the file itself 0400.
    @Test func aKeyBehindASymbolicLinkIsJudgedByItsTarget() throws {
        let directory = try TemporaryDirectory.make("trust")
        defer { try? FileManager.default.removeItem(at: directory) }
        let data = directory.appendingPathComponent("..2026_11_28/").path
        let paths = try KeyFiles.generate(into: data, keyId: "release")
        try FileManager.default.setAttributes([.posixPermissions: 0o400], ofItemAtPath: paths.privatePath)
        try FileManager.default.createSymbolicLink(atPath: directory.appendingPathComponent("..data").path,
                                                   withDestinationPath: "..2026_11_28")
        let link = directory.appendingPathComponent("release.key").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "..data/release.key")

        let key = try SigningKey.load(path: link)
        #expect(key.id == "release")
        #expect(try key.publicKey().rawRepresentation == (try SigningKey.load(path: paths.privatePath).publicKey().rawRepresentation))

        // A target others can read is refused, and the advice names the file to chmod, not the link.
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: paths.privatePath)
        let target = URL(fileURLWithPath: paths.privatePath).resolvingSymlinksInPath().path
        #expect(throws: SigningKey.LoadError.tooOpen(path: link, target: target, mode: "0644")) { try SigningKey.load(path: link) }
        let advice = SigningKey.LoadError.tooOpen(path: link, target: target, mode: "0644").description
        #expect(advice.contains("chmod 600 \(target)") && advice.contains("a link to"))
    }

    enum NotAKey: String, CaseIterable, Sendable { case missing, directory, danglingLink, fifo }

    @Test(arguments: NotAKey.allCases)
    func whatIsNotAKeyFileIsUnreadable(_ kind: NotAKey) throws {
        let directory = try TemporaryDirectory.make("trust")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("release.key").path
        switch kind {
        case .missing: break
        case .directory: try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        case .danglingLink: try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: "nowhere.key")
        case .fifo: #expect(mkfifo(path, 0o600) == 0)
        }
        do {
            _ = try SigningKey.load(path: path)
            Issue.record("\(kind) loaded as a key")
        } catch {
            guard case .unreadable(let named, let reason) = error else {
                Issue.record("\(kind): \(error)")
                return
            }
            #expect(named == path && !reason.isEmpty, "\(kind)")
        }
    }

    /// Whatever appears at a key's path is never replaced, even a link `fileExists` cannot see through.
    enum Planted: String, CaseIterable, Sendable { case privateDanglingLink, publicDanglingLink, privateFile, publicDirectory }

    @Test(arguments: Planted.allCases)
    func keygenNeverReplacesWhatIsThere(_ planted: Planted) throws {
        let directory = try TemporaryDirectory.make("trust")
        defer { try? FileManager.default.removeItem(at: directory) }
        let privatePath = directory.appendingPathComponent("k1.key").path
        let publicPath = directory.appendingPathComponent("k1.pub").path
        let victim = directory.appendingPathComponent("elsewhere").path
        let plantedPath: String
        switch planted {
        case .privateDanglingLink, .publicDanglingLink:
            plantedPath = planted == .privateDanglingLink ? privatePath : publicPath
            try FileManager.default.createSymbolicLink(atPath: plantedPath, withDestinationPath: victim)
        case .privateFile:
            plantedPath = privatePath
            try Data("keep me".utf8).write(to: URL(fileURLWithPath: plantedPath))
        case .publicDirectory:
            plantedPath = publicPath
            try FileManager.default.createDirectory(atPath: plantedPath, withIntermediateDirectories: false)
        }
        let before = try FileManager.default.attributesOfItem(atPath: plantedPath)[.type] as? FileAttributeType
        #expect(throws: KeyFiles.GenerateError.exists(plantedPath)) { try KeyFiles.generate(into: directory.path, keyId: "k1") }
        #expect(try FileManager.default.attributesOfItem(atPath: plantedPath)[.type] as? FileAttributeType == before, "\(planted)")
        #expect(!FileManager.default.fileExists(atPath: victim), "nothing written through the link")
        // Nothing left half made: the other file of the pair is absent too.
        let other = plantedPath == privatePath ? publicPath : privatePath
        var info = stat()
        #expect(lstat(other, &info) != 0, "\(planted): \(other) left behind")
    }

    /// The pair and nothing else, the private key 0600.
    @Test func keygenWritesThePairWithItsModes() throws {
        let directory = try TemporaryDirectory.make("trust")
        defer { try? FileManager.default.removeItem(at: directory) }
        let paths = try KeyFiles.generate(into: directory.path, keyId: "k1")
        let mode = try FileManager.default.attributesOfItem(atPath: paths.privatePath)[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o600)
        let publicMode = try FileManager.default.attributesOfItem(atPath: paths.publicPath)[.posixPermissions] as? NSNumber
        #expect(publicMode.map { $0.intValue & 0o022 } == 0)
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        #expect(names == ["k1.key", "k1.pub"], "no temporary files")
    }

    // MARK: One key id, several trust paths

    /// Two trust directories each hold a `release.pub` (a rotation: the old key and its successor under one name).
    @Test func everyKeyUnderOneIdIsTried() throws {
        let directory = try TemporaryDirectory.make("trust")
        defer { try? FileManager.default.removeItem(at: directory) }
        let first = try KeyFiles.generate(into: directory.appendingPathComponent("a").path, keyId: "release")
        let second = try KeyFiles.generate(into: directory.appendingPathComponent("b").path, keyId: "release")
        let trust = try TrustStore.load(paths: [directory.appendingPathComponent("a").path, directory.appendingPathComponent("b").path])
        #expect(trust.keyIds == ["release"] && trust.keys(id: "release").count == 2)
        let artifact = try RegionArtifacts.shipped()
        for path in [first.privatePath, second.privatePath] {
            for serial: UInt64? in [nil, 3] {
                let signature = try SigningKey.load(path: path).sign(artifact: artifact, releaseSerial: serial).encoded()
                #expect(SignatureVerifier.verify(artifact: artifact, signature: signature, trust: trust)
                    == .success(VerifiedSignature(keyId: "release", releaseSerial: serial)), "\(path)")
            }
        }
        // A third key under the name is still a bad signature.
        let impostor = try ReleaseKeys.key("release").sign(artifact: artifact).encoded()
        #expect(SignatureVerifier.verify(artifact: artifact, signature: impostor, trust: trust) == .failure(.badSignature(keyId: "release")))
        // The same key given twice is kept once.
        let twice = try TrustStore.load(paths: [first.publicPath, first.publicPath, directory.appendingPathComponent("a").path])
        #expect(twice.keys(id: "release").count == 1)
    }
}
