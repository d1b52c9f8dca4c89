@testable import PaymentRouting
import Testing

/// The one line splitter: whole lines in, numbered, however the input is cut into buffers; an
/// overlong line is one line of its own and is never held.
@Suite struct RequestLineSplitterTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var body: String
        var buffer: Int
        /// Lines as text, `X` for an overlong one, in order; numbered from 1.
        var lines: [String]
        var testDescription: String { "\(body.debugDescription) in \(buffer)-byte buffers" }
    }

    /// A cap of 8 bytes.
    static let cases: [Case] = [1, 3, 100].flatMap { buffer in [
        Case(body: "a\nb\nc\n", buffer: buffer, lines: ["a", "b", "c"]),
        Case(body: "a\nb\nc", buffer: buffer, lines: ["a", "b", "c"]),
        Case(body: "a\r\nb\r\nc\r\n", buffer: buffer, lines: ["a", "b", "c"]),
        Case(body: "a\r\nb\r", buffer: buffer, lines: ["a", "b"]),
        Case(body: "ok\n0123456789\nok\n", buffer: buffer, lines: ["ok", "X", "ok"]),
        Case(body: "0123456789", buffer: buffer, lines: ["X"]),
        Case(body: "12345678\n", buffer: buffer, lines: ["12345678"]),
        Case(body: "12345678\r\n", buffer: buffer, lines: ["12345678"]),
        Case(body: "12345678\r", buffer: buffer, lines: ["12345678"]),
        Case(body: "12345678", buffer: buffer, lines: ["12345678"]),
        Case(body: "123456789\n", buffer: buffer, lines: ["X"]),
        Case(body: "123456789\r\n", buffer: buffer, lines: ["X"]),
        Case(body: "123456789", buffer: buffer, lines: ["X"]),
        Case(body: "1234567\r\r\n", buffer: buffer, lines: ["1234567\r"]),
        Case(body: "\n\nx\n", buffer: buffer, lines: ["", "", "x"]),
        Case(body: "\r\n", buffer: buffer, lines: [""]),
        Case(body: "", buffer: buffer, lines: []),
        Case(body: String(repeating: "y", count: 100) + "\nz\n" + String(repeating: "y", count: 50), buffer: buffer,
             lines: ["X", "z", "X"]),
    ] }

    @Test(arguments: cases) func lines(_ testCase: Case) {
        var splitter = RequestLineSplitter(maximumLine: 8)
        var lines: [String] = []
        var numbers: [Int] = []
        func record(_ taken: RequestLines) {
            for (offset, line) in taken.lines.enumerated() {
                numbers.append(taken.firstLine + offset)
                switch line {
                case .text(let range): lines.append(String(decoding: taken.bytes[range], as: UTF8.self))
                case .overlong: lines.append("X")
                }
            }
        }
        let bytes = Array(testCase.body.utf8)
        var start = 0
        while start < bytes.count {
            let end = min(bytes.count, start + testCase.buffer)
            splitter.append(bytes[start..<end])
            if let taken = splitter.take() { record(taken) }
            start = end
        }
        if let taken = splitter.finish() { record(taken) }
        #expect(lines == testCase.lines)
        #expect(numbers == (0..<lines.count).map { $0 + 1 })
    }

    /// A line of 4 MiB through 4 KiB buffers, as a pipe hands it over: the splitter never holds
    /// more than the cap, a CR and one buffer. Each append looks only at the bytes it holds and the
    /// new ones, so a bounded hold is time linear in the input (issue 21 item 9: a 600 MB line took
    /// over 10 minutes through a pipe, and 651 MB of memory for 200 MB).
    @Test func aLongLineIsNeverHeld() {
        var splitter = RequestLineSplitter()
        let buffer = [UInt8](repeating: UInt8(ascii: "x"), count: 4_096)
        var largest = 0
        for _ in 0..<1_024 {
            splitter.append(buffer)
            largest = max(largest, splitter.heldBytes)
        }
        splitter.append(Array("\n{}\n".utf8))
        #expect(largest <= RequestLineSplitter.maximumLineBytes + 1 + buffer.count)
        let taken = splitter.finish()
        #expect(taken?.lines.count == 2)
        #expect(taken?.lines.first == .overlong)
        #expect(taken?.firstLine == 1)
    }

    /// Whole lines are handed over only once they hold `minimumBytes`, as the service decides in chunks.
    @Test func takeWaitsForMinimumBytes() {
        var splitter = RequestLineSplitter(maximumLine: 8)
        splitter.append(Array("ab\ncd\nef".utf8))
        #expect(splitter.take(minimumBytes: 7)?.lines == nil)
        #expect(splitter.take(minimumBytes: 6)?.lines == [.text(0..<2), .text(3..<5)])
        #expect(splitter.heldBytes == 2)
        splitter.append(Array("\n".utf8))
        let last = splitter.finish()
        #expect(last?.firstLine == 3 && last?.lines.count == 1)
    }
}
