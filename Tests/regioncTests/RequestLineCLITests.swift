import Foundation
import Testing

/// `route --batch` and `diff --traffic` cut lines with the service's cap, 65,536 bytes without the
/// terminator, and say so in one message (issue 21 item 9), from a file and through a pipe.
@Suite struct RequestLineCLITests {
    static let request = #"{"region":"HK","merchant":"shop_1217","method":"ALIPAY_HK","amount":"39.55 USD","at":"2026-12-01T12:25:16Z"}"#
    static let overlong = "line longer than 65536 bytes"

    /// Three lines, the second padded with spaces before its closing brace to exactly `bytes` bytes.
    static func input(bytes: Int, terminator: String) -> Data {
        let long = String(request.dropLast()) + String(repeating: " ", count: bytes - request.utf8.count) + "}"
        return Data((request + terminator + long + terminator + request + terminator).utf8)
    }

    /// Line bytes, terminator, refused, read through a pipe (standard input) rather than from a file.
    static let cases: [(Int, String, Bool, Bool)] = [false, true].flatMap { pipe in
        [(65_536, "\n", false, pipe), (65_536, "\r\n", false, pipe), (65_537, "\n", true, pipe), (65_537, "\r\n", true, pipe)]
    }

    @Test(arguments: cases)
    func routeBatch(bytes: Int, terminator: String, refused: Bool, throughPipe: Bool) throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let config = try HardeningCLITests.artifact(in: directory)
        let input = Self.input(bytes: bytes, terminator: terminator)
        let file = directory.appendingPathComponent("requests.jsonl")
        try input.write(to: file)
        let run = throughPipe
            ? try CLI.run(["route", "--config", config, "--batch", "-"], stdin: input)
            : try CLI.run(["route", "--config", config, "--batch", file.path])
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 4 && lines.last == "", "\(run.stderr)")
        #expect(lines.first?.contains("\"decision\":") == true && lines.dropFirst(2).first?.contains("\"decision\":") == true)
        if refused {
            #expect(run.status == 1)
            #expect(lines.dropFirst().first == #"{"error":"\#(Self.overlong)","line":2}"#)
        } else {
            #expect(run.status == 0, "\(run.stderr)")
            #expect(lines.dropFirst().first?.contains("\"decision\":") == true)
        }
    }

    @Test(arguments: cases)
    func diffTraffic(bytes: Int, terminator: String, refused: Bool, throughPipe: Bool) throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = Self.input(bytes: bytes, terminator: terminator)
        let file = directory.appendingPathComponent("traffic.jsonl")
        try input.write(to: file)
        let arguments = ["diff", "regions", "regions", "--format", "json", "--traffic"]
        let run = throughPipe ? try CLI.run(arguments + ["-"], stdin: input) : try CLI.run(arguments + [file.path])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(run.stderr)")
        let malformed = try #require(json["malformed"] as? [String: Any])
        #expect(json["requests"] as? Int == 3)
        #expect(run.status == 0, "\(run.stderr)")
        if refused {
            let lines = try #require(malformed["lines"] as? [[String: Any]])
            #expect(lines.first?["line"] as? Int == 2)
            #expect(lines.first?["message"] as? String == Self.overlong)
        } else {
            #expect(malformed["count"] as? Int == 0)
        }
    }
}
