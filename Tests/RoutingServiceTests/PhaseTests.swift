import Foundation
import PaymentRouting
import GatewayConfig
import Hummingbird
import HummingbirdTesting
import RoutingService
import Testing

/// `/v1/config`'s `availability` (each region's phase now, its next step, the change freeze in
/// effect), `regiond_region_rollout_percent` and the `phase started` line, across HK's scheduled
/// steps (`PhaseFixture`), on an injected clock.
@Suite struct PhaseTests {
    /// One look at the service with the clock at `at`, after a sweep.
    struct Row {
        var at: Instant
        /// HK's `availability` in `/v1/config`, as JSON.
        var hk: String
        var gauge: Double
        /// `phase started` lines logged so far.
        var started: Int
    }

    static let first = PhaseFixture.first
    static let second = PhaseFixture.second
    static let basePhase = #"{"percent":25,"since":"2026-11-30T16:00:00Z","source":"hk.yaml availability","status":"pilot","step":null}"#
    static let firstPhase = #"{"percent":50,"since":"\#(first)","source":"hk.yaml availability.schedule[0]","status":"pilot","step":0}"#
    static let secondPhase = #"{"percent":null,"since":"\#(second)","source":"hk.yaml availability.schedule[1]","status":"live","step":1}"#
    static let firstStep = #"{"at":"\#(first)","changes":["rollout.percent"],"percent":50,"source":"hk.yaml availability.schedule[0]","status":"pilot","step":0}"#
    static let secondStep = #"{"at":"\#(second)","changes":["status","rollout.percent","rollout.allow","rollout.deny"],"percent":null,"source":"hk.yaml availability.schedule[1]","status":"live","step":1}"#
    static let freeze = #"{"from":"\#(PhaseFixture.freezeStart)","reason":"launch review","source":"defaults.yaml","until":"\#(first)"}"#

    /// ALIPAY_HK's own schedule: a pilot (its base, from its `from`) until `second`, then live.
    static let methodPilot = #"{"next_step":{"at":"\#(second)","source":"hk.yaml payment_methods[1].availability.schedule[0]","status":"live","step":0},"since":"2026-12-31T16:00:00Z","source":"hk.yaml payment_methods[1].availability","status":"pilot","step":null}"#
    static let methodLive = #"{"next_step":null,"since":"\#(second)","source":"hk.yaml payment_methods[1].availability.schedule[0]","status":"live","step":0}"#

    static func hk(_ phase: String, next: String, freeze: String = "null", method: String = methodPilot) -> String {
        #"{"change_freeze":\#(freeze),"methods":{"ALIPAY_HK":\#(method)},"next_step":\#(next),"phase":\#(phase)}"#
    }

    /// One second before, at and after each step, in time order.
    static let rows: [Row] = [
        Row(at: FailoverFixture.instant(first, plus: -1), hk: hk(basePhase, next: firstStep, freeze: freeze), gauge: 25, started: 0),
        Row(at: first, hk: hk(firstPhase, next: secondStep), gauge: 50, started: 1),
        Row(at: FailoverFixture.instant(first, plus: 1), hk: hk(firstPhase, next: secondStep), gauge: 50, started: 1),
        Row(at: FailoverFixture.instant(second, plus: -1), hk: hk(firstPhase, next: secondStep), gauge: 50, started: 1),
        // HK's step 1 and ALIPAY_HK's own step 0 take effect at the same instant: two lines.
        Row(at: second, hk: hk(secondPhase, next: "null", method: methodLive), gauge: 100, started: 3),
        Row(at: FailoverFixture.instant(second, plus: 1), hk: hk(secondPhase, next: "null", method: methodLive), gauge: 100, started: 3),
    ]

    static let gauge = #"regiond_region_rollout_percent{region="HK"}"#

