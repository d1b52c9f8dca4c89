import ArtifactTrust
import Foundation
import GatewayConfig
import PaymentRouting
import RegionCompiler
import RegionCorpus
import TestSupport
import Testing

/// Releases the store tests publish beyond the shipped one (`RegionArtifacts.shipped()`): edited copies of
/// the shipped regions, so two good releases differ in real bytes, and a large synthetic one.
enum ReleaseFixture {
    static func edited(_ file: String, replacing old: String, with new: String) throws -> Data {
        try RegionArtifacts.edited(Repository.regions, file, replacing: old, with: new)
    }

    /// The US region paused: every US checkout is declined instead of routed.
    static func usPaused() throws -> Data {
        try edited("us.yaml", replacing: "availability:\n  status: live", with: "availability:\n  status: paused")
    }

    /// The US route moved to another acquirer: antom-sg first, antom-us its fallback.
    static func usViaSingapore() throws -> Data {
        try edited("us.yaml", replacing: "acquirer: antom-us          # catch-all: the only route\n    fallback: [antom-sg]",
                   with: "acquirer: antom-sg\n    fallback: [antom-us]")
    }

    /// A synthetic release of 249 regions (megabytes), whose judging takes far longer than the shipped one's.
    static func large() throws -> Data {
        let shard = try #require(CorpusGenerator(regionCount: 249, methodCount: 500, seed: 7).generate().first)
        let files = shard.map { SourceFile(name: $0.key, displayPath: $0.key, bytes: Array($0.value.utf8)) }
        let compilation = DescriptorCompiler.compile(files, directory: "corpus")
        return try #require(try compilation.artifactBytes(), "\(compilation.diagnostics.prefix(3).map(\.message))")
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
        directory = try TemporaryDirectory.make("store")
        path = directory.appendingPathComponent("gateway-config.json")
        key = ReleaseKeys.key("release")
        trust = try ReleaseKeys.trust(key)
        good = try RegionArtifacts.shipped()
        try ReleaseFiles.publish(good, signature: try ReleaseKeys.signature(good, by: key, serial: serial), to: path)
        store = try ConfigStore(artifactPath: path.path, policy: policy ?? .required(trust),
                                persistenceDirectory: persist ? directory.appendingPathComponent("state").path : nil)
    }

    func publish(_ artifact: Data, signedBy signer: SigningKey? = nil, serial: UInt64? = nil) throws {
        try ReleaseFiles.publish(artifact, signature: try signer.map { try ReleaseKeys.signature(artifact, by: $0, serial: serial) },
                                 to: path)
    }

    /// The bytes `publish` would write, for `offer(_:)`.
    func bytes(_ artifact: Data, signedBy signer: SigningKey? = nil, serial: UInt64? = nil) throws -> ReleaseBytes {
        ReleaseBytes(artifact: artifact, signature: try signer.map { try ReleaseKeys.signature(artifact, by: $0, serial: serial) })
    }

    func cleanUp() { TemporaryDirectory.remove(directory) }
}

extension ConfigStore {
    /// The router serving, for tests that started the store on a good release.
    func serving() throws -> CheckoutRouter { try #require(router, "the store serves nothing") }
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
