import Foundation
import GatewayConfig
import PaymentRouting
import Testing

/// The batch path writes the same bytes as the single-request JSON, in input order, on all cores.
@Suite struct BatchReplayTests {
    static func line(_ testCase: DecisionTableTests.Case) -> String {
        "{\"region\":\"\(testCase.region)\",\"merchant\":\"\(testCase.merchant)\",\"method\":\"\(testCase.method)\","
            + "\"amount\":\"\(testCase.amount)\",\"at\":\"\(testCase.at)\"}"
    }

    @Test func batchOutputEqualsSingleDecisionsInOrder() throws {
        let router = try RoutingFixture.router()
        // Enough lines to be split across workers.
        let cases = Array(repeating: DecisionTableTests.cases, count: 20).flatMap { $0 }
        let input = cases.map(Self.line).joined(separator: "\n") + "\n"
        let outcome = BatchReplay(router: router).replay(Array(input.utf8)[...], firstLine: 1)
        #expect(outcome.errors == 0)
        let expected = try cases.map { testCase in
            let request = try RoutingFixture.request(testCase.region, testCase.merchant, testCase.method, testCase.amount, testCase.at)
            return DecisionReport(request: request, decision: router.route(request)).jsonLine()
        }.joined(separator: "\n") + "\n"
        #expect(String(decoding: outcome.output, as: UTF8.self) == expected)
    }

