import Foundation
import GatewayConfig
@testable import PaymentRouting
import RegionCompiler
import Testing

/// `regionc diff OLD NEW --traffic`: each config change of the table against one fixed traffic
/// file (`Fixtures/traffic/checkouts.jsonl`, 27 checkouts whose every decision is known, two
/// blank and two malformed lines), asserting what changes, how it is grouped and the exit status.
@Suite struct TrafficReplayTests {
    static let traffic = RoutingFixture.directory.replacingOccurrences(of: "/regions", with: "/traffic/checkouts.jsonl")

    struct Change: CustomTestStringConvertible, Sendable {
        let name: String
        let file: String
        let find: String
        let replace: String
        let changed: Int
        /// `REGION METHOD CURRENCY: before -> after xCOUNT`, in report order.
        let groups: [String]
        let exit: Int32
        var testDescription: String { name }
    }

    static let changes: [Change] = [
        Change(name: "status: US live -> paused", file: "us.yaml", find: "status: live", replace: "status: paused",
               changed: 7, groups: [
                   "US ALIPAY_CN USD: routed domestic via antom-us -> declined REGION_NOT_LIVE x2",
                   "US ALIPAY_CN HKD: declined CURRENCY_NOT_SUPPORTED -> declined REGION_NOT_LIVE x1",
                   "US ALIPAY_CN USD: declined AMOUNT_ABOVE_MAX -> declined REGION_NOT_LIVE x1",
                   "US ALIPAY_CN USD: declined AMOUNT_BELOW_MIN -> declined REGION_NOT_LIVE x1",
                   "US ALIPAY_CN USD: declined NOT_IN_ROLLOUT -> declined REGION_NOT_LIVE x1",
                   "US ALIPAY_HK USD: declined METHOD_NOT_OFFERED -> declined REGION_NOT_LIVE x1",
               ], exit: 4),
        Change(name: "window: HK starts two days later", file: "hk.yaml", find: "from: 2026-12-01T00:00:00+08:00",
               replace: "from: 2026-12-03T00:00:00+08:00", changed: 8, groups: [
                   "HK ALIPAY_CN HKD: routed cn-hkd via antom-hk -> declined REGION_NOT_LIVE x2",
                   "HK ALIPAY_CN USD: routed default via antom-sg -> declined REGION_NOT_LIVE x1",
                   "HK ALIPAY_CN HKD: declined NOT_IN_ROLLOUT -> declined REGION_NOT_LIVE x3",
                   "HK ALIPAY_CN USD: declined NOT_IN_ROLLOUT -> declined REGION_NOT_LIVE x1",
                   "HK ALIPAY_HK HKD: declined METHOD_NOT_OFFERED -> declined REGION_NOT_LIVE x1",
               ], exit: 4),
        Change(name: "blackout: US maintenance on 1 December", file: "us.yaml", find: "    deny: [blocked_1]\n",
               replace: "    deny: [blocked_1]\n  blackouts:\n    - { from: 2026-12-01T09:00:00-05:00, until: 2026-12-01T11:00:00-05:00, reason: test }\n",
               changed: 1, groups: ["US ALIPAY_CN USD: routed domestic via antom-us -> declined BLACKOUT x1"], exit: 4),
        Change(name: "percent: HK pilot 25 -> 50", file: "hk.yaml", find: "percent: 25", replace: "percent: 50",
               changed: 2, groups: [
                   "HK ALIPAY_CN HKD: declined NOT_IN_ROLLOUT -> routed cn-hkd via antom-hk x1",
                   "HK ALIPAY_CN USD: declined NOT_IN_ROLLOUT -> routed default via antom-sg x1",
               ], exit: 3),
        Change(name: "allow: TH lets th_other in", file: "th.yaml", find: "allow: [th_vip]", replace: "allow: [th_vip, th_other]",
               changed: 1, groups: ["TH TRUEMONEY THB: declined NOT_IN_ROLLOUT -> routed domestic via antom-th x1"], exit: 3),
        Change(name: "deny: US denies shop_a", file: "us.yaml", find: "deny: [blocked_1]", replace: "deny: [blocked_1, shop_a]",
               changed: 1, groups: ["US ALIPAY_CN USD: routed domestic via antom-us -> declined NOT_IN_ROLLOUT x1"], exit: 4),
        Change(name: "method currency: ALIPAY_HK takes USD", file: "hk.yaml", find: "    currencies: [HKD]\n",
               replace: "    currencies: [HKD, USD]\n", changed: 1,
               groups: ["HK ALIPAY_HK USD: declined CURRENCY_NOT_SUPPORTED -> routed default via antom-sg x1"], exit: 3),
        Change(name: "limits: US max 10,000 -> 30,000 USD", file: "us.yaml", find: "max: 10000.00 USD", replace: "max: 30000.00 USD",
               changed: 1, groups: ["US ALIPAY_CN USD: declined AMOUNT_ABOVE_MAX -> routed domestic via antom-us x1"], exit: 3),
        Change(name: "routes: HK cn-hkd through antom-sg", file: "hk.yaml",
               find: "currencies: [HKD] }, acquirer: antom-hk }\n  - { name: default",
               replace: "currencies: [HKD] }, acquirer: antom-sg }\n  - { name: default", changed: 2,
               groups: ["HK ALIPAY_CN HKD: routed cn-hkd via antom-hk -> routed cn-hkd via antom-sg x2"], exit: 3),
        Change(name: "schedule: US T+1 -> T+2", file: "us.yaml", find: "schedule: T+1", replace: "schedule: T+2", changed: 2,
               groups: [
                   "US ALIPAY_CN USD: routed domestic via antom-us, settles 2026-12-02 -> routed domestic via antom-us, settles 2026-12-03 x1",
                   "US ALIPAY_CN USD: routed domestic via antom-us, settles 2026-12-03 -> routed domestic via antom-us, settles 2026-12-04 x1",
               ], exit: 3),
        Change(name: "cutoff: US 18:00 -> 19:00", file: "us.yaml", find: "cutoff: \"18:00\"", replace: "cutoff: \"19:00\"",
               changed: 1, groups: [
                   "US ALIPAY_CN USD: routed domestic via antom-us, settles 2026-12-03 -> routed domestic via antom-us, settles 2026-12-02 x1",
               ], exit: 3),
        Change(name: "calendar: 2 December becomes a US holiday", file: "us.yaml", find: "holidays: [2026-01-01,",
               replace: "holidays: [2026-01-01, 2026-12-02,", changed: 2, groups: [
                   "US ALIPAY_CN USD: routed domestic via antom-us, settles 2026-12-02 -> routed domestic via antom-us, settles 2026-12-03 x1",
                   "US ALIPAY_CN USD: routed domestic via antom-us, settles 2026-12-03 -> routed domestic via antom-us, settles 2026-12-04 x1",
               ], exit: 3),
    ]

