import ArtifactTrust
import Foundation
import GatewayConfig
import Hummingbird
import HummingbirdTesting
import Logging
import PaymentRouting
import RoutingService
import TestSupport
import Testing

/// Services for the in-process tests, on releases compiled from the runtime's purpose-built fixture
/// regions (`RegionArtifacts.fixture()`), whose decisions `DecisionTableTests` pins, and signed by `key`.
enum ServiceFixture {
    static func artifact() throws -> Data { try RegionArtifacts.fixture() }

    /// The fixture regions with one textual edit, compiled: a second good release.
    static func edited(_ file: String, replacing old: String, with new: String) throws -> Data {
        try RegionArtifacts.edited(Repository.fixtureRegions, file, replacing: old, with: new)
    }

    static let key = ReleaseKeys.key("release-test")

    static func trust() throws -> TrustStore { try ReleaseKeys.trust(key) }

    static func signature(_ artifact: Data) throws -> Data { try ReleaseKeys.signature(artifact, by: key) }

    static func digest(_ data: Data) -> String { Digest.sha256Hex(data) }

    static func temporaryDirectory() throws -> URL { try TemporaryDirectory.make("regiond-test") }

    /// A service on a signed release file in a fresh directory (not yet polled: not ready).
    struct Harness {
        let service: RoutingService
        let directory: URL
        let releasePath: URL
        let logs: LogSink

        func publish(_ artifact: Data, signed: Bool = true) throws {
            try ReleaseFiles.publish(artifact, signature: signed ? try ServiceFixture.signature(artifact) : nil, to: releasePath)
        }
    }

    /// `configure` changes the configuration before the service is made (timeouts, a decision-log path);
    /// `clock` is the service's now (a `ManualClock`'s, to cross a scheduled step without waiting).
    static func harness(decisionLog: Bool = false, sample: Double = 1, stateDirectory: URL? = nil, publish: Bool = true,
                        artifact published: Data? = nil, clock: ServiceClock = .system,
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
        let harness = Harness(service: try RoutingService(configuration: configuration, logger: logger, clock: clock), directory: directory,
                              releasePath: releasePath, logs: logs)
        if publish { try harness.publish(try published ?? artifact()) }
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
