import Foundation
import GatewayConfig
@testable import PaymentRouting
import Testing

/// `regionc diff OLD NEW --traffic` decides each checkout at its own instant, so a scheduled step
/// of NEW changes only the checkouts at or after it; `--shift` moves last week's traffic onto next
/// week's steps. OLD is the fixture regions; NEW adds one step to HK's pilot in hk.yaml (25% -> 50%
/// from Monday 2026-12-07 10:00 Hong Kong time); the traffic's HK pilot checkouts are on 2026-12-02.
@Suite struct ScheduledTrafficReplayTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let retiming: Retiming
        let changed: Int
        let exit: Int32
        var testDescription: String { name }
    }

    /// 2026-12-07T02:00:00Z.
    static let step = Instant(secondsSinceEpoch: 1_796_608_800)

    static let cases: [Case] = [
        Case(name: "as logged: every pilot checkout is before the step", retiming: .asLogged, changed: 0, exit: 0),
        Case(name: "shifted a week on: the step applies", retiming: .shift(days: 7), changed: 2, exit: 3),
        Case(name: "shifted four days: still before the step", retiming: .shift(days: 4), changed: 0, exit: 0),
        Case(name: "one second before the step", retiming: .at(Instant(secondsSinceEpoch: step.secondsSinceEpoch - 1)), changed: 0, exit: 0),
        Case(name: "at the step", retiming: .at(step), changed: 2, exit: 3),
    ]

    static func withStep() throws -> CheckoutRouter {
        try TrafficReplayTests.router(changing: "hk.yaml", "    deny: [hk_denied]\n",
                                      to: "    deny: [hk_denied]\n  schedule:\n    - { at: 2026-12-07T10:00:00+08:00, rollout: { percent: 50 } }\n")
    }

    @Test(arguments: cases)
    func eachCheckoutIsDecidedAtItsOwnInstant(_ item: Case) throws {
        let report = TrafficReplay(old: try RoutingFixture.router(), new: try Self.withStep(), retiming: item.retiming)
            .replay(try TrafficReplayTests.fixtureBytes())
        #expect(report.changed == item.changed, "\(report.groups.map(TrafficReplayTests.describe)) \(report.groups.map(\.examples))")
        #expect(report.exitStatus == item.exit)
        if item.changed > 0 {
            #expect(report.groups.allSatisfy { $0.region == "HK" && $0.before == .declined(reason: .notInRollout) })
        }
    }
}