    @Test(arguments: changes)
    func eachConfigChangeAgainstTheTrafficFixture(change: Change) throws {
        let old = try RoutingFixture.router()
        let new = try Self.router(changing: change.file, change.find, to: change.replace)
        let report = TrafficReplay(old: old, new: new).replay(try Self.fixtureBytes())
        #expect(report.changed == change.changed)
        #expect(report.groups.map(Self.describe) == change.groups)
        #expect(report.exitStatus == change.exit)
        #expect(report.breaking == report.groups.filter(\.breaking).reduce(0) { $0 + $1.count })
        #expect(report.decided == 27 && report.lines == 31)
    }

    @Test func identicalConfigsChangeNothing() throws {
        let router = try RoutingFixture.router()
        let report = TrafficReplay(old: router, new: router).replay(try Self.fixtureBytes())
        #expect(report.changed == 0 && report.groups.isEmpty && report.exitStatus == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(TrafficRenderer.json(report, source: "f").utf8)) as? [String: Any])
        #expect(json["changed"] as? Int == 0 && json["requests"] as? Int == 31 && json["exit_status"] as? Int == 0)
    }

    @Test func malformedAndBlankLinesAreCountedByLineNumberNeverFatal() throws {
        let router = try RoutingFixture.router()
        let report = TrafficReplay(old: router, new: try Self.router(changing: "hk.yaml", "percent: 25", to: "percent: 50"))
            .replay(try Self.fixtureBytes())
        #expect(report.lines == 31 && report.decided == 27)
        #expect(report.blank == 2 && report.blankLines == [28, 31])
        #expect(report.malformed == 2 && report.malformedLines.map(\.line) == [29, 30])
        #expect(report.malformedLines.first?.message == "not a JSON object of strings")
        #expect(report.malformedLines.last?.message.contains("3 decimals") == true)
        #expect(report.changed == 2)
        let text = TrafficRenderer.text(report, source: "checkouts.jsonl")
        #expect(text.contains("2 malformed (lines 29, 30); 2 blank (lines 28, 31)"), "\(text)")
        #expect(text.contains("line 29: not a JSON object of strings"))
    }

