@testable import RegionLanguageServer
import Testing

@Suite("LSP message framing")
struct MessageFramerTests {
    static func frame(_ body: String, header: String? = nil) -> [UInt8] {
        Array((header ?? "Content-Length: \(body.utf8.count)\r\n\r\n").utf8) + Array(body.utf8)
    }

    /// Every event the bytes make, fed in chunks of `chunk` bytes (0: all at once).
    static func events(_ bytes: [UInt8], chunk: Int = 0, framer: MessageFramer = MessageFramer()) -> [MessageFramer.Event] {
        var framer = framer
        var events: [MessageFramer.Event] = []
        let size = chunk > 0 ? chunk : Swift.max(1, bytes.count)
        var offset = 0
        while offset < bytes.count {
            framer.append(bytes[offset..<Swift.min(bytes.count, offset + size)])
            while let event = framer.next() { events.append(event) }
            offset += size
        }
        return events
    }

    static func message(_ body: String) -> MessageFramer.Event { .message(Array(body.utf8)) }

    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let bytes: [UInt8]
        let expected: [MessageFramer.Event]
        var testDescription: String { name }
    }

    static let one = #"{"jsonrpc":"2.0","method":"initialized","params":{}}"#
    static let two = #"{"jsonrpc":"2.0","id":1,"method":"shutdown"}"#

    static let cases: [Case] = [
        Case(name: "one message", bytes: frame(one), expected: [message(one)]),
        Case(name: "two messages in one read", bytes: frame(one) + frame(two), expected: [message(one), message(two)]),
        Case(name: "Content-Type and lower-case names", bytes: frame(one, header: "content-type: application/vscode-jsonrpc; charset=utf-8\r\ncontent-length:  \(one.utf8.count)\r\n\r\n"),
             expected: [message(one)]),
        Case(name: "a multi-byte body is counted in bytes", bytes: frame(#"{"text":"한국어 ภาษาไทย 🔐"}"#),
             expected: [message(#"{"text":"한국어 ภาษาไทย 🔐"}"#)]),
        Case(name: "an empty body", bytes: frame("") + frame(two), expected: [message(""), message(two)]),
        Case(name: "no Content-Length, then a good message", bytes: Array("Content-Type: x\r\n\r\n".utf8) + frame(two),
             expected: [.malformedHeader("a header without `Content-Length`"), message(two)]),
        Case(name: "a length that is not a number", bytes: Array("Content-Length: 12x\r\n\r\n".utf8) + frame(two),
             expected: [.malformedHeader("`Content-Length: 12x` is not a byte count"), message(two)]),
        Case(name: "a negative length", bytes: Array("Content-Length: -5\r\n\r\n".utf8) + frame(two),
             expected: [.malformedHeader("`Content-Length: -5` is not a byte count"), message(two)]),
        Case(name: "a line without a colon", bytes: Array("Content-Length 5\r\n\r\n".utf8) + frame(two),
             expected: [.malformedHeader("a header line without `:`: `Content-Length 5`"), message(two)]),
        Case(name: "two different lengths", bytes: Array("Content-Length: 5\r\nContent-Length: 6\r\n\r\n".utf8) + frame(two),
             expected: [.malformedHeader("two different `Content-Length` fields"), message(two)]),
        Case(name: "a header byte that is not ASCII", bytes: Array("Content-Length: 5\u{00E9}\r\n\r\n".utf8) + frame(two),
             expected: [.malformedHeader("a header with a byte that is not printable ASCII"), message(two)]),
        Case(name: "a length of 13 digits", bytes: Array("Content-Length: 1000000000000\r\n\r\n".utf8) + frame(two),
             expected: [.malformedHeader("`Content-Length: 1000000000000` is not a byte count"), message(two)]),
    ]

    @Test("messages and bad headers, whole and byte by byte", arguments: cases)
    func framing(_ example: Case) {
        #expect(Self.events(example.bytes) == example.expected)
        #expect(Self.events(example.bytes, chunk: 1) == example.expected)
        #expect(Self.events(example.bytes, chunk: 7) == example.expected)
    }

    @Test("a body over the cap is reported and dropped as it arrives, never held; the next message is read")
    func oversize() {
        let big = String(repeating: "x", count: 5_000)
        let bytes = Self.frame(big) + Self.frame(Self.two)
        let small = MessageFramer(maximumHeader: 256, maximumMessage: 1_000)
        #expect(Self.events(bytes, framer: small) == [.oversize(5_000), Self.message(Self.two)])
        #expect(Self.events(bytes, chunk: 100, framer: small) == [.oversize(5_000), Self.message(Self.two)])
        var framer = small
        var held = 0
        for start in stride(from: 0, to: bytes.count, by: 100) {
            framer.append(bytes[start..<Swift.min(bytes.count, start + 100)])
            while framer.next() != nil {}
            held = Swift.max(held, framer.heldBytes)
        }
        #expect(held <= 200)
    }

    @Test("a header that never ends is reported once, dropped without being held, and reading resumes after it")
    func endlessHeader() {
        let garbage = Array(repeating: UInt8(ascii: "a"), count: 10_000)
        let bytes = garbage + Array("\r\n\r\n".utf8) + Self.frame(Self.two)
        let small = MessageFramer(maximumHeader: 256, maximumMessage: 1_000)
        for chunk in [0, 1, 33] {
            #expect(Self.events(bytes, chunk: chunk, framer: small)
                == [.malformedHeader("a header longer than 256 bytes"), Self.message(Self.two)])
        }
        var framer = small
        var held = 0
        for byte in garbage {
            framer.append([byte])
            while framer.next() != nil {}
            held = Swift.max(held, framer.heldBytes)
        }
        #expect(held <= 256 + 4)
    }

    @Test("a header block is judged on its length alone, however its bytes arrive (fuzz finding: one at the cap)")
    func headerAtTheCap() {
        let small = MessageFramer(maximumHeader: 256, maximumMessage: 1_000)
        let atCap = Array("Content-Length: 2".utf8) + Array(repeating: UInt8(ascii: " "), count: 256 - 17) + Array("\r\n\r\n{}".utf8)
        let overCap = Array("Content-Length: 2".utf8) + Array(repeating: UInt8(ascii: " "), count: 257 - 17) + Array("\r\n\r\n{}".utf8)
        for chunk in [0, 1, 5] {
            #expect(Self.events(atCap, chunk: chunk, framer: small) == [Self.message("{}")])
            #expect(Self.events(overCap, chunk: chunk, framer: small) == [.malformedHeader("a header longer than 256 bytes")])
        }
    }

    @Test("a message split inside its header terminator is read once it is whole")
    func splitTerminator() {
        var framer = MessageFramer()
        let bytes = Self.frame(Self.one)
        let cut = "Content-Length: \(Self.one.utf8.count)\r\n\r".utf8.count
        framer.append(bytes[..<cut])
        #expect(framer.next() == nil)
        framer.append(bytes[cut...])
        #expect(framer.next() == Self.message(Self.one))
        #expect(framer.next() == nil)
    }
}
