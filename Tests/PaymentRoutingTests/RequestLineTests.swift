import Foundation
import GatewayConfig
@testable import PaymentRouting
import Testing

/// One input layer (issue 21 items 9 and 12, issue 22 item 1): every reader of request lines,
/// `route --batch` (`BatchReplay`) and `diff --traffic` (`TrafficReplay`), cuts lines with the
/// same cap and reads them with the same reader, so a line is decided or refused alike.
@Suite struct RequestLineTests {
    static let request = #"{"region":"US","merchant":"shop_1","method":"ALIPAY_CN","amount":"10.00 USD","at":"2026-12-01T15:00:00Z"}"#

    /// The request padded with spaces before its closing brace to exactly `bytes` bytes.
    static func line(bytes: Int) -> String {
        String(request.dropLast()) + String(repeating: " ", count: bytes - request.utf8.count) + "}"
    }

    struct CapCase: Sendable, CustomTestStringConvertible {
        var bytes: Int
        var terminator: String
        var refused: Bool
        var testDescription: String { "\(bytes) bytes + \(terminator.debugDescription)" }
    }

    /// The terminator never counts: 65,536 bytes pass with LF, CRLF or none, 65,537 fail with each.
    static let capCases: [CapCase] = [
        CapCase(bytes: 65_536, terminator: "\n", refused: false),
        CapCase(bytes: 65_536, terminator: "\r\n", refused: false),
        CapCase(bytes: 65_536, terminator: "", refused: false),
        CapCase(bytes: 65_537, terminator: "\n", refused: true),
        CapCase(bytes: 65_537, terminator: "\r\n", refused: true),
        CapCase(bytes: 65_537, terminator: "", refused: true),
        CapCase(bytes: 3_000_000, terminator: "\n", refused: true),
    ]

    /// The long line is line 2 of 3 (or the last, with no terminator), so alignment shows too.
    static func input(_ testCase: CapCase) -> [UInt8] {
        let lines = testCase.terminator.isEmpty
            ? request + "\n" + request + "\n" + line(bytes: testCase.bytes)
            : request + "\n" + line(bytes: testCase.bytes) + testCase.terminator + request + "\n"
        return Array(lines.utf8)
    }

    static let overlong = "line longer than 65536 bytes"