    /// One code path: each side's decision for every line is the one `route --batch` writes.
    @Test func decisionsEqualRouteBatchLineForLine() throws {
        let old = try RoutingFixture.router()
        let new = try Self.router(changing: "us.yaml", "status: live", to: "status: paused")
        let bytes = try Self.fixtureBytes()
        let replay = TrafficReplay(old: old, new: new)
        for (side, router) in [("old", old), ("new", new)] {
            let batch = String(decoding: BatchReplay(router: router).replay(bytes[...], firstLine: 1).output, as: UTF8.self)
                .split(separator: "\n").map(String.init)
            var fromDiff: [String] = []
            var splitter = RequestLineSplitter()
            splitter.append(bytes)
            let finished = splitter.finish()
            let lines = try #require(finished)
            for (offset, line) in lines.lines.enumerated() {
                guard case .text(let range) = line else { continue }
                switch replay.decide(lines.bytes[range]) {
                case .blank: continue
                case .malformed(let error):
                    var line: [UInt8] = []
                    BatchReplay.writeError(error.description, line: offset + 1, into: &line)
                    fromDiff.append(String(decoding: line, as: UTF8.self))
                case .decided(let request, let before, let after, _):
                    var line: [UInt8] = []
                    DecisionReport.write(request: request, decision: side == "old" ? before : after, into: &line)
                    fromDiff.append(String(decoding: line, as: UTF8.self))
                }
            }
            #expect(fromDiff == batch, "\(side)")
        }
    }

