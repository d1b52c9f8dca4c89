import ArtifactTrust
import Crypto
import Foundation
import GatewayConfig
import PaymentRouting
import RegionCompiler
import RegionCorpus
import Testing

/// Keys, temporary directories and release files for the store tests.
enum TrustFixture {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func key(_ id: String) -> SigningKey { SigningKey(id: id, key: Curve25519.Signing.PrivateKey()) }

    static func trust(_ keys: SigningKey...) throws -> TrustStore {
        var store = TrustStore()
        for key in keys { store.trust(try key.publicKey(), id: key.id) }
        return store
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes an artifact and (optionally) its signature as a release would.
    static func release(_ artifact: Data, signature: Data?, to path: URL) throws {
        try artifact.write(to: path)
        let signaturePath = URL(fileURLWithPath: SignatureEnvelope.path(forArtifact: path.path))
        if let signature { try signature.write(to: signaturePath) } else { try? FileManager.default.removeItem(at: signaturePath) }
    }
}

/// Releases built the way `regionc compile` builds them: `DescriptorCompiler.compile(directory:)` on
/// the shipped regions, or on an edited copy of them, so two good releases differ in real bytes.
enum ReleaseFixture {
    static let regions = TrustFixture.repository.appendingPathComponent("regions")

    static func compile(directory: URL) throws -> Data {
        let compilation = try DescriptorCompiler.compile(directory: directory.path)
        return try #require(try compilation.artifactBytes(), "\(compilation.diagnostics.map(\.message))")
    }

    /// The shipped regions, compiled.
    static func shipped() throws -> Data { try compile(directory: regions) }

    /// A copy of the shipped regions with one textual edit in one file, compiled.
    static func edited(_ file: String, replacing old: String, with new: String) throws -> Data {
        let workspace = try TrustFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let copy = workspace.appendingPathComponent("regions")
        try FileManager.default.copyItem(at: regions, to: copy)
        let url = copy.appendingPathComponent(file)
        let text = try String(contentsOf: url, encoding: .utf8)
        try #require(text.contains(old), "\(file) has no `\(old)`")
        try text.replacingOccurrences(of: old, with: new).write(to: url, atomically: true, encoding: .utf8)
        return try compile(directory: copy)
    }

    /// The US region paused: every US checkout is declined instead of routed.
    static func usPaused() throws -> Data {
        try edited("us.yaml", replacing: "availability:\n  status: live", with: "availability:\n  status: paused")
    }

    /// The US route moved to another acquirer.
    static func usViaSingapore() throws -> Data {
        try edited("us.yaml", replacing: "acquirer: antom-us", with: "acquirer: antom-sg")
    }

    /// A synthetic release of 249 regions (megabytes), whose judging takes far longer than the shipped one's.
    static func large() throws -> Data {
        let shard = try #require(CorpusGenerator(regionCount: 249, methodCount: 500, seed: 7).generate().first)
        let files = shard.map { SourceFile(name: $0.key, displayPath: $0.key, bytes: Array($0.value.utf8)) }
        let compilation = DescriptorCompiler.compile(files, directory: "corpus")
        return try #require(try compilation.artifactBytes(), "\(compilation.diagnostics.prefix(3).map(\.message))")
    }

    static func signature(_ artifact: Data, by key: SigningKey, serial: UInt64? = nil) throws -> Data {
        try key.sign(artifact: artifact, releaseSerial: serial).encoded()
    }

    /// One fixed checkout in the US.
    static func request() throws -> RouteRequest {
        try RequestParser.parse(region: "US", merchant: "shop_1", method: "ALIPAY_CN", amount: "25.00 USD",
                                at: "2026-12-01T15:00:00Z").get()
    }

    static func decision(_ artifact: Data) throws -> RouteDecision {
        try RouterLoader.load(data: artifact).route(request())
    }

    static func sourceDigest(_ artifact: Data) throws -> String {
        try RouterLoader.load(data: artifact).sourceDigest
    }
}

/// A store in a temporary directory, started on the shipped regions signed by the trusted `release` key.
struct Release {
    let directory: URL
    let path: URL
    let key: SigningKey
    let trust: TrustStore
    let good: Data
    let store: ConfigStore

    var state: String { directory.appendingPathComponent("state").path }
    var goodDigest: String { Digest.sha256Hex(good) }

    init(persist: Bool = false, policy: SignaturePolicy? = nil, serial: UInt64? = nil) throws {
        directory = try TrustFixture.temporaryDirectory()
        path = directory.appendingPathComponent("gateway-config.json")
        key = TrustFixture.key("release")
        trust = try TrustFixture.trust(key)
        good = try ReleaseFixture.shipped()
        try TrustFixture.release(good, signature: try ReleaseFixture.signature(good, by: key, serial: serial), to: path)
        store = try ConfigStore(artifactPath: path.path, policy: policy ?? .required(trust),
                                persistenceDirectory: persist ? directory.appendingPathComponent("state").path : nil)
    }

    func publish(_ artifact: Data, signedBy signer: SigningKey? = nil, serial: UInt64? = nil) throws {
        try TrustFixture.release(artifact, signature: try signer.map { try ReleaseFixture.signature(artifact, by: $0, serial: serial) },
                                 to: path)
    }

    /// The bytes `publish` would write, for `offer(_:)`.
    func bytes(_ artifact: Data, signedBy signer: SigningKey? = nil, serial: UInt64? = nil) throws -> ReleaseBytes {
        ReleaseBytes(artifact: artifact, signature: try signer.map { try ReleaseFixture.signature(artifact, by: $0, serial: serial) })
    }

    func cleanUp() { try? FileManager.default.removeItem(at: directory) }
}

extension ConfigStore {
    /// The router serving, for tests that started the store on a good release.
    func serving() throws -> Router { try #require(router, "the store serves nothing") }
}

/// Waiting for the watcher by its polls, not by the clock: with every suite running at once on two
/// cores (or under a sanitizer), a poll can wait seconds for a thread. Once the release is complete,
/// the watcher must have acted within `polls` further polls; the hour is only a guard against a hang.
enum Eventually {
    static func watcher(of store: ConfigStore, actsWithin polls: Int = 3, _ condition: () -> Bool) async throws -> Bool {
        let start = store.status.polls
        let hangGuard = ContinuousClock.now + .seconds(3600)
        while !condition(), store.status.polls < start + polls, ContinuousClock.now < hangGuard {
            try await Task.sleep(for: .milliseconds(5))
        }
        return condition()
    }
}
