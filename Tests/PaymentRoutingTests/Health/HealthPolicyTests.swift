import GatewayConfig
@testable import PaymentRouting
import Testing

/// Each rule of the health policy, on outcomes at given seconds (the clock is the outcomes' own
/// instants: nothing sleeps). After the outcomes, a decision at each `ejectedAt` second must skip
/// the acquirer and one at each `healthyAt` second must take it.
@Suite struct HealthPolicyTests {
    struct Case: Sendable, CustomStringConvertible {
        let description: String
        let policy: HealthPolicyArtifact?
        let outcomes: [(second: Int64, outcome: AcquirerOutcome)]
        let ejectedAt: [Int64]
        let healthyAt: [Int64]
        let ejections: Int
    }

    static func policy(consecutive: Int = 100, rate: Int = 0, minimum: Int = 1, window: Int64 = 60,
                       ejection: Int64 = 30, maxEjection: Int64 = 300) -> HealthPolicyArtifact {
        HealthPolicyArtifact(consecutiveFailures: consecutive, failureRate: rate, minOutcomes: minimum, windowSeconds: window,
                             ejectionSeconds: ejection, maxEjectionSeconds: maxEjection)
    }

    static func at(_ pairs: (Int64, AcquirerOutcome)...) -> [(second: Int64, outcome: AcquirerOutcome)] {
        pairs.map { (second: $0.0, outcome: $0.1) }
    }

    static let cases: [Case] = [
        Case(description: "3 failures in a row eject for 30 s from the third",
             policy: policy(consecutive: 3), outcomes: at((0, .failure), (1, .failure), (2, .failure)),
             ejectedAt: [2, 31], healthyAt: [32], ejections: 1),
        Case(description: "2 failures in a row do not",
             policy: policy(consecutive: 3), outcomes: at((0, .failure), (1, .failure)),
             ejectedAt: [], healthyAt: [1, 2], ejections: 0),
        Case(description: "a success breaks the run",
             policy: policy(consecutive: 3), outcomes: at((0, .failure), (1, .failure), (2, .success), (3, .failure), (4, .failure)),
             ejectedAt: [], healthyAt: [4], ejections: 0),
        Case(description: "a decline neither breaks the run nor counts in it",
             policy: policy(consecutive: 3), outcomes: at((0, .failure), (1, .failure), (2, .decline), (3, .decline), (4, .failure)),
             ejectedAt: [4], healthyAt: [34], ejections: 1),
        Case(description: "failures reaching the rate over the minimum count eject",
             policy: policy(rate: 50, minimum: 4), outcomes: at((0, .success), (1, .failure), (2, .success), (3, .failure)),
             ejectedAt: [3, 32], healthyAt: [33], ejections: 1),
        Case(description: "under the rate: no",
             policy: policy(rate: 50, minimum: 4), outcomes: at((0, .success), (1, .success), (2, .success), (3, .failure)),
             ejectedAt: [], healthyAt: [3], ejections: 0),
        Case(description: "over the rate but under the minimum count: no",
             policy: policy(rate: 50, minimum: 4), outcomes: at((0, .success), (1, .failure), (2, .failure)),
             ejectedAt: [], healthyAt: [2], ejections: 0),
        Case(description: "declines are not outcomes of the rate (10 declines, 1 failure, minimum 4)",
             policy: policy(rate: 50, minimum: 4),
             outcomes: at((0, .decline), (0, .decline), (0, .decline), (0, .decline), (0, .decline), (1, .decline), (1, .decline),
                          (1, .decline), (1, .decline), (1, .decline), (2, .failure), (3, .success)),
             ejectedAt: [], healthyAt: [3], ejections: 0),
        Case(description: "failures slide out of a 10 s window",
             policy: policy(rate: 50, minimum: 4, window: 10),
             outcomes: at((0, .failure), (1, .failure), (20, .success), (21, .success), (22, .failure)),
             ejectedAt: [], healthyAt: [22], ejections: 0),
        Case(description: "inside the window they count",
             policy: policy(rate: 50, minimum: 4, window: 30),
             outcomes: at((0, .failure), (1, .failure), (20, .success), (21, .success)),
             ejectedAt: [21], healthyAt: [51], ejections: 1),
        Case(description: "each consecutive ejection doubles, up to max_ejection",
             policy: policy(consecutive: 1, ejection: 10, maxEjection: 25),
             outcomes: at((0, .failure), (10, .failure), (30, .failure)),
             ejectedAt: [30, 54], healthyAt: [55], ejections: 3),
        Case(description: "a success after a return resets the doubling",
             policy: policy(consecutive: 1, ejection: 10, maxEjection: 25),
             outcomes: at((0, .failure), (10, .success), (11, .failure)),
             ejectedAt: [11, 20], healthyAt: [21], ejections: 2),
        Case(description: "outcomes during an ejection neither extend it nor count after it",
             policy: policy(consecutive: 3), outcomes: at((0, .failure), (1, .failure), (2, .failure), (5, .failure), (6, .failure),
                                                           (7, .failure), (32, .failure), (33, .failure)),
             ejectedAt: [], healthyAt: [32, 33], ejections: 1),
        Case(description: "a failure rate of 0 turns the rate rule off",
             policy: policy(consecutive: 5, rate: 0, minimum: 1), outcomes: at((0, .failure), (1, .success), (2, .failure)),
             ejectedAt: [], healthyAt: [2], ejections: 0),
        Case(description: "no policy: counted, never ejected",
             policy: nil, outcomes: (0..<50).map { (second: Int64($0), outcome: AcquirerOutcome.failure) },
             ejectedAt: [], healthyAt: [49], ejections: 0),
    ]

