import Foundation
import GatewayConfig
import Hummingbird
import HummingbirdTesting
import PaymentRouting
@testable import RoutingService
import Testing

/// `POST /v1/outcomes` and `GET /v1/acquirers`: outcomes eject the primary, `/v1/route` and
/// `/v1/route/batch` fail over to the fallback (counted), the ejection is logged, shown and
/// measured, and the primary comes back when it ends.
@Suite struct OutcomeTests {
    static func acquirer(_ answer: [String: Any], _ id: String) throws -> [String: Any] {
        let list = try #require(answer["acquirers"] as? [[String: Any]])
        return try #require(list.first { $0["acquirer"] as? String == id }, "\(list)")
    }

    @Test func failuresEjectThePrimaryUntilTheEjectionEnds() async throws {
        let harness = try ServiceFixture.harness(artifact: try FailoverFixture.artifact())
        await harness.service.pollOnce()
        let now = FailoverFixture.now()
        let route = FailoverFixture.route(at: now)
        let failure = FailoverFixture.outcome("antom-hk", "failure", at: now)
        try await harness.service.application().test(.router) { client async throws in
            // Two failures in a row: under the policy's three.
            let two = try await client.post("/v1/outcomes", failure + "\n" + failure + "\n", contentType: "application/x-ndjson")
            #expect(two.status == .ok)
            #expect(two.text == #"{"accepted":2}"#)
            var decision = try await client.post("/v1/route", route).object()
            #expect(decision["acquirer"] as? String == "antom-hk")
            #expect(decision["fallbacks"] as? [String] == ["antom-sg"])
            #expect(decision["failover"] == nil)

            #expect(try await client.post("/v1/outcomes", failure).text == #"{"accepted":1}"#)
            decision = try await client.post("/v1/route", route).object()
            #expect(decision["acquirer"] as? String == "antom-sg")
            #expect(decision["fallbacks"] as? [String] == [])
            #expect(decision["failover"] as? [String: String] == ["from": "antom-hk", "reason": "EJECTED"])
            let batch = try await client.post("/v1/route/batch", route + "\n" + route + "\n", contentType: "application/x-ndjson")
            #expect(batch.text.split(separator: "\n").allSatisfy { $0.contains(#""acquirer":"antom-sg""#) && $0.contains(#""failover":{"#) })
            // A decision at the ejection's end takes the primary again.
            let later = try await client.post("/v1/route", FailoverFixture.route(at: FailoverFixture.instant(now, plus: FailoverFixture.ejectionSeconds))).object()
            #expect(later["acquirer"] as? String == "antom-hk")

            let acquirers = try await client.get("/v1/acquirers").object()
            let hk = try Self.acquirer(acquirers, "antom-hk")
            #expect(hk["state"] as? String == "ejected")
            #expect(hk["ejected_until"] as? String == FailoverFixture.instant(now, plus: FailoverFixture.ejectionSeconds).description)
            #expect(hk["ejections"] as? Int == 1)
            #expect(hk["consecutive_failures"] as? Int == 0)
            #expect(hk["window"] as? [String: Int] == ["seconds": 3600, "successes": 0, "failures": 3, "declines": 0])
            #expect((hk["policy"] as? [String: Int])?["consecutive_failures"] == 3)
            let sg = try Self.acquirer(acquirers, "antom-sg")
            #expect(sg["state"] as? String == "healthy")
            #expect(sg["ejected_until"] is NSNull && sg["policy"] is NSNull)
            #expect(acquirers["config_digest"] as? String == ServiceFixture.digest(try FailoverFixture.artifact()))

            let ejected = harness.logs.captured.filter { $0.contains(#""msg":"acquirer ejected""#) }
            #expect(ejected.count == 1)
            for field in [#""acquirer":"antom-hk""#, #""rule":"consecutive_failures""#, #""seconds":"3600""#, #""failures":"3""#,
                          #""until":"\#(FailoverFixture.instant(now, plus: FailoverFixture.ejectionSeconds))""#] {
                #expect(ejected.first?.contains(field) == true, "\(field) in \(ejected)")
            }
            var metrics = try await client.get("/metrics").text
            for (series, value) in [(#"regiond_acquirer_outcomes_total{acquirer="antom-hk",outcome="failure"}"#, 3.0),
                                    (#"regiond_acquirer_ejections_total{acquirer="antom-hk"}"#, 1),
                                    (#"regiond_acquirer_ejected{acquirer="antom-hk"}"#, 1),
                                    (#"regiond_failovers_total{region="HK",from="antom-hk",to="antom-sg"}"#, 3)] {
                #expect(MetricsTests.value(metrics, series) == value, "\(series) in\n\(metrics)")
            }

            // The sweep at the ejection's end tells the return; the series and the answer follow.
            harness.service.sweep(at: Date(timeIntervalSince1970: TimeInterval(now.secondsSinceEpoch + FailoverFixture.ejectionSeconds)))
            #expect(harness.logs.captured.contains { $0.contains(#""msg":"acquirer returned""#) && $0.contains("antom-hk") })
            metrics = try await client.get("/metrics").text
            #expect(MetricsTests.value(metrics, #"regiond_acquirer_ejected{acquirer="antom-hk"}"#) == 0)
            #expect(MetricsTests.value(metrics, #"regiond_acquirer_ejected{acquirer="antom-sg"}"#) == 0)
            #expect(MetricsTests.value(metrics, #"regiond_acquirer_outcomes_total{acquirer="antom-sg",outcome="decline"}"#) == 0)
            let back = try Self.acquirer(try await client.get("/v1/acquirers").object(), "antom-hk")
            #expect(back["state"] as? String == "healthy" && back["ejected_until"] is NSNull && back["ejections"] as? Int == 1)
            #expect(try await client.post("/v1/route", route).object()["acquirer"] as? String == "antom-hk")
        }
    }

    @Test func outcomesAreCountedInTheWindowAndTheMetrics() async throws {
        let harness = try ServiceFixture.harness()
        await harness.service.pollOnce()
        try await harness.service.application().test(.router) { client async throws in
            let lines = [FailoverFixture.outcome("antom-us", "success"), "", FailoverFixture.outcome("antom-us", "decline"),
                         #"{"acquirer":"antom-kr","outcome":"failure","region":"KR"}"#]
            let answer = try await client.post("/v1/outcomes", lines.joined(separator: "\r\n"), contentType: "application/jsonl")
            #expect(answer.status == .ok && answer.text == #"{"accepted":3}"#)
            #expect(answer.headers[DecisionHandlers.configDigestHeader] == ServiceFixture.digest(try ServiceFixture.artifact()))
            #expect(try await client.post("/v1/outcomes", "", contentType: "application/x-ndjson").text == #"{"accepted":0}"#)
            let acquirers = try await client.get("/v1/acquirers").object()
            #expect(try Self.acquirer(acquirers, "antom-us")["window"] as? [String: Int]
                    == ["seconds": 60, "successes": 1, "failures": 0, "declines": 1])
            // No policy applies: counted, never ejected.
            let kr = try Self.acquirer(acquirers, "antom-kr")
            #expect(kr["state"] as? String == "healthy" && kr["policy"] is NSNull)
            #expect((kr["window"] as? [String: Int])?["failures"] == 1)
            let listed = try #require(acquirers["acquirers"] as? [[String: Any]]).compactMap { $0["acquirer"] as? String }
            #expect(listed == listed.sorted() && listed.contains("antom-sg"))
            let metrics = try await client.get("/metrics").text
            #expect(MetricsTests.value(metrics, #"regiond_acquirer_outcomes_total{acquirer="antom-us",outcome="decline"}"#) == 1)
            #expect(MetricsTests.value(metrics, #"regiond_acquirer_outcomes_total{acquirer="antom-kr",outcome="failure"}"#) == 1)
        }
    }

    /// A body with one bad line records none of its lines: sent again once fixed, nothing counts twice.
    @Test func aBadLineRecordsNothing() async throws {
        let harness = try ServiceFixture.harness()
        await harness.service.pollOnce()
        try await harness.service.application().test(.router) { client async throws in
            let good = FailoverFixture.outcome("antom-us", "failure")
            let response = try await client.post("/v1/outcomes", [good, good, FailoverFixture.outcome("antom-uz", "failure")]
                .joined(separator: "\n"), contentType: "application/x-ndjson")
            #expect(response.status == .badRequest)
            let problem = try response.object()
            #expect(problem["line"] as? Int == 3 && problem["field"] as? String == "acquirer")
            #expect((problem["detail"] as? String)?.hasPrefix("line 3: `antom-uz` is not an acquirer of the served release's catalog (antom-") == true)
            let us = try Self.acquirer(try await client.get("/v1/acquirers").object(), "antom-us")
            #expect((us["window"] as? [String: Int])?["failures"] == 0)
            #expect(!(try await client.get("/metrics").text).contains(#"regiond_acquirer_outcomes_total{acquirer="antom-us",outcome="failure"} 1"#))
        }
    }

    /// An outcome from more than the clock skew ahead would eject long after the acquirer recovered.
    @Test func anOutcomeFromTheFutureIsRefused() async throws {
        let harness = try ServiceFixture.harness()
        await harness.service.pollOnce()
        try await harness.service.application().test(.router) { client async throws in
            let now = FailoverFixture.now()
            let soon = try await client.post("/v1/outcomes", FailoverFixture.outcome("antom-us", "success", at: FailoverFixture.instant(now, plus: 30)))
            #expect(soon.status == .ok)
            let later = try await client.post("/v1/outcomes", FailoverFixture.outcome("antom-us", "success", at: FailoverFixture.instant(now, plus: 600)))
            #expect(later.status == .badRequest)
            #expect(try later.object()["field"] as? String == "at")
        }
    }
}
