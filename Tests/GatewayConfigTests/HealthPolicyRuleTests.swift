import GatewayConfig
import Testing

/// Each bound of a health policy, the field it names and how its message names the value (durations
/// as descriptors write them), for the compiler's RC1103 and the artifact invariants alike.
@Suite struct HealthPolicyRuleTests {
    static let valid = HealthPolicyArtifact(consecutiveFailures: 5, failureRate: 50, minOutcomes: 20, windowSeconds: 60,
                                            ejectionSeconds: 30, maxEjectionSeconds: 300)

    struct Case: Sendable, CustomStringConvertible {
        let description: String
        let edit: @Sendable (inout HealthPolicyArtifact) -> Void
        let violations: [String]
    }

    static let cases: [Case] = [
        Case(description: "valid", edit: { _ in }, violations: []),
        Case(description: "rate rule off", edit: { $0.failureRate = 0 }, violations: []),
        Case(description: "a week exactly", edit: { $0.maxEjectionSeconds = 604_800 }, violations: []),
        Case(description: "ejection equals max", edit: { $0.ejectionSeconds = 300 }, violations: []),
        Case(description: "no failures", edit: { $0.consecutiveFailures = 0 }, violations: ["consecutive_failures: consecutive_failures 0 is below 1"]),
        Case(description: "rate over 100", edit: { $0.failureRate = 101 }, violations: ["failure_rate: failure_rate 101 is outside 0..100 (a percent)"]),
        Case(description: "rate negative", edit: { $0.failureRate = -1 }, violations: ["failure_rate: failure_rate -1 is outside 0..100 (a percent)"]),
        Case(description: "no outcomes", edit: { $0.minOutcomes = 0 }, violations: ["min_outcomes: min_outcomes 0 is below 1"]),
        Case(description: "zero window", edit: { $0.windowSeconds = 0 }, violations: ["window: window 0s is not above zero"]),
        Case(description: "max over a week", edit: { $0.maxEjectionSeconds = 169 * 3600 },
             violations: ["max_ejection: max_ejection 169h is longer than 168h (7 days)"]),
        Case(description: "ejection over max", edit: { $0.ejectionSeconds = 600 },
             violations: ["ejection: ejection 10m is longer than max_ejection 5m"]),
    ]

    @Test(arguments: cases)
    func namesTheFieldAndItsValue(_ testCase: Case) {
        var policy = Self.valid
        testCase.edit(&policy)
        #expect(HealthPolicyRule.violations(policy).map { "\($0.field): \($0.message)" } == testCase.violations)
    }
}
