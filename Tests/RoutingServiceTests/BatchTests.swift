import Foundation
import Hummingbird
import HummingbirdTesting
import PaymentRouting
@testable import RoutingService
import Testing

/// `/v1/route/batch` streams, line for line, the bytes `regionc route --batch` (`BatchReplay`) writes.
@Suite struct BatchTests {
    static func input(lines: Int) -> String {
        let cases = RouteTests.cases.map(\.body) + ["not json", "", #"{"region":"US","merchant":"m","method":"ALIPAY_CN","amount":"1.001 USD","at":"2026-12-01T15:00:00Z"}"#]
        return (0..<lines).map { cases[$0 % cases.count] }.joined(separator: "\n") + "\n"
    }

    @Test(arguments: [1, 11, 5_000]) func streamedLinesEqualTheCLIBatch(lines: Int) async throws {
        let harness = try ServiceFixture.harness()
        await harness.service.pollOnce()
        let input = Self.input(lines: lines)
        let router = try RouterLoader.load(data: try ServiceFixture.artifact())
        let expected = String(decoding: BatchReplay(router: router).replay(Array(input.utf8)[...], firstLine: 1).output, as: UTF8.self)
        try await harness.service.application().test(.router) { client async throws in
            let response = try await client.post("/v1/route/batch", input, contentType: "application/x-ndjson")
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/x-ndjson")
            #expect(response.text == expected)
            #expect(response.text.split(separator: "\n", omittingEmptySubsequences: false).count == expected.split(separator: "\n", omittingEmptySubsequences: false).count)
        }
    }

    @Test func explainAndALastLineWithoutNewline() async throws {
        let harness = try ServiceFixture.harness()
        await harness.service.pollOnce()
        let body = RouteTests.cases[0].body + "\n" + RouteTests.cases[5].body
        try await harness.service.application().test(.router) { client async throws in
            let response = try await client.post("/v1/route/batch?explain=true", body, contentType: "application/jsonl")
            let lines = response.text.split(separator: "\n").map(String.init)
            #expect(lines.count == 2)
            #expect(lines.allSatisfy { $0.contains("\"trace\":[") })
            #expect(response.text.hasSuffix("\n"))
        }
    }

    @Test func anOverlongLineIsReportedAndSkippedAndNumberingGoesOn() async throws {
        let harness = try ServiceFixture.harness()
        await harness.service.pollOnce()
        let long = "{\"merchant\":\"" + String(repeating: "x", count: RequestLineSplitter.maximumLineBytes) + "\"}"
        let body = [RouteTests.cases[0].body, long, RouteTests.cases[1].body].joined(separator: "\n") + "\n"
        try await harness.service.application().test(.router) { client async throws in
            let response = try await client.post("/v1/route/batch", body, contentType: "application/x-ndjson")
            let lines = response.text.split(separator: "\n").map(String.init)
            #expect(lines.count == 3)
            #expect(lines[0].contains("\"decision\":\"route\""))
            #expect(lines[1] == "{\"error\":\"line longer than 65536 bytes\",\"line\":2}")
            #expect(lines[2].contains("\"merchant\":\"blocked_1\""))
        }
    }
}
