import Foundation
import Hummingbird
import HummingbirdTesting
import PaymentRouting
@testable import RoutingService
import Testing

/// `/v1/route/batch` streams, line for line, the bytes `regionc route --batch` (`BatchReplay`) writes.
@Suite struct BatchTests {
    static func input(lines: Int) -> String {
        let cases = RouteTests.cases.map(\.body) + ["not json", "", #"{"region":"US","merchant":"m","method":"ALIPAY_CN","amount":"1.001 USD","at":"2026-12-01T15:00:00Z"}"#]
        return (0..<lines).map { cases[$0 % cases.count] }.joined(separator: "\n") + "\n"
    }

    @Test(arguments: [1, 11, 5_000]) func streamedLinesEqualTheCLIBatch(lines: Int) async throws {
        let harness = try ServiceFixture.harness()
        await harness.service.pollOnce()
        let input = Self.input(lines: lines)
        let router = try RouterLoader.load(data: try ServiceFixture.artifact())
        let expected = String(decoding: BatchReplay(router: router).replay(Array(input.utf8)[...], firstLine: 1).output, as: UTF8.self)
        try await harness.service.application().test(.router) { client async throws in
            let response = try await client.post("/v1/route/batch", input, contentType: "application/x-ndjson")
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/x-ndjson")
            #expect(response.text == expected)
            #expect(response.text.split(separator: "\n", omittingEmptySubsequences: false).count == expected.split(separator: "\n", omittingEmptySubsequences: false).count)
        }
    }

    @Test func explainAndALastLineWithoutNewline() async throws {
        let harness = try ServiceFixture.harness()
        await harness.service.pollOnce()
        let body = RouteTests.cases[0].body + "\n" + RouteTests.cases[5].body
        try await harness.service.application().test(.router) { client async throws in
            let response = try await client.post("/v1/route/batch?explain=true", body, contentType: "application/jsonl")
            let lines = response.text.split(separator: "\n").map(String.init)
            #expect(lines.count == 2)
            #expect(lines.allSatisfy { $0.contains("\"trace\":[") })
            #expect(response.text.hasSuffix("\n"))
        }
    }

    @Test func anOverlongLineIsReportedAndSkippedAndNumberingGoesOn() async throws {
        let harness = try ServiceFixture.harness()
        await harness.service.pollOnce()
        let long = "{\"merchant\":\"" + String(repeating: "x", count: RequestLimits.maximumBatchLineBytes) + "\"}"
        let body = [RouteTests.cases[0].body, long, RouteTests.cases[1].body].joined(separator: "\n") + "\n"
        try await harness.service.application().test(.router) { client async throws in
            let response = try await client.post("/v1/route/batch", body, contentType: "application/x-ndjson")
            let lines = response.text.split(separator: "\n").map(String.init)
            #expect(lines.count == 3)
            #expect(lines[0].contains("\"decision\":\"route\""))
            #expect(lines[1] == "{\"error\":\"line longer than 65536 bytes\",\"line\":2}")
            #expect(lines[2].contains("\"merchant\":\"blocked_1\""))
        }
    }
}

/// The splitter holds at most a chunk and a line: table of bodies fed in small buffers.
@Suite struct BatchLineSplitterTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var body: String
        var buffer: Int
        /// Pieces as text: `L<first>:<lines>` or `X<number>`.
        var pieces: [String]
        var testDescription: String { "\(body.debugDescription) in \(buffer)-byte buffers" }
    }

    static let cases: [Case] = [
        Case(body: "a\nb\nc\n", buffer: 100, pieces: ["L1:a\nb\nc\n"]),
        Case(body: "a\nb\nc\n", buffer: 1, pieces: ["L1:a\n", "L2:b\n", "L3:c\n"]),
        Case(body: "a\nb\nc", buffer: 100, pieces: ["L1:a\nb\n", "L3:c"]),
        Case(body: "ok\n0123456789\nok\n", buffer: 100, pieces: ["L1:ok\n", "X2", "L3:ok\n"]),
        Case(body: "ok\n0123456789\nok\n", buffer: 3, pieces: ["L1:ok\n", "X2", "L3:ok\n"]),
        Case(body: "0123456789", buffer: 4, pieces: ["X1"]),
        Case(body: "12345678\n", buffer: 2, pieces: ["L1:12345678\n"]),
        Case(body: "123456789\n", buffer: 2, pieces: ["X1"]),
        Case(body: "\n\nx\n", buffer: 100, pieces: ["L1:\n\nx\n"]),
        Case(body: "aaaa\nbbbb\ncccc\ndddd\n", buffer: 100, pieces: ["L1:aaaa\nbbbb\n", "L3:cccc\ndddd\n"]),
    ]

    @Test(arguments: cases) func pieces(_ testCase: Case) {
        var splitter = BatchLineSplitter(maximumLine: 8)
        var pieces: [String] = []
        func record(_ piece: BatchLineSplitter.Piece) {
            switch piece {
            case .lines(let bytes, let first): pieces.append("L\(first):" + String(decoding: bytes, as: UTF8.self))
            case .overlongLine(let number): pieces.append("X\(number)")
            }
        }
        let bytes = Array(testCase.body.utf8)
        var start = 0
        while start < bytes.count {
            let end = min(bytes.count, start + testCase.buffer)
            splitter.append(bytes[start..<end])
            while let piece = splitter.nextPiece(chunkBytes: 10) { record(piece) }
            start = end
        }
        if let piece = splitter.finish() { record(piece) }
        #expect(pieces == testCase.pieces)
    }
}
