import GatewayConfig
@testable import PaymentRouting
import Testing

/// The outcome reader (`POST /v1/outcomes`): one report object, or JSON Lines of them cut by the
/// one line splitter, all or nothing.
@Suite struct OutcomeReaderTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var json: String
        /// The report read, or nil when refused.
        var report: OutcomeReport?
        /// The field a refusal names, and a phrase its message holds.
        var field: String?
        var message: String = ""
        var testDescription: String { json }
    }

    static let at = Instant(secondsSinceEpoch: 1_764_583_200) // 2025-12-01T10:00:00Z

    static let cases: [Case] = [
        Case(json: #"{"acquirer":"antom-hk","outcome":"failure"}"#, report: OutcomeReport(acquirer: "antom-hk", outcome: .failure)),
        Case(json: #" {"outcome":"success","acquirer":"antom-sg","region":"HK","at":"2025-12-01T18:00:00+08:00"} "#,
             report: OutcomeReport(acquirer: "antom-sg", outcome: .success, region: "HK", at: at)),
        Case(json: #"{"acquirer":"antom-hk","outcome":"decline","at":"2025-12-01T10:00:00.75Z","note":"3DS"}"#,
             report: OutcomeReport(acquirer: "antom-hk", outcome: .decline, at: at)),
        Case(json: #"{"\u0061cquirer":"antom\u002dhk","outcome":"fail\u0075re"}"#, report: OutcomeReport(acquirer: "antom-hk", outcome: .failure)),
        Case(json: #"{"acquirer":"antom-hk"}"#, field: "outcome", message: "missing \"outcome\""),
        Case(json: #"{"outcome":"success"}"#, field: "acquirer", message: "missing \"acquirer\""),
        Case(json: #"{"acquirer":"","outcome":"success"}"#, field: "acquirer", message: "empty"),
        Case(json: #"{"acquirer":"antom\u0000hk","outcome":"success"}"#, field: "acquirer", message: "control character U+0000"),
        Case(json: #"{"acquirer":"antom-hk","outcome":"timeout"}"#, field: "outcome", message: "`timeout` is not an outcome; use success, failure or decline"),
        Case(json: #"{"acquirer":"antom-hk","outcome":"Failure"}"#, field: "outcome", message: "not an outcome"),
        Case(json: #"{"acquirer":"antom-hk","outcome":1}"#, field: "outcome", message: "\"outcome\" is not a string"),
        Case(json: #"{"acquirer":"antom-hk","outcome":"success","count":2}"#, field: "count", message: "not a string"),
        Case(json: #"{"acquirer":"antom-hk","outcome":"success","outcome":"failure"}"#, field: "outcome", message: "appears twice"),
        Case(json: #"{"acquirer":"antom-hk","outcome":"success","at":"2025-12-01 10:00"}"#, field: "at", message: "RFC 3339"),
        Case(json: #"{"acquirer":"antom-hk","outcome":"success","at":"2025-12-01T10:00:00"}"#, field: "at", message: "no UTC offset"),
        Case(json: #"{"acquirer":"antom-hk","outcome":"success","region":"H\nK"}"#, field: "region", message: "control character U+000A"),
        Case(json: #"{"acquirer":"antom-hk","outcome":"success"} {}"#, field: nil, message: "not a JSON object"),
        Case(json: #"["antom-hk","failure"]"#, field: nil, message: "not a JSON object"),
        Case(json: "", field: nil, message: "not a JSON object"),
    ]

    @Test(arguments: cases) func readsOneReport(_ testCase: Case) {
        let result = OutcomeReader.report(json: Array(testCase.json.utf8)[...])
        switch (result, testCase.report) {
        case (.success(let read), let expected?):
            #expect(read == expected)
        case (.failure(let error), nil):
            #expect(error.field == testCase.field)
            #expect(error.description.contains(testCase.message), "\(error.description)")
        default:
            Issue.record("\(testCase.json) read as \(result)")
        }
    }

    static let good = #"{"acquirer":"antom-hk","outcome":"failure"}"#

    @Test func linesSkipBlanksAndTakeCRLF() throws {
        let body = Self.good + "\r\n\n   \n" + #"{"acquirer":"antom-sg","outcome":"success"}"# + "\r\n" + Self.good
        let reports = try OutcomeReader.lines(Array(body.utf8)[...]).get()
        #expect(reports.map(\.acquirer) == ["antom-hk", "antom-sg", "antom-hk"])
        #expect(try OutcomeReader.lines([][...]).get().isEmpty)
    }

    struct LineCase: Sendable, CustomTestStringConvertible {
        var lines: [String]
        var line: Int
        var field: String?
        var message: String
        var testDescription: String { "line \(line): \(message)" }
    }

    /// The first bad line is named, whatever follows it; `check` refuses what the reader accepts.
    static let lineCases: [LineCase] = [
        LineCase(lines: [good, good, #"{"acquirer":"antom-hk","outcome":"maybe"}"#, "{"], line: 3, field: "outcome",
                 message: "line 3: `maybe` is not an outcome"),
        LineCase(lines: [good, "", "{", good], line: 3, field: nil, message: "line 3: not a JSON object"),
        LineCase(lines: [good, #"{"acquirer":"antom-zz","outcome":"success"}"#], line: 2, field: "acquirer",
                 message: "line 2: no antom-zz here"),
        LineCase(lines: [good, String(repeating: " ", count: RequestLineSplitter.maximumLineBytes) + good], line: 2, field: nil,
                 message: "line 2: line longer than 65536 bytes"),
    ]

    @Test(arguments: lineCases) func aBadLineRefusesTheWholeBody(_ testCase: LineCase) {
        let body = Array(testCase.lines.joined(separator: "\n").utf8)[...]
        let result = OutcomeReader.lines(body) { report in
            report.acquirer == "antom-zz" ? RequestError("no antom-zz here", field: "acquirer") : nil
        }
        guard case .failure(let refusal) = result else {
            Issue.record("read as \(result)")
            return
        }
        #expect(refusal.line == testCase.line)
        #expect(refusal.error.field == testCase.field)
        #expect(refusal.description == testCase.message || refusal.description.hasPrefix(testCase.message), "\(refusal)")
    }

    @Test(arguments: [good + "\n" + good, "\n\n" + good, "{\"acquirer\":\"a\",\"outcome\":\"success\"}\r\n{", "\u{FF}"])
    func thePropertyHolds(_ input: String) {
        #expect(OutcomeLineProperties.violation(Array(input.utf8)) == nil)
    }
}