    @Test func lineNumbersStayRightAcrossParallelParts() throws {
        let router = try RoutingFixture.router()
        let good = Self.line(try #require(DecisionTableTests.cases.first))
        var lines = Array(repeating: good, count: 20_000)
        lines[14_999] = "{broken"
        let outcome = BatchReplay(router: router).replay(Array((lines.joined(separator: "\n") + "\n").utf8)[...], firstLine: 1)
        #expect(outcome.errors == 1 && outcome.lines == 20_000)
        let output = String(decoding: outcome.output, as: UTF8.self).split(separator: "\n")
        #expect(output.count == 20_000)
        #expect(output[14_999] == "{\"error\":\"not a JSON object of strings\",\"line\":15000}")
    }

    @Test func malformedLinesAreReportedAndTheReplayGoesOn() throws {
        let router = try RoutingFixture.router()
        let input = """
            {"region":"US","merchant":"shop_1","method":"ALIPAY_CN","amount":"10.00 USD","at":"2026-12-01T15:00:00Z"}
            not json
            {"region":"US","merchant":"shop_1","method":"ALIPAY_CN","amount":"10.001 USD","at":"2026-12-01T15:00:00Z"}

            { "region" : "US", "merchant" : "sh\\u006fp_\\"q\\"", "method":"ALIPAY_CN","amount":"10.00 USD","at":"2026-12-01T15:00:00Z" }
            {"region":"US","merchant":"shop_1","method":"ALIPAY_CN","amount":"10.00 USD"}

            """
        let outcome = BatchReplay(router: router).replay(Array(input.utf8)[...], firstLine: 1)
        let lines = String(decoding: outcome.output, as: UTF8.self).split(separator: "\n").map(String.init)
        #expect(outcome.errors == 3)
        #expect(lines.count == 5)
        #expect(lines[0].contains("\"decision\":\"route\""))
        #expect(lines[1] == "{\"error\":\"not a JSON object of strings\",\"line\":2}")
        #expect(lines[2].contains("\"line\":3") && lines[2].contains("3 decimals"))
        #expect(lines[3].contains("\"merchant\":\"shop_\\\"q\\\"\""), "\(lines[3])")
        #expect(lines[4] == "{\"error\":\"missing \\\"at\\\"\",\"line\":6}")
    }

    /// Every shape of a line reads the same way: key order, spacing, unknown keys and escapes
    /// all give the decision of the plain line. (A repeated key is refused: `RequestLineTests`.)
    @Test(arguments: [
        #"{"region":"HK","merchant":"shop_7","method":"ALIPAY_CN","amount":"120.50 HKD","at":"2026-12-01T10:00:00Z"}"#,
        #"{"at":"2026-12-01T10:00:00Z","amount":"120.50 HKD","method":"ALIPAY_CN","merchant":"shop_7","region":"HK"}"#,
        #" { "region" : "HK" ,\#t"merchant":"shop_7","method":"ALIPAY_CN","amount":"120.50 HKD","at":"2026-12-01T10:00:00Z" } "#,
        #"{"region":"HK","note":"x","merchant":"shop_7","method":"ALIPAY_CN","amount":"120.50 HKD","at":"2026-12-01T10:00:00Z"}"#,
        #"{"region":"H\u004b","merchant":"shop_7","method":"ALIPAY_CN","amount":"120.50 HKD","at":"2026-12-01T10:00:00Z"}"#,
        #"{"regionx":"US","region":"HK","merchant":"shop_7","method":"ALIPAY_CN","amount":"120.50 HKD","at":"2026-12-01T10:00:00Z"}"#,
    ])
    func everyShapeOfALineReadsAlike(line: String) throws {
        let router = try RoutingFixture.router()
        let request = try RoutingFixture.request("HK", "shop_7", "ALIPAY_CN", "120.50 HKD", "2026-12-01T10:00:00Z")
        let expected = DecisionReport(request: request, decision: router.route(request)).jsonLine() + "\n"
        let outcome = BatchReplay(router: router).replay(Array((line + "\n").utf8)[...], firstLine: 1)
        #expect(String(decoding: outcome.output, as: UTF8.self) == expected)
    }

    /// Hardening finding 10: a capture past 9998 (the largest an offset carries to year 10000) is an
    /// error on both paths, never a settlement date `10000-01-04` that no parser reads back. One
    /// before year 1 is refused as too early, not too late (hardening issue 21, item 12).
    @Test(arguments: [
        ("9999-12-31T23:59:59-01:00", "is too late"), ("9999-12-31T23:59:59Z", "is too late"),
        ("9999-01-01T00:00:00Z", "is too late"),
        ("0001-01-01T00:00:00+00:01", "is too early: captures before 0001-01-01T00:00:00Z are not routed"),
        ("0001-01-01T00:59:59+01:00", "is too early"),
    ])
    func capturesOutsideTheRoutedYearsAreRefusedOnBothPaths(at: String, refusal: String) throws {
        let router = try RoutingFixture.router()
        let plain = #"{"region":"US","merchant":"shop_1","method":"ALIPAY_CN","amount":"10.00 USD","at":""# + at + #""}"#
        let escaped = plain.replacingOccurrences(of: "shop_1", with: #"shop\u005f1"#)
        for line in [plain, escaped] {
            let outcome = BatchReplay(router: router).replay(Array((line + "\n").utf8)[...], firstLine: 1)
            let text = String(decoding: outcome.output, as: UTF8.self)
            #expect(outcome.errors == 1 && text.contains(refusal), "\(text)")
            #expect(!text.contains("10000-"))
        }
    }

    /// The last capture still routed settles inside year 9999.
    @Test func theLastRoutedCaptureSettlesInsideYear9999() throws {
        let router = try RoutingFixture.router()
        let request = try RoutingFixture.request("US", "shop_1", "ALIPAY_CN", "10.00 USD", "9998-12-31T23:59:59Z")
        guard case .route(let payment) = router.route(request) else { Issue.record("declined"); return }
        #expect(payment.settlementDate.year == 9999)
    }

    /// Hardening finding 10: RFC 3339 fractions (JavaScript's `toISOString`) are accepted on the
    /// fast path and the general path alike, and the fraction is dropped (truncated to the second).
    @Test(arguments: ["2026-12-01T10:00:00.123Z", "2026-12-01T10:00:00.999999999Z", "2026-12-01T18:00:00.5+08:00"])
    func fractionalSecondsAreTruncatedOnBothPaths(at: String) throws {
        let router = try RoutingFixture.router()
        let whole = try RoutingFixture.request("HK", "shop_7", "ALIPAY_CN", "120.50 HKD", "2026-12-01T10:00:00Z")
        let expected = DecisionReport(request: whole, decision: router.route(whole)).jsonLine() + "\n"
        let plain = #"{"region":"HK","merchant":"shop_7","method":"ALIPAY_CN","amount":"120.50 HKD","at":""# + at + #""}"#
        let escaped = plain.replacingOccurrences(of: #""HK""#, with: #""H\u004b""#)
        for line in [plain, escaped] {
            let outcome = BatchReplay(router: router).replay(Array((line + "\n").utf8)[...], firstLine: 1)
            #expect(String(decoding: outcome.output, as: UTF8.self) == expected, "\(line)")
        }
    }

    /// Hardening finding 10: blank lines give blank lines, so output line N answers input line N,
    /// in parallel parts too.
    @Test func blankLinesKeepTheOutputAlignedWithTheInput() throws {
        let router = try RoutingFixture.router()
        let good = Self.line(try #require(DecisionTableTests.cases.first))
        var lines = Array(repeating: good, count: 20_000)
        for blank in [0, 1, 9_999, 19_998] { lines[blank] = blank % 2 == 0 ? "" : " \t\r" }
        lines[14_999] = "{broken"
        let outcome = BatchReplay(router: router).replay(Array((lines.joined(separator: "\n") + "\n").utf8)[...], firstLine: 1)
        let output = String(decoding: outcome.output, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(output.count == 20_001 && output.last == "")
        for blank in [0, 1, 9_999, 19_998] { #expect(output[blank] == "", "line \(blank + 1)") }
        #expect(output[2].hasPrefix("{\"acquirer\"") || output[2].contains("\"decision\""))
        #expect(output[14_999] == "{\"error\":\"not a JSON object of strings\",\"line\":15000}")
    }
}
