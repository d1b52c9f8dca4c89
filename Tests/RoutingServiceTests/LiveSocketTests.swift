import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import RoutingService
import Testing

/// The same application over a real socket: the first log line is "listening on", and answers
/// (including a problem) cross the wire intact.
@Suite struct LiveSocketTests {
    @Test func firstLogLineSaysWhereItListensAndAnswersCrossTheWire() async throws {
        let harness = try ServiceFixture.harness()
        try await harness.service.application().test(.live) { client async throws in
            let port = try #require(client.port)
            let first = try #require(harness.logs.captured.first)
            #expect(first.contains("\"msg\":\"listening on http://127.0.0.1:\(port)\""), "\(first)")
            await harness.service.pollOnce()
            let answer = try await client.post("/v1/route", RouteTests.cases[0].body)
            #expect(answer.status == .ok)
            #expect(try answer.object()["decision"] as? String == "route")
            let problem = try await client.post("/v1/route", "{", contentType: "application/json")
            #expect(problem.status == .badRequest && problem.headers[.contentType] == "application/problem+json")
        }
        #expect(harness.logs.captured.dropFirst().contains { $0.contains("\"msg\":\"release loaded\"") })
    }

    @Test func unsignedReleasesAreAnnouncedLoudly() async throws {
        let logs = LogSink.capturing()
        let directory = try ServiceFixture.temporaryDirectory()
        let configuration = ServiceConfiguration(source: .file(directory.appendingPathComponent("none.json").path),
                                                 policy: .allowUnsigned, port: 0)
        let service = try RoutingService(configuration: configuration,
                                         logger: Logger(label: "test") { label in JSONLineLogHandler(label: label, sink: logs) })
        try await service.application().test(.live) { client async throws in
            #expect(try await client.get("/healthz").status == .ok)
        }
        let lines = logs.captured
        #expect(lines.first?.contains("listening on") == true)
        #expect(lines.contains { $0.contains("\"level\":\"warning\"") && $0.contains("UNSIGNED RELEASES ACCEPTED") })
    }
}