    @Test func decisionLogLinesAreReplayedAndDriftIsCounted() throws {
        let old = try RoutingFixture.router()
        let request = try RoutingFixture.request("US", "shop_a", "ALIPAY_CN", "10.00 USD", "2026-12-01T15:00:00Z")
        let truth = DecisionReport(request: request, decision: old.route(request)).jsonLine()
        let requestJSON = #"{"amount":"10.00 USD","at":"2026-12-01T15:00:00Z","merchant":"shop_a","method":"ALIPAY_CN","region":"US"}"#
        func logLine(_ decision: String) -> String {
            #"{"config_digest":"9f2c","decision":"# + decision + #","logged_at":"2026-12-01T15:00:00.120Z","request":"# + requestJSON + "}"
        }
        let lines = [
            logLine(truth),                                                          // agrees
            logLine(#"{"decision":"decline","reason":"NOT_IN_ROLLOUT"}"#),            // drift
            logLine(truth.replacingOccurrences(of: "2026-12-02", with: "2026-12-09")), // drift: another date
            #"{"region":"US","merchant":"shop_a","method":"ALIPAY_CN","amount":"10.00 USD","at":"2026-12-01T15:00:00Z"}"#,
            #"{"config_digest":"9f2c","decision":{"decision":"route"},"request":{"region":"US"}}"#, // malformed request
        ]
        let bytes = Array((lines.joined(separator: "\n") + "\n").utf8)
        let report = TrafficReplay(old: old, new: old, oldDigest: "9f2c").replay(bytes)
        #expect(report.decided == 4 && report.logged == 3 && report.drifted == 2 && report.driftLines == [2, 3])
        #expect(report.configDigests.map(\.digest) == ["9f2c"] && report.configDigests.map(\.lines) == [3])
        #expect(report.malformedLines.map(\.line) == [5])
        #expect(report.malformedLines.first?.message == #"in "request": missing "merchant""#)
        #expect(report.changed == 0 && report.exitStatus == 0)
        let text = TrafficRenderer.text(report, source: "log")
        #expect(text.contains("Drift: 2 of 3 logged decisions differ"))
        #expect(text.contains("Logged under 1 config: 9f2c (OLD) 3 lines."), "\(text)")
        let elsewhere = TrafficRenderer.text(TrafficReplay(old: old, new: old, oldDigest: "77aa").replay(bytes), source: "log")
        #expect(elsewhere.contains("Logged under 1 config: 9f2c 3 lines. None under OLD (77aa)."), "\(elsewhere)")
        // route --batch reads the same lines: the request of each log line.
        let batch = BatchReplay(router: old).replay(bytes[...], firstLine: 1)
        let outputs = String(decoding: batch.output, as: UTF8.self).split(separator: "\n").map(String.init)
        #expect(Array(outputs.prefix(4)) == Array(repeating: truth, count: 4))
        #expect(batch.errors == 1)
    }

    @Test func retimedAtOneInstant() throws {
        let old = try RoutingFixture.router()
        let new = try Self.router(changing: "hk.yaml", "percent: 25", to: "percent: 50")
        // At 2026-11-30 HK has not started: both sides decline every HK line alike.
        let early = try #require(Instant("2026-11-30T00:00:00Z"))
        let report = TrafficReplay(old: old, new: new, retiming: .at(early)).replay(try Self.fixtureBytes())
        #expect(report.changed == 0)
        let line = Array(#"{"region":"US","merchant":"shop_a","method":"ALIPAY_CN","amount":"10.00 USD","at":"2026-12-01T15:00:00Z"}"#.utf8)
        guard case .decided(let request, let decision, _, _) = TrafficReplay(old: old, new: new, retiming: .at(early)).decide(line[...]) else {
            Issue.record("not decided")
            return
        }
        #expect(request.at == early)
        #expect(decision.routed?.settlementDate.description == "2026-12-01")
    }

    /// --shift keeps the local time of day across the US change to daylight saving time
    /// (2026-03-08, 02:00 EST -> 03:00 EDT) and back (2026-11-01, 02:00 EDT -> 01:00 EST).
    @Test(arguments: [
        ("2026-03-07T17:00:00Z", 1, "2026-03-08T16:00:00Z"),   // 12:00 EST -> 12:00 EDT, 23 hours later
        ("2026-03-07T07:30:00Z", 1, "2026-03-08T07:30:00Z"),   // 02:30 does not exist on 03-08: 03:30 EDT
        ("2026-03-09T16:00:00Z", -2, "2026-03-07T17:00:00Z"),  // back across the change: 12:00 EDT -> 12:00 EST
        ("2026-10-31T16:00:00Z", 1, "2026-11-01T17:00:00Z"),   // 12:00 EDT -> 12:00 EST, 25 hours later
        ("2026-10-31T05:30:00Z", 1, "2026-11-01T05:30:00Z"),   // 01:30 happens twice on 11-01: the earlier (EDT)
        ("2026-12-01T15:00:00Z", 7, "2026-12-08T15:00:00Z"),   // no change in between: 7 x 24 hours
    ])
    func shiftKeepsLocalTimeAcrossDaylightSaving(from: String, days: Int, expected: String) throws {
        let zone = ZoneShift(offsets: try #require(UTCOffsetTable(identifier: "America/New_York")))
        #expect(zone.shift(try #require(Instant(from)), days: days).description == expected)
    }

    /// Through the replay: a Saturday 17:30 EST checkout moved two days is Monday 17:30 EDT,
    /// before the 18:00 cutoff (settles Tuesday); 48 hours later would be 18:30 EDT, after it.
    @Test func shiftedCheckoutsAreDecidedAtTheirShiftedLocalTime() throws {
        let router = try RoutingFixture.router()
        let line = Array(#"{"region":"US","merchant":"shop_a","method":"ALIPAY_CN","amount":"10.00 USD","at":"2026-03-07T22:30:00Z"}"#.utf8)
        guard case .decided(let request, let decision, _, _) = TrafficReplay(old: router, new: router, retiming: .shift(days: 2))
            .decide(line[...]) else {
            Issue.record("not decided")
            return
        }
        #expect(request.at.description == "2026-03-09T21:30:00Z")
        #expect(decision.routed?.settlementDate.description == "2026-03-10")
    }

    @Test func distinctMerchantsStayExactThenBoundedAndClose() {
        var small = DistinctCounter()
        for index in 0..<1_000 { small.insert("m\(index % 500)") }
        #expect(small.count == 500 && !small.isEstimate)
        var left = DistinctCounter()
        var right = DistinctCounter()
        for index in 0..<60_000 { left.insert("merchant_\(index)") }
        for index in 40_000..<100_000 { right.insert("merchant_\(index)") }
        left.merge(right)
        #expect(left.isEstimate)
        #expect(abs(left.count - 100_000) < 5_000, "\(left.count)")
    }

    @Test func markdownStaysUnderGitHubsCommentLimitForManyGroups() throws {
        // A status change that declines every line, with 5,000 methods: 5,000 groups.
        let old = try RoutingFixture.router()
        let new = try Self.router(changing: "us.yaml", "status: live", to: "status: paused")
        let long = String(repeating: "X", count: 300)
        let lines = (0..<5_000).map { index in
            #"{"region":"US","merchant":"m\#(index)","method":"M\#(index)|<b>\#(long)","amount":"1.00 USD","at":"2026-12-01T15:00:00Z"}"#
        }
        let report = TrafficReplay(old: old, new: new).replay(Array((lines.joined(separator: "\n") + "\n").utf8))
        #expect(report.groups.count == 5_000 && report.changed == 5_000)
        let markdown = TrafficRenderer.markdown(report, source: "many.jsonl")
        #expect(markdown.count < 65_536)
        #expect(markdown.hasPrefix("### Traffic replay: 5,000 of 5,000 checkouts change"))
        #expect(markdown.contains("40 of 5,000 groups shown; the other 4,960 changed checkouts are not in this table. "
            + "`regionc diff OLD NEW --traffic FILE --format json` lists every group."), "\(markdown.suffix(300))")
        #expect(markdown.contains(#"| M0\|\<b>XXX"#) && !markdown.contains("|<b>"), "a pipe and a tag in a method id stay text")
    }

    /// Hardening issue 21, item 11: 20,000 changed groups and one breaking line; the group limit
    /// used to drop the breaking group (exit 4, `breaking` 1, no breaking group listed anywhere).
    /// Wherever the breaking line is, every format lists it and says what it leaves out.
    @Test(arguments: [0, 10_000, 20_000])
    func theBreakingGroupIsNeverDroppedPastTheGroupLimit(breakingAt position: Int) throws {
        let old = try RoutingFixture.router()
        let new = try Self.router(changing: "us.yaml", "status: live", to: "status: paused")
        // Each unknown method is its own non-breaking group (METHOD_NOT_OFFERED -> REGION_NOT_LIVE).
        var lines = (0..<20_000).map { index in
            #"{"region":"US","merchant":"m\#(index)","method":"M\#(index)","amount":"1.00 USD","at":"2026-12-01T15:00:00Z"}"#
        }
        lines.insert(#"{"region":"US","merchant":"shop_a","method":"ALIPAY_CN","amount":"10.00 USD","at":"2026-12-01T15:00:00Z"}"#,
                     at: position)
        let report = TrafficReplay(old: old, new: new).replay(Array((lines.joined(separator: "\n") + "\n").utf8))
        #expect(report.breaking == 1 && report.exitStatus == 4 && report.changed == 20_001)
        let breaking = report.groups.filter(\.breaking)
        #expect(breaking.map(Self.describe) == ["US ALIPAY_CN USD: routed domestic via antom-us -> declined REGION_NOT_LIVE x1"])
        #expect(report.groups.count == TrafficTally.groupLimit + 1 && report.ungrouped == 10_000)
        // Past 4,096 distinct groups the count is a HyperLogLog estimate: close, and marked `~`.
        #expect(report.ungroupedGroupsEstimated && abs(report.ungroupedGroups - 10_000) < 800, "\(report.ungroupedGroups)")

        let json = try #require(try JSONSerialization.jsonObject(with: Data(TrafficRenderer.json(report, source: "f").utf8)) as? [String: Any])
        let groups = try #require(json["groups"] as? [[String: Any]])
        #expect(groups.count { $0["breaking"] as? Bool == true } == 1 && json["ungrouped"] as? Int == 10_000)

        let text = TrafficRenderer.text(report, source: "f")
        #expect(text.contains("BREAKING: checkouts routed today would be declined:\n  ! US ALIPAY_CN USD: routed domestic via antom-us"))
        #expect(text.contains("10,001 of ~"), "\(text.suffix(400))")
        #expect(text.contains("groups shown, the breaking one among them; 10,000 changed checkouts in ~"))

        let markdown = TrafficRenderer.markdown(report, source: "f")
        #expect(markdown.contains("| :warning: | US | ALIPAY\\_CN | USD |"))
        #expect(markdown.contains("40 of ~") && markdown.contains("groups shown, the breaking one among them"), "\(markdown.suffix(600))")
        #expect(markdown.contains("lists every breaking group and the first 10,000 others"))
        #expect(!markdown.contains("lists every group"), "the JSON does not list every group here")
        #expect(markdown.count < 65_536)
    }

    /// Hardening issue 21, item 12: the config digest a decision log names is input too; in the
    /// Markdown it renders as text, never as emphasis, a link or reversed text.
    @Test func aLoggedConfigDigestIsTextInTheMarkdown() throws {
        let router = try RoutingFixture.router()
        let digest = #"*a*[l](h)\u202E"#
        let line = TrafficLineRobustnessTests.logLine.replacingOccurrences(of: #""config_digest":"9f2c""#, with: #""config_digest":""# + digest + #"""#)
        let report = TrafficReplay(old: router, new: router).replay(Array((line + "\n").utf8))
        #expect(report.logged == 1)
        let markdown = TrafficRenderer.markdown(report, source: "log")
        #expect(markdown.contains(#"\*a\*\[l\](h)\u{202E}"#), "\(markdown)")
        #expect(!markdown.contains("*a*") && !markdown.contains("\u{202E}"))
    }

    /// Hardening issue 21, item 12: a retimed checkout at an instant the runtime refuses (from
    /// 9999-01-01T00:00:00Z on, or before the year 1) is reported as the runtime words it, never decided.
    @Test(arguments: [
        ("9950-06-01T17:00:00Z", Retiming.shift(days: 36_500), "retimed to after 9999-12-31T23:59:59Z, too late to be routed"),
        ("9998-12-20T17:00:00Z", .shift(days: 30),
         "retimed, `9999-01-19T17:00:00Z` is too late: captures from 9999-01-01T00:00:00Z on are not routed"),
        ("9998-12-31T23:00:00Z", .shift(days: 1), "is too late"),
        ("0050-06-01T17:00:00Z", .shift(days: -36_500), "retimed to before 0001-01-01T00:00:00Z, too early to be routed"),
        ("2026-12-01T15:00:00Z", .at(Instant(secondsSinceEpoch: 253_375_000_000)), "is too late"),
    ])
    func retimingPastTheInstantsTheRuntimeRoutesIsReportedNotDecided(at: String, retiming: Retiming, refusal: String) throws {
        let router = try RoutingFixture.router()
        let line = #"{"region":"US","merchant":"shop_a","method":"ALIPAY_CN","amount":"10.00 USD","at":"\#(at)"}"#
        let replay = TrafficReplay(old: router, new: router, retiming: retiming)
        guard case .malformed(let error) = replay.decide(Array(line.utf8)[...]) else {
            Issue.record("decided")
            return
        }
        #expect(error.description.contains(refusal), "\(error.description)")
        let report = replay.replay(Array((line + "\n").utf8))
        #expect(report.malformed == 1 && report.decided == 0)
    }

    @Test func amountsSumInMinorUnitsWithoutOverflow() throws {
        let old = try RoutingFixture.router()
        let new = try Self.router(changing: "us.yaml", "status: live", to: "status: paused")
        // Two amounts whose sum does not fit in 64 bits (both above the US limit, so declined alike before).
        let line = #"{"region":"US","merchant":"m","method":"ALIPAY_CN","amount":"90000000000000000.00 USD","at":"2026-12-01T15:00:00Z"}"#
        let report = TrafficReplay(old: old, new: new).replay(Array("\(line)\n\(line)\n".utf8))
        let group = try #require(report.groups.first)
        #expect(group.amountMinorUnits == Int128(18_000_000_000_000_000_000))
        #expect(TrafficRenderer.json(report, source: "x").contains("\"USD\": \"180000000000000000.00 USD\""))
    }

    // MARK: - Support

    static func fixtureBytes() throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: traffic)))
    }

    static func describe(_ group: TrafficReport.Group) -> String {
        "\(group.region) \(group.method) \(group.currency): \(group.before.label) -> \(group.after.label) x\(group.count)"
    }

    /// The fixture regions with one edit in one file, compiled. The copy is `regions` inside a
    /// fresh directory, so no `calendars` lies beside it (as none lies beside the fixture): a copy
    /// straight into the temporary directory would follow whatever `/tmp/calendars` holds.
    static func router(changing file: String, _ find: String, to replacement: String) throws -> CheckoutRouter {
        let workspace = FileManager.default.temporaryDirectory.appendingPathComponent("traffic-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: workspace) }
        try FileManager.default.createDirectory(at: workspace, withIntermediateDirectories: true)
        let directory = workspace.appendingPathComponent("regions")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: RoutingFixture.directory), to: directory)
        let url = directory.appendingPathComponent(file)
        let text = try String(contentsOf: url, encoding: .utf8)
        try #require(text.contains(find), "\(file) has no `\(find)`")
        try text.replacingOccurrences(of: find, with: replacement).write(to: url, atomically: true, encoding: .utf8)
        let compilation = try DescriptorCompiler.compile(directory: directory.path)
        let artifact = try #require(compilation.artifact, "\(compilation.diagnostics.map(\.message))")
        return try CheckoutRouter(artifact: artifact)
    }
}