    @Test(arguments: capCases) func batchCapIsOneLineOfOutput(_ testCase: CapCase) throws {
        let router = try RoutingFixture.router()
        let outcome = BatchReplay(router: router).replay(Self.input(testCase)[...], firstLine: 1)
        let output = String(decoding: outcome.output, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let long = testCase.terminator.isEmpty ? 3 : 2
        #expect(output.count == 4 && output.last == "", "\(output.count) lines")
        #expect(outcome.lines == 3)
        if testCase.refused {
            #expect(outcome.errors == 1)
            #expect(output[long - 1] == "{\"error\":\"\(Self.overlong)\",\"line\":\(long)}")
        } else {
            #expect(outcome.errors == 0)
            #expect(output[long - 1].contains("\"decision\":\"route\""))
        }
        for other in [1, 2, 3] where other != long { #expect(output[other - 1].contains("\"decision\":\"route\"")) }
    }

    @Test(arguments: capCases) func trafficCapIsTheSameMessage(_ testCase: CapCase) throws {
        let router = try RoutingFixture.router()
        let report = TrafficReplay(old: router, new: router).replay(Self.input(testCase))
        let long = testCase.terminator.isEmpty ? 3 : 2
        #expect(report.lines == 3)
        if testCase.refused {
            #expect(report.decided == 2 && report.malformed == 1)
            #expect(report.malformedLines.map(\.line) == [long])
            #expect(report.malformedLines.first?.message == Self.overlong)
        } else {
            #expect(report.decided == 3 && report.malformed == 0, "\(report.malformedLines.map(\.message))")
        }
    }

    struct RefusedCase: Sendable, CustomTestStringConvertible {
        var name: String
        var line: String
        var message: String
        var testDescription: String { name }
    }

    static let base = #""region":"US","merchant":"shop_1","method":"ALIPAY_CN","amount":"10.00 USD","at":"2026-12-01T15:00:00Z""#

    /// Lines the readers once decided and must refuse, with the one message each gets.
    static let refusedCases: [RefusedCase] = [
        // Duplicate keys took the last value; the compiler refuses duplicate YAML keys.
        RefusedCase(name: "amount twice", line: "{" + base + #","amount":"999999.00 USD"}"#, message: #""amount" appears twice"#),
        RefusedCase(name: "amount twice, first plain then escaped",
                    line: #"{"amount":"1.00 USD","\u0061mount":"999999.00 USD","region":"US","merchant":"shop_1","method":"ALIPAY_CN","at":"2026-12-01T15:00:00Z"}"#,
                    message: #""amount" appears twice"#),
        RefusedCase(name: "an unknown key twice", line: "{" + base + #","note":"a","note":"b"}"#, message: #""note" appears twice"#),
        RefusedCase(name: "a key twice in a log line's request",
                    line: #"{"decision":{"decision":"route"},"request":{"# + base + #","merchant":"shop_2"}}"#,
                    message: #"in "request": "merchant" appears twice"#),
        RefusedCase(name: "request twice in a log line",
                    line: #"{"request":{"# + base + #"},"request":{"# + base + "}}", message: #""request" appears twice"#),
        // Control characters in the ids were routed.
        RefusedCase(name: "NUL in merchant", line: "{" + base.replacingOccurrences(of: "shop_1", with: #"shop\u0000_1"#) + "}",
                    message: #""merchant" holds control character U+0000"#),
        RefusedCase(name: "DEL in merchant, raw", line: "{" + base.replacingOccurrences(of: "shop_1", with: "shop\u{7F}_1") + "}",
                    message: #""merchant" holds control character U+007F"#),
        RefusedCase(name: "unit separator in region", line: "{" + base.replacingOccurrences(of: #""US""#, with: #""U\u001fS""#) + "}",
                    message: #""region" holds control character U+001F"#),
        RefusedCase(name: "newline in method", line: "{" + base.replacingOccurrences(of: "ALIPAY_CN", with: #"ALIPAY_CN\n"#) + "}",
                    message: #""method" holds control character U+000A"#),
        // A member a log line's reader skipped was not checked: what a string may hold and what a
        // value may be differed between the old cursors.
        RefusedCase(name: "raw control byte in a skipped member",
                    line: "{\"note\":\"a\u{01}b\",\"request\":{" + base + "}}", message: "not a JSON object of strings"),
        RefusedCase(name: "an escape JSON has not in a skipped member",
                    line: #"{"note":"\q","request":{"# + base + "}}", message: "not a JSON object of strings"),
        RefusedCase(name: "a bare word as a skipped value",
                    line: #"{"note":yes,"request":{"# + base + "}}", message: "not a JSON object of strings"),
        RefusedCase(name: "brackets that do not match in a skipped value",
                    line: #"{"note":[1,2},"request":{"# + base + "}}", message: "not a JSON object of strings"),
        RefusedCase(name: "a lone surrogate in a skipped member",
                    line: #"{"note":"\ud800","request":{"# + base + "}}", message: "not a JSON object of strings"),
    ]

    @Test(arguments: refusedCases) func refusedLinesAreErrorsOnEveryReader(_ testCase: RefusedCase) throws {
        let router = try RoutingFixture.router()
        let bytes = Array((testCase.line + "\n").utf8)
        let outcome = BatchReplay(router: router).replay(bytes[...], firstLine: 1)
        var expected: [UInt8] = []
        BatchReplay.writeError(testCase.message, line: 1, into: &expected)
        #expect(String(decoding: outcome.output, as: UTF8.self) == String(decoding: expected + [0x0A], as: UTF8.self))
        let report = TrafficReplay(old: router, new: router).replay(bytes)
        #expect(report.malformedLines.map(\.message) == [testCase.message])
    }

    /// Whitespace the old cursors disagreed on (the byte scanner skipped no LF, the others did):
    /// a line, a request body and a log line's request are read alike with any JSON whitespace.
    @Test(arguments: [" ", "\t", "\r", "\n", " \r\n\t "])
    func anyJSONWhitespaceReadsAlike(_ space: String) throws {
        let router = try RoutingFixture.router()
        let plain = BatchReplay(router: router).replay(Array((Self.request + "\n").utf8)[...], firstLine: 1).output
        let spaced = space + "{" + Self.base.split(separator: ",").map { member in
            member.split(separator: ":", maxSplits: 1).joined(separator: space + ":" + space)
        }.joined(separator: space + "," + space) + space + "}" + space
        let body = try RequestReader.request(json: Array(spaced.utf8)[...]).get()
        #expect(body == (try RoutingFixture.request("US", "shop_1", "ALIPAY_CN", "10.00 USD", "2026-12-01T15:00:00Z")))
        if !space.contains("\n") {
            let logLine = "{" + space + "\"request\"" + space + ":" + spaced + space + "}"
            for line in [spaced, logLine] {
                let outcome = BatchReplay(router: router).replay(Array((line + "\n").utf8)[...], firstLine: 1)
                #expect(outcome.output == plain, "\(line.debugDescription)")
            }
        }
    }
}