    @Test(arguments: cases)
    func policyRule(_ testCase: Case) {
        let tracker = HealthTracker()
        let health = tracker.health(of: "antom-hk", policy: testCase.policy)
        for (second, outcome) in testCase.outcomes {
            _ = tracker.record(outcome, for: "antom-hk", at: Instant(secondsSinceEpoch: second))
        }
        for second in testCase.ejectedAt { #expect(health.isEjected(at: second), "ejected at \(second)") }
        for second in testCase.healthyAt { #expect(!health.isEjected(at: second), "healthy at \(second)") }
        #expect(tracker.status(of: "antom-hk", at: Instant(secondsSinceEpoch: 0))?.ejections == testCase.ejections)
    }

    @Test func transitionsNameTheRuleAndTheReturn() throws {
        let tracker = HealthTracker()
        _ = tracker.health(of: "antom-hk", policy: Self.policy(consecutive: 2, ejection: 30))
        #expect(tracker.record(.failure, for: "antom-hk", at: Instant(secondsSinceEpoch: 100)) == [])
        let ejected = try #require(tracker.record(.failure, for: "antom-hk", at: Instant(secondsSinceEpoch: 101)))
        #expect(ejected == [HealthTransition(acquirer: "antom-hk",
                                             kind: .ejected(until: Instant(secondsSinceEpoch: 131), seconds: 30, rule: .consecutiveFailures,
                                                            successes: 0, failures: 2),
                                             at: Instant(secondsSinceEpoch: 101), ejections: 1)])
        #expect(tracker.sweep(at: Instant(secondsSinceEpoch: 130)).isEmpty)
        #expect(tracker.sweep(at: Instant(secondsSinceEpoch: 140))
            == [HealthTransition(acquirer: "antom-hk", kind: .returned, at: Instant(secondsSinceEpoch: 131), ejections: 1)])
        #expect(tracker.sweep(at: Instant(secondsSinceEpoch: 150)).isEmpty, "a return is told once")
        #expect(tracker.record(.success, for: "antom-unknown", at: Instant(secondsSinceEpoch: 150)) == nil)
    }

    @Test func statusShowsTheWindowsCounts() throws {
        let tracker = HealthTracker()
        _ = tracker.health(of: "antom-hk", policy: Self.policy(consecutive: 10, window: 60))
        for (second, outcome) in Self.at((0, .success), (1, .failure), (2, .decline), (70, .success)) {
            _ = tracker.record(outcome, for: "antom-hk", at: Instant(secondsSinceEpoch: second))
        }
        let early = try #require(tracker.status(of: "antom-hk", at: Instant(secondsSinceEpoch: 2)))
        #expect((early.successes, early.failures, early.declines) == (1, 1, 1))
        let late = try #require(tracker.status(of: "antom-hk", at: Instant(secondsSinceEpoch: 70)))
        #expect((late.successes, late.failures, late.declines, late.consecutiveFailures) == (1, 0, 0, 0))
    }

    @Test func aNewReleasesPolicyKeepsAnEjectionRunning() {
        let tracker = HealthTracker()
        let health = tracker.health(of: "antom-hk", policy: Self.policy(consecutive: 1, ejection: 60))
        _ = tracker.record(.failure, for: "antom-hk", at: Instant(secondsSinceEpoch: 0))
        #expect(tracker.health(of: "antom-hk", policy: Self.policy(consecutive: 5, ejection: 10)) === health)
        #expect(health.isEjected(at: 59) && !health.isEjected(at: 60))
    }
}
