import Foundation
import GatewayConfig
@testable import PaymentRouting
import Testing

/// `regionc diff OLD NEW --traffic` decides each checkout at its own instant, so a scheduled step
/// of NEW changes only the checkouts at or after it; `--shift` moves last week's traffic onto next
/// week's steps. OLD is the fixture regions; NEW adds one step to HK's pilot (25% -> 50% from
/// 2026-12-05T00:00:00Z); the traffic's HK checkouts are on 2026-12-02.
@Suite struct ScheduledTrafficReplayTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let retiming: Retiming
        let changed: Int
        let exit: Int32
        var testDescription: String { name }
    }

    /// 2026-12-05T00:00:00Z.
    static let step = Instant(secondsSinceEpoch: 1_796_428_800)

    static let cases: [Case] = [
        Case(name: "as logged: every checkout is before the step", retiming: .asLogged, changed: 0, exit: 0),
        Case(name: "shifted a week on: the step applies", retiming: .shift(days: 7), changed: 2, exit: 3),
        Case(name: "shifted two days: still before the step", retiming: .shift(days: 2), changed: 0, exit: 0),
        Case(name: "one second before the step", retiming: .at(Instant(secondsSinceEpoch: step.secondsSinceEpoch - 1)), changed: 0, exit: 0),
        Case(name: "at the step", retiming: .at(step), changed: 2, exit: 3),
    ]

    /// The fixture's artifact with a step on HK's availability: its phase whole, as the compiler writes it.
    static func withStep() throws -> CheckoutRouter {
        var artifact = try RoutingFixture.artifact()
        var hk = try #require(artifact.regions["HK"])
        var rollout = try #require(hk.availability.rollout)
        rollout.percent = 50
        hk.availability.schedule = [AvailabilityStepArtifact(at: step, status: .pilot, rollout: rollout, blackouts: hk.availability.blackouts)]
        artifact.regions["HK"] = hk
        return try CheckoutRouter(artifact: artifact)
    }

    @Test(arguments: cases)
    func eachCheckoutIsDecidedAtItsOwnInstant(_ item: Case) throws {
        let report = TrafficReplay(old: try RoutingFixture.router(), new: try Self.withStep(), retiming: item.retiming)
            .replay(try TrafficReplayTests.fixtureBytes())
        #expect(report.changed == item.changed, "\(report.groups.map(TrafficReplayTests.describe))")
        #expect(report.exitStatus == item.exit)
        if item.changed > 0 {
            #expect(report.groups.allSatisfy { $0.region == "HK" && $0.before == .declined(reason: .notInRollout) })
        }
    }
}
