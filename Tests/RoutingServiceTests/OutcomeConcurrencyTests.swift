import Foundation
import Hummingbird
import HummingbirdTesting
@testable import RoutingService
import Testing

/// Many tasks report outcomes while others route: no outcome is lost (the window's counts and the
/// metrics add up to what was sent) and every decision is counted.
@Suite struct OutcomeConcurrencyTests {
    static let reporters = 8
    static let reportsPerTask = 40
    static let linesPerReport = 5
    static let routers = 4
    static let routesPerTask = 50

    @Test func concurrentReportsAndDecisionsLoseNoCount() async throws {
        let harness = try ServiceFixture.harness()
        await harness.service.pollOnce()
        try await harness.service.application().test(.router) { client async throws in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for reporter in 0..<Self.reporters {
                    group.addTask {
                        for report in 0..<Self.reportsPerTask {
                            // Successes and declines never eject, so every outcome lands in the window.
                            let outcome = (reporter + report) % 2 == 0 ? "success" : "decline"
                            let line = FailoverFixture.outcome("antom-us", outcome)
                            let body = Array(repeating: line, count: Self.linesPerReport).joined(separator: "\n")
                            let response = try await client.post("/v1/outcomes", body, contentType: "application/x-ndjson")
                            #expect(response.text == #"{"accepted":\#(Self.linesPerReport)}"#)
                        }
                    }
                }
                for _ in 0..<Self.routers {
                    group.addTask {
                        for _ in 0..<Self.routesPerTask {
                            let response = try await client.post("/v1/route", RouteTests.cases[0].body)
                            #expect(response.status == .ok)
                        }
                    }
                }
                try await group.waitForAll()
            }
            let sent = Self.reporters * Self.reportsPerTask * Self.linesPerReport
            let us = try OutcomeTests.acquirer(try await client.get("/v1/acquirers").object(), "antom-us")
            let window = try #require(us["window"] as? [String: Int])
            #expect((window["successes"] ?? 0) + (window["declines"] ?? 0) == sent, "\(window)")
            #expect(window["successes"] == sent / 2)
            let metrics = try await client.get("/metrics").text
            let counted = ["success", "decline"].compactMap {
                MetricsTests.value(metrics, #"regiond_acquirer_outcomes_total{acquirer="antom-us",outcome="\#($0)"}"#)
            }
            #expect(counted == [Double(sent / 2), Double(sent / 2)])
            #expect(MetricsTests.value(metrics, #"regiond_decisions_total{region="US",decision="route",reason="none"}"#)
                    == Double(Self.routers * Self.routesPerTask))
        }
    }
}
