import Foundation
import GatewayConfig
import Hummingbird
import HummingbirdTesting
import PaymentRouting
import RoutingService
import Testing

/// `/v1/route` answers the object `regionc route --format json` prints, plus `config_digest`.
@Suite struct RouteTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var region, merchant, method, amount, at: String
        var testDescription: String { "\(region) \(merchant) \(method) \(amount) \(at)" }
        var body: String {
            #"{"region":"\#(region)","merchant":"\#(merchant)","method":"\#(method)","amount":"\#(amount)","at":"\#(at)"}"#
        }
    }

    /// Routed and declined checkouts over the fixture regions, with every decline reason they can show.
    static let cases: [Case] = [
        Case(region: "US", merchant: "shop_1", method: "ALIPAY_CN", amount: "120.50 USD", at: "2026-12-01T15:00:00Z"),
        Case(region: "US", merchant: "blocked_1", method: "ALIPAY_CN", amount: "120.50 USD", at: "2026-12-01T15:00:00Z"),
        Case(region: "US", merchant: "shop_1", method: "ALIPAY_CN", amount: "0.99 USD", at: "2026-12-01T15:00:00Z"),
        Case(region: "US", merchant: "shop_1", method: "ALIPAY_CN", amount: "10000.01 USD", at: "2026-12-01T15:00:00Z"),
        Case(region: "US", merchant: "shop_1", method: "ALIPAY_CN", amount: "10.00 HKD", at: "2026-12-01T15:00:00Z"),
        Case(region: "US", merchant: "shop_1", method: "KAKAOPAY", amount: "10.00 USD", at: "2026-12-01T15:00:00Z"),
        Case(region: "ZZ", merchant: "shop_1", method: "ALIPAY_CN", amount: "10.00 USD", at: "2026-12-01T15:00:00Z"),
        Case(region: "HK", merchant: "shop_1", method: "ALIPAY_HK", amount: "120.50 HKD", at: "2026-12-01T10:00:00Z"),
    ]

    @Test(arguments: cases) func answerIsTheCLIObjectPlusTheConfigDigest(_ testCase: Case) async throws {
        let harness = try ServiceFixture.harness()
        await harness.service.pollOnce()
        let artifact = try ServiceFixture.artifact()
        let router = try RouterLoader.load(data: artifact)
        let request = try RequestParser.parse(region: testCase.region, merchant: testCase.merchant, method: testCase.method,
                                              amount: testCase.amount, at: testCase.at).get()
        var expectedObject = try #require(try JSONSerialization.jsonObject(
            with: Data(DecisionReport(request: request, decision: router.route(request)).jsonLine().utf8)) as? [String: Any])
        expectedObject["config_digest"] = ServiceFixture.digest(artifact)
        let expected = try Self.sortedJSON(expectedObject)

        try await harness.service.application().test(.router) { client async throws in
            let response = try await client.post("/v1/route", testCase.body)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/json")
            #expect(try Self.sortedJSON(try response.object()) == expected)
        }
    }

    static func sortedJSON(_ object: [String: Any]) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]),
               as: UTF8.self)
    }

    @Test func explainAddsTheChecksMade() async throws {
        let harness = try ServiceFixture.harness()
        await harness.service.pollOnce()
        try await harness.service.application().test(.router) { client async throws in
            let body = #"{"region":"US","merchant":"shop_1","method":"KAKAOPAY","amount":"10.00 USD","at":"2026-12-01T15:00:00Z"}"#
            let plain = try await client.post("/v1/route", body).object()
            #expect(plain["explain"] == nil)
            let explained = try await client.post("/v1/route?explain=true", body).object()
            #expect(explained["reason"] as? String == "METHOD_NOT_OFFERED")
            let steps = try #require(explained["explain"] as? [[String: Any]])
            #expect(!steps.isEmpty)
            #expect(steps.allSatisfy { $0["check"] is String && $0["passed"] is Bool && $0["detail"] is String && $0["source"] is String })
            // The failing check is the last one made, and it is the method's.
            #expect(steps.last?["passed"] as? Bool == false)
            #expect((steps.last?["source"] as? String)?.contains("us.yaml") == true)
        }
    }

    @Test func missingInstantMeansNow() async throws {
        let harness = try ServiceFixture.harness()
        await harness.service.pollOnce()
        try await harness.service.application().test(.router) { client async throws in
            let before = Int64(Date().timeIntervalSince1970)
            let answer = try await client.post("/v1/route", #"{"region":"US","merchant":"shop_1","method":"ALIPAY_CN","amount":"10.00 USD"}"#)
                .object()
            let after = Int64(Date().timeIntervalSince1970)
            let text = try #require(answer["at"] as? String)
            let at = try #require(Instant(text))
            #expect((before...after).contains(at.secondsSinceEpoch))
        }
    }

    @Test func decisionLogHasOneSortedLinePerDecision() async throws {
        let harness = try ServiceFixture.harness(decisionLog: true)
        await harness.service.pollOnce()
        let digest = ServiceFixture.digest(try ServiceFixture.artifact())
        try await harness.service.application().test(.router) { client async throws in
            for testCase in Self.cases {
                #expect(try await client.post("/v1/route", testCase.body).status == .ok)
            }
            #expect(try await client.post("/v1/route", "{broken").status == .badRequest)
        }
        // The log is written off the request path: its queue is written out before the file is read.
        await harness.service.finishDecisionLog()
        let text = try String(contentsOf: harness.directory.appendingPathComponent("decisions.jsonl"), encoding: .utf8)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.count == Self.cases.count)
        let router = try RouterLoader.load(data: try ServiceFixture.artifact())
        for (line, testCase) in zip(lines, Self.cases) {
            let request = try RequestParser.parse(region: testCase.region, merchant: testCase.merchant, method: testCase.method,
                                                  amount: testCase.amount, at: testCase.at).get()
            let decision = DecisionReport(request: request, decision: router.route(request)).jsonLine()
            let prefix = #"{"config_digest":"\#(digest)","decision":\#(decision),"logged_at":""#
            #expect(line.hasPrefix(prefix), "\(line)")
            let request_ = #","request":{"amount":"\#(testCase.amount)","at":"\#(testCase.at)","merchant":"\#(testCase.merchant)","#
                + #""method":"\#(testCase.method)","region":"\#(testCase.region)"}}"#
            #expect(line.hasSuffix(request_), "\(line)")
            // Keys sorted, as JSONSerialization with .sortedKeys writes them.
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let sorted = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
            #expect(String(decoding: sorted, as: UTF8.self) == line)
            let loggedAt = try #require(object["logged_at"] as? String)
            #expect(Instant(loggedAt) != nil)
        }
    }

    @Test(arguments: [(0.0, 0...0), (1.0, 200...200), (0.5, 40...160)])
    func decisionLogSamples(rate: Double, expected: ClosedRange<Int>) async throws {
        let harness = try ServiceFixture.harness(decisionLog: true, sample: rate)
        await harness.service.pollOnce()
        try await harness.service.application().test(.router) { client async throws in
            for _ in 0..<200 { #expect(try await client.post("/v1/route", Self.cases[0].body).status == .ok) }
        }
        await harness.service.finishDecisionLog()
        let text = try String(contentsOf: harness.directory.appendingPathComponent("decisions.jsonl"), encoding: .utf8)
        // 0.5 of 200: the bounds are 8.5 standard deviations out, so the test fails only on a broken sampler.
        #expect(expected.contains(text.split(separator: "\n").count))
    }
}