    static func phaseLines(_ harness: ServiceFixture.Harness) -> [String] {
        harness.logs.captured.filter { $0.contains(#""msg":"phase started""#) }
    }

    /// `/v1/config`'s `availability.HK`, keys sorted.
    static func hkAvailability(_ client: some TestClientProtocol) async throws -> String {
        let config = try await client.get("/v1/config").object()
        let availability = try #require(config["availability"] as? [String: Any], "\(config)")
        let hk = try #require(availability["HK"])
        return String(decoding: try JSONSerialization.data(withJSONObject: hk, options: [.sortedKeys, .withoutEscapingSlashes]),
                      as: UTF8.self)
    }

    @Test func configGaugeAndLogFollowTheClockAcrossEachStep() async throws {
        let clock = ManualClock(try #require(Self.rows.first).at)
        let harness = try ServiceFixture.harness(artifact: try PhaseFixture.artifact(), clock: clock.clock)
        await harness.service.pollOnce()
        try await harness.service.application().test(.router) { client async throws in
            // Set when the release loads, before any sweep.
            #expect(MetricsTests.value(try await client.get("/metrics").text, Self.gauge) == 25)
            for row in Self.rows {
                clock.set(row.at)
                harness.service.sweep(at: clock.now)
                #expect(try await Self.hkAvailability(client) == row.hk, "at \(row.at)")
                #expect(MetricsTests.value(try await client.get("/metrics").text, Self.gauge) == row.gauge, "at \(row.at)")
                #expect(Self.phaseLines(harness).count == row.started, "at \(row.at): \(Self.phaseLines(harness))")
            }
            let lines = Self.phaseLines(harness)
            for (line, fields) in zip(lines, [
                [#""region":"HK""#, #""step":"0""#, #""at":"\#(Self.first)""#, #""status":"pilot""#, #""percent":"50""#,
                 #""source":"hk.yaml availability.schedule[0]""#],
                [#""region":"HK""#, #""step":"1""#, #""at":"\#(Self.second)""#, #""status":"live""#, #""percent":"none""#],
                [#""region":"HK""#, #""method":"ALIPAY_HK""#, #""step":"0""#, #""at":"\#(Self.second)""#, #""status":"live""#,
                 #""source":"hk.yaml payment_methods[1].availability.schedule[0]""#],
            ]) {
                for field in fields { #expect(line.contains(field), "\(field) in \(line)") }
            }
        }
    }

    /// Every endpoint reads the service's clock, not the wall clock: a checkout without `at` is
    /// decided at it, and an outcome's `at` may be at most 60 s ahead of it (here months ahead of
    /// the wall clock, so with the wall clock both would be refused or differ).
    @Test func checkoutsAndOutcomesTakeTheServicesClock() async throws {
        let clock = ManualClock(Self.second)
        let harness = try ServiceFixture.harness(artifact: try PhaseFixture.artifact(), clock: clock.clock)
        await harness.service.pollOnce()
        try await harness.service.application().test(.router) { client async throws in
            let checkout = #"{"region":"HK","merchant":"shop_1","method":"ALIPAY_HK","amount":"120.50 HKD"}"#
            let answer = try await client.post("/v1/route", checkout).object()
            #expect(answer["at"] as? String == Self.second.description, "\(answer)")
            for (ahead, status) in [(30, HTTPResponse.Status.ok), (61, .badRequest)] {
                let at = FailoverFixture.instant(Self.second, plus: Int64(ahead))
                let outcome = #"{"acquirer":"antom-hk","outcome":"success","at":"\#(at)"}"#
                let response = try await client.post("/v1/outcomes", outcome)
                #expect(response.status == status, "\(ahead) s ahead: \(response.text)")
            }
        }
    }

    /// Every status has its gauge: live 100 (a rollout's percent notwithstanding), a pilot its
    /// percent, planned and paused 0; regions without a schedule have no next step.
    @Test func everyRegionHasItsGaugeAndItsPhase() async throws {
        let clock = ManualClock(FailoverFixture.instant(Self.first, plus: -1))
        let harness = try ServiceFixture.harness(artifact: try PhaseFixture.artifact(), clock: clock.clock)
        await harness.service.pollOnce()
        try await harness.service.application().test(.router) { client async throws in
            let metrics = try await client.get("/metrics").text
            let config = try await client.get("/v1/config").object()
            let availability = try #require(config["availability"] as? [String: [String: Any]])
            #expect(Set(availability.keys) == Set(try #require(config["regions"] as? [String])))
            for (region, status, percent) in [("BD", "live", 100.0), ("HK", "pilot", 25), ("KR", "pilot", 100), ("MY", "paused", 0),
                                              ("PH", "planned", 0), ("TH", "pilot", 0), ("US", "live", 100)] {
                #expect(MetricsTests.value(metrics, #"regiond_region_rollout_percent{region="\#(region)"}"#) == percent, "\(region) in\n\(metrics)")
                let phase = try #require(availability[region]?["phase"] as? [String: Any], "\(region)")
                #expect(phase["status"] as? String == status, "\(region): \(phase)")
                if region != "HK" {
                    #expect(availability[region]?["next_step"] is NSNull, "\(region)")
                    #expect((availability[region]?["methods"] as? [String: Any])?.isEmpty == true, "\(region)")
                }
            }
        }
    }

    /// Outside its window a region lets nobody in, whatever its phase says: the gauge is 0 before
    /// `from` and from `until` on, and the phase's percent inside (half-open).
    @Test func theGaugeIsZeroOutsideTheWindow() async throws {
        var artifact = try RouterLoader.decode(try PhaseFixture.artifact())
        var hk = try #require(artifact.regions["HK"])
        let opens = FailoverFixture.instant(Self.first, plus: -30 * 86_400)   // before ALIPAY_HK's own from
        let closes = FailoverFixture.instant(Self.second, plus: 3600)
        hk.availability.from = opens
        hk.availability.until = closes
        artifact.regions["HK"] = hk
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let clock = ManualClock(FailoverFixture.instant(opens, plus: -1))
        let harness = try ServiceFixture.harness(artifact: try encoder.encode(artifact), clock: clock.clock)
        await harness.service.pollOnce()
        try await harness.service.application().test(.router) { client async throws in
            for (at, percent) in [(FailoverFixture.instant(opens, plus: -1), 0.0), (opens, 25), (Self.first, 50),
                                  (FailoverFixture.instant(closes, plus: -1), 100), (closes, 0)] {
                clock.set(at)
                harness.service.sweep(at: clock.now)
                #expect(MetricsTests.value(try await client.get("/metrics").text, Self.gauge) == percent, "at \(at)")
            }
        }
    }

    /// A sweep that comes after two steps tells both, in order, once.
    @Test func aLateSweepTellsEveryStepItPassedOnce() async throws {
        let clock = ManualClock(FailoverFixture.instant(Self.first, plus: -1))
        let harness = try ServiceFixture.harness(artifact: try PhaseFixture.artifact(), clock: clock.clock)
        await harness.service.pollOnce()
        clock.set(FailoverFixture.instant(Self.second, plus: 5))
        harness.service.sweep(at: clock.now)
        clock.set(FailoverFixture.instant(Self.second, plus: 6))
        harness.service.sweep(at: clock.now)
        // HK's two steps in order, then ALIPAY_HK's own, each once.
        let lines = Self.phaseLines(harness)
        #expect(lines.count == 3, "\(lines)")
        let regionLines = lines.filter { !$0.contains(#""method":"#) }
        #expect(regionLines.count == 2 && regionLines.first?.contains(#""step":"0""#) == true
                    && regionLines.last?.contains(#""step":"1""#) == true, "\(lines)")
        #expect(lines.filter { $0.contains(#""method":"ALIPAY_HK""#) }.count == 1, "\(lines)")
    }

    /// A release loaded in the middle of the schedule starts from the phase then: the gauge says
    /// so at once, and no step is told (none took effect while it was served).
    @Test func aReleaseLoadedMidScheduleTellsNoStep() async throws {
        let clock = ManualClock(FailoverFixture.instant(Self.first, plus: 5))
        let harness = try ServiceFixture.harness(clock: clock.clock)
        await harness.service.pollOnce()
        try await harness.service.application().test(.router) { client async throws in
            #expect(MetricsTests.value(try await client.get("/metrics").text, Self.gauge) == 25)
            try harness.publish(try PhaseFixture.artifact())
            await harness.service.pollOnce()
            #expect(MetricsTests.value(try await client.get("/metrics").text, Self.gauge) == 50)
            harness.service.sweep(at: clock.now)
            #expect(Self.phaseLines(harness).isEmpty, "\(Self.phaseLines(harness))")
        }
    }

    /// A release without a region removes its series; the others stay.
    @Test func aRegionNoLongerServedLosesItsGauge() async throws {
        let clock = ManualClock(Self.first)
        let harness = try ServiceFixture.harness(artifact: try PhaseFixture.artifact(), clock: clock.clock)
        await harness.service.pollOnce()
        try await harness.service.application().test(.router) { client async throws in
            let series = #"regiond_region_rollout_percent{region="PH"}"#
            #expect(MetricsTests.value(try await client.get("/metrics").text, series) == 0)
            try harness.publish(try PhaseFixture.artifact(without: "PH"))
            await harness.service.pollOnce()
            let metrics = try await client.get("/metrics").text
            #expect(MetricsTests.value(metrics, series) == nil, "\(metrics)")
            #expect(MetricsTests.value(metrics, Self.gauge) == 50, "\(metrics)")
        }
    }
}
