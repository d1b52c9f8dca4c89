import Foundation
import Hummingbird
import HummingbirdTesting
import RoutingService
import Testing

/// `/metrics` counts decisions per region, decision and reason, reloads per result, requests per path and status.
@Suite struct MetricsTests {
    /// The value of the series `name{labels}` in Prometheus text, or nil when absent.
    static func value(_ text: String, _ series: String) -> Double? {
        for line in text.split(separator: "\n") where line.hasPrefix(series + " ") {
            return Double(line.dropFirst(series.count + 1))
        }
        return nil
    }

    @Test func decisionsAreCountedPerRegionDecisionAndReason() async throws {
        let harness = try ServiceFixture.harness()
        await harness.service.pollOnce()
        let artifact = try ServiceFixture.artifact()
        try await harness.service.application().test(.router) { client async throws in
            // RouteTests.cases: 0 routes in US, 1-5 decline in US, 6 is an unknown region, 7 routes in HK.
            for testCase in RouteTests.cases + [RouteTests.cases[0], RouteTests.cases[2]] {
                #expect(try await client.post("/v1/route", testCase.body).status == .ok)
            }
            #expect(try await client.post("/v1/route", "{").status == .badRequest)
            #expect(try await client.get("/nowhere").status == .notFound)
            let text = try await client.get("/metrics").text
            let expected: [(String, Double)] = [
                (#"regiond_decisions_total{region="US",decision="route",reason="none"}"#, 2),
                (#"regiond_decisions_total{region="US",decision="decline",reason="NOT_IN_ROLLOUT"}"#, 1),
                (#"regiond_decisions_total{region="US",decision="decline",reason="AMOUNT_BELOW_MIN"}"#, 2),
                (#"regiond_decisions_total{region="US",decision="decline",reason="AMOUNT_ABOVE_MAX"}"#, 1),
                (#"regiond_decisions_total{region="US",decision="decline",reason="CURRENCY_NOT_SUPPORTED"}"#, 1),
                (#"regiond_decisions_total{region="US",decision="decline",reason="METHOD_NOT_OFFERED"}"#, 1),
                (#"regiond_decisions_total{region="unknown",decision="decline",reason="UNKNOWN_REGION"}"#, 1),
                (#"regiond_decision_duration_seconds_count"#, 10),
                (#"regiond_config_reloads_total{result="ok"}"#, 1),
                (#"regiond_config_reloads_total{result="rejected"}"#, 0),
                (#"regiond_config_reloads_total{result="unreachable"}"#, 0),
                (#"regiond_http_requests_total{path="/v1/route",status="200"}"#, 10),
                (#"regiond_http_requests_total{path="/v1/route",status="400"}"#, 1),
                (#"regiond_http_requests_total{path="other",status="404"}"#, 1),
                (#"regiond_config_info{source_digest="\#(try ServiceFixture.sourceDigest(artifact))",key_id="release-test"}"#, 1),
            ]
            for (series, count) in expected {
                #expect(Self.value(text, series) == count, "\(series) in\n\(text)")
            }
            #expect(text.contains("# TYPE regiond_decision_duration_seconds histogram"))
        }
    }
}

extension ServiceFixture {
    static func sourceDigest(_ artifact: Data) throws -> String {
        let object = try #require(try JSONSerialization.jsonObject(with: artifact) as? [String: Any])
        return try #require(object["source_digest"] as? String)
    }
}
