import ArtifactTrust
import Crypto
import Foundation
import GatewayConfig
import Hummingbird
import HummingbirdTesting
import Logging
import PaymentRouting
import RegionCompiler
import RoutingService
import Testing

/// Releases, keys and services for the in-process tests. Releases are compiled from the runtime's
/// purpose-built fixture regions (`Tests/PaymentRoutingTests/Fixtures/regions`), whose decisions
/// `DecisionTableTests` pins.
enum ServiceFixture {
    static let regions = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("PaymentRoutingTests/Fixtures/regions")

    /// The fixture regions compiled once per test process.
    static let release: Data? = try? compile(regions)

    static func compile(_ directory: URL) throws -> Data {
        let compilation = try DescriptorCompiler.compile(directory: directory.path)
        return try #require(try compilation.artifactBytes(), "\(compilation.diagnostics.map(\.message))")
    }

    static func artifact() throws -> Data { try #require(release) }

    /// The fixture regions with one textual edit, compiled: a second good release.
    static func edited(_ file: String, replacing old: String, with new: String) throws -> Data {
        let workspace = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let copy = workspace.appendingPathComponent("regions")
        try FileManager.default.copyItem(at: regions, to: copy)
        let url = copy.appendingPathComponent(file)
        let text = try String(contentsOf: url, encoding: .utf8)
        try #require(text.contains(old), "\(file) has no `\(old)`")
        try text.replacingOccurrences(of: old, with: new).write(to: url, atomically: true, encoding: .utf8)
        return try compile(copy)
    }

    static let key = SigningKey(id: "release-test", key: Curve25519.Signing.PrivateKey())

    static func trust() throws -> TrustStore {
        var store = TrustStore()
        store.trust(try key.publicKey(), id: key.id)
        return store
    }

    static func signature(_ artifact: Data) throws -> Data { try key.sign(artifact: artifact).encoded() }

    static func digest(_ data: Data) -> String { Digest.sha256Hex(data) }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("regiond-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes an artifact and (optionally) its signature where a release would be.
    static func publish(_ artifact: Data, signature: Data?, to path: URL) throws {
        try artifact.write(to: path)
        let signaturePath = URL(fileURLWithPath: SignatureEnvelope.path(forArtifact: path.path))
        if let signature { try signature.write(to: signaturePath) } else { try? FileManager.default.removeItem(at: signaturePath) }
    }

    /// A service on a signed release file in a fresh directory (not yet polled: not ready).
    struct Harness {
        let service: RoutingService
        let directory: URL
        let releasePath: URL
        let logs: LogSink

        func publish(_ artifact: Data, signed: Bool = true) throws {
            try ServiceFixture.publish(artifact, signature: signed ? try ServiceFixture.signature(artifact) : nil, to: releasePath)
        }
    }

    /// `configure` changes the configuration before the service is made (timeouts, a decision-log path).
    static func harness(decisionLog: Bool = false, sample: Double = 1, stateDirectory: URL? = nil, publish: Bool = true,
                        configure: (inout ServiceConfiguration) -> Void = { _ in }) throws -> Harness {
        let directory = try temporaryDirectory()
        let releasePath = directory.appendingPathComponent("gateway-config.json")
        let logs = LogSink.capturing()
        let logger = Logger(label: "regiond-test") { label in JSONLineLogHandler(label: label, sink: logs) }
        var configuration = ServiceConfiguration(
            source: .file(releasePath.path), policy: .required(try trust()),
            stateDirectory: (stateDirectory ?? directory.appendingPathComponent("state")).path, port: 0,
            decisionLogPath: decisionLog ? directory.appendingPathComponent("decisions.jsonl").path : nil,
            decisionLogSampleRate: sample)
        configure(&configuration)
        let harness = Harness(service: try RoutingService(configuration: configuration, logger: logger), directory: directory,
                              releasePath: releasePath, logs: logs)
        if publish { try harness.publish(try artifact()) }
        return harness
    }
}

extension TestClientProtocol {
    /// POSTs `body` with a content type.
    func post(_ uri: String, _ body: String, contentType: String? = "application/json") async throws -> TestResponse {
        var headers = HTTPFields()
        if let contentType { headers[.contentType] = contentType }
        return try await execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body))
    }

    func get(_ uri: String) async throws -> TestResponse { try await execute(uri: uri, method: .get) }
}

extension TestResponse {
    var text: String { String(buffer: body) }

    /// The body as a JSON object.
    func object() throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "\(text)")
    }
}