/// Bad input is the normal case: every prefix of a decision-log line and of a request line, and
/// lines with bytes flipped, are decided or reported, never a crash, and keep their numbers.
@Suite struct TrafficLineRobustnessTests {
    static let logLine = #"{"config_digest":"9f2c","decision":{"acquirer":"antom-us","amount":"10.00 USD","at":"2026-12-01T15:00:00Z","decision":"route","fx_required":false,"settlement_date_estimated":true,"trace":[{"a":["x]}\"",1]}],"merchant":"shop_a","method":"ALIPAY_CN","region":"US","route":"domestic"},"logged_at":"2026-12-01T15:00:00.120Z","request":{"amount":"10.00 USD","at":"2026-12-01T15:00:00Z","merchant":"sh\u006fp_a","method":"ALIPAY_CN","region":"US"}}"#

    @Test func everyPrefixOfALogLineIsDecidedOrReported() throws {
        let router = try RoutingFixture.router()
        let replay = TrafficReplay(old: router, new: router)
        let bytes = Array(Self.logLine.utf8)
        var decided = 0
        for end in 0...bytes.count {
            switch replay.decide(bytes[0..<end]) {
            case .blank: #expect(end == 0)
            case .malformed: break
            case .decided(let request, _, _, let logged):
                decided += 1
                #expect(request.merchant == "shop_a" && logged?.agrees == true && logged?.configDigest == "9f2c")
            }
        }
        #expect(decided == 1)    // only the whole line
    }

    @Test func flippedBytesNeverCrashAndLinesKeepTheirNumbers() throws {
        let router = try RoutingFixture.router()
        let original = Array(Self.logLine.utf8)
        var lines: [[UInt8]] = []
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<2_000 {
            var line = original
            for _ in 0..<3 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                let position = Int(state >> 33) % line.count
                line[position] = UInt8(truncatingIfNeeded: state >> 13) | 0x01    // never a newline: 0x0A has bit 0 clear
            }
            lines.append(line)
        }
        let input = Array(lines.joined(separator: [0x0A])) + [0x0A]
        let report = TrafficReplay(old: router, new: router).replay(input)
        #expect(report.lines == 2_000)
        #expect(report.decided + report.malformed + report.blank == 2_000)
        #expect(report.changed == 0)
    }
}
