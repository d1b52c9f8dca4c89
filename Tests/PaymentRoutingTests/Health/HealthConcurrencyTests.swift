import GatewayConfig
@testable import PaymentRouting
import Testing

/// Many tasks reporting outcomes while others route through the same tracker: no count is lost,
/// and every decision is one a serial router would make with the acquirer either up or down.
/// (Run under `-sanitize=thread` by scripts/tsan.sh.)
@Suite struct HealthConcurrencyTests {
    @Test func concurrentOutcomesAreAllCountedWhileRoutersDecide() async throws {
        let tracker = HealthTracker()
        // No policy: outcomes are counted and never eject, so the totals are exact.
        let router = try CheckoutRouter(artifact: try FailoverDecisionTests.artifact(), health: tracker)
        let request = try FailoverDecisionTests.request()
        let instant = request.at
        let reporters = 8, perReporter = 5_000
        let outcomes: [AcquirerOutcome] = [.success, .failure, .decline]
        let unexpected = await withTaskGroup(of: Int.self) { group in
            for reporter in 0..<reporters {
                group.addTask {
                    for index in 0..<perReporter {
                        _ = tracker.record(outcomes[(reporter + index) % 3], for: "antom-hk", at: instant)
                    }
                    return 0
                }
            }
            for _ in 0..<4 {
                group.addTask {
                    var wrong = 0
                    for _ in 0..<5_000 where router.route(request).routed?.acquirer != "antom-hk" { wrong += 1 }
                    return wrong
                }
            }
            return await group.reduce(0, +)
        }
        #expect(unexpected == 0)
        let status = try #require(tracker.status(of: "antom-hk", at: instant))
        #expect(status.successes + status.failures + status.declines == reporters * perReporter)
        #expect([status.successes, status.failures, status.declines].allSatisfy { abs($0 - reporters * perReporter / 3) <= reporters })
    }

    @Test func ejectionsUnderConcurrentFailuresAreWholeAndDecisionsSeeThem() async throws {
        let tracker = HealthTracker()
        let policy = HealthPolicyArtifact(consecutiveFailures: 10, failureRate: 0, minOutcomes: 1, windowSeconds: 60,
                                          ejectionSeconds: 60, maxEjectionSeconds: 600)
        let router = try CheckoutRouter(artifact: try FailoverDecisionTests.artifact(policy: policy), health: tracker)
        let request = try FailoverDecisionTests.request()
        let ejections = await withTaskGroup(of: Int.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    var seen = 0
                    for _ in 0..<1_000 {
                        let changes = tracker.record(.failure, for: "antom-hk", at: request.at) ?? []
                        seen += changes.count { if case .ejected = $0.kind { true } else { false } }
                    }
                    return seen
                }
            }
            return await group.reduce(0, +)
        }
        // The first 10 failures eject for 60 s; the rest arrive during the ejection and are not signals.
        #expect(ejections == 1)
        #expect(tracker.status(of: "antom-hk", at: request.at)?.ejections == 1)
        #expect(router.route(request).routed?.acquirer == "antom-sg")
    }
}
