/// Cuts the byte stream of standard input into LSP messages: a header block (`Content-Length: N`,
/// optionally `Content-Type`, each line ending in CRLF, the block in an empty line), then N bytes
/// of JSON. Nothing else in the code base reads this format (request lines are JSON Lines, cut by
/// `RequestLineSplitter`); the JSON itself is left to Foundation's decoder.
///
/// Bad input never stops the stream: a header block that cannot be read is reported and skipped
/// (the next block starts after its empty line); a header block longer than `maximumHeader` is
/// reported and dropped up to its empty line without being held; a body longer than
/// `maximumMessage` is reported and its bytes are dropped as they arrive. The framer holds at most
/// one header block and one body.
package struct MessageFramer: Sendable {
    package enum Event: Sendable, Hashable {
        /// One message's bytes (not yet known to be JSON).
        case message([UInt8])
        /// A header block that was skipped, and why.
        case malformedHeader(String)
        /// A message whose declared length is over the cap; its body is being dropped.
        case oversize(Int)
    }

    /// Longer than any header a client sends (two short fields).
    package static let maximumHeaderBytes = 4_096
    /// A region file or catalog is a few kilobytes; a generated tree's catalog well under a megabyte.
    package static let maximumMessageBytes = 16 << 20

    private enum State: Sendable {
        /// Reading a header block; bytes before `scanned` hold no terminator.
        case header(scanned: Int)
        /// After an overlong header block: dropping bytes up to its terminator.
        case skippingHeader
        case body(length: Int)
        /// Dropping the body of an oversize message.
        case discarding(remaining: Int)
    }

    let maximumHeader: Int
    let maximumMessage: Int
    private var buffer: [UInt8] = []
    /// Bytes of `buffer` already consumed.
    private var start = 0
    private var state = State.header(scanned: 0)

    package init(maximumHeader: Int = MessageFramer.maximumHeaderBytes, maximumMessage: Int = MessageFramer.maximumMessageBytes) {
        self.maximumHeader = maximumHeader
        self.maximumMessage = maximumMessage
    }

    /// Bytes held now, consumed or not (tests check the caps hold).
    package var heldBytes: Int { buffer.count }

    package mutating func append(_ bytes: some Sequence<UInt8>) {
        buffer.append(contentsOf: bytes)
    }

    /// The next event the bytes so far make, or nil until more arrive.
    package mutating func next() -> Event? {
        while true {
            switch state {
            case .header(let scanned):
                let from = Swift.max(start, scanned)
                if let end = Self.headerTerminator(in: buffer, from: from, limit: buffer.count) {
                    let header = buffer[start..<end]
                    consume(upTo: end + Self.terminator.count)
                    state = .header(scanned: 0)
                    switch Self.contentLength(of: header, maximumHeader: maximumHeader) {
                    case .failure(let problem):
                        return .malformedHeader(problem.reason)
                    case .success(let length) where length > maximumMessage:
                        state = .discarding(remaining: length)
                        return .oversize(length)
                    case .success(let length):
                        state = .body(length: length)
                    }
                } else if buffer.count - start >= maximumHeader + Self.terminator.count {
                    // Only now can no terminator end a header within the cap: judging earlier, as
                    // bytes arrive, would call a header overlong that arriving whole is not.
                    // Keep the last bytes: they may be the start of the terminator.
                    consume(upTo: buffer.count - (Self.terminator.count - 1))
                    state = .skippingHeader
                    return .malformedHeader("a header longer than \(maximumHeader) bytes")
                } else {
                    state = .header(scanned: Swift.max(start, buffer.count - (Self.terminator.count - 1)))
                    return nil
                }
            case .skippingHeader:
                if let end = Self.headerTerminator(in: buffer, from: start, limit: buffer.count) {
                    consume(upTo: end + Self.terminator.count)
                    state = .header(scanned: 0)
                } else {
                    consume(upTo: Swift.max(start, buffer.count - (Self.terminator.count - 1)))
                    return nil
                }
            case .body(let length):
                guard buffer.count - start >= length else { return nil }
                let body = Array(buffer[start..<(start + length)])
                consume(upTo: start + length)
                state = .header(scanned: 0)
                return .message(body)
            case .discarding(let remaining):
                let dropped = Swift.min(remaining, buffer.count - start)
                consume(upTo: start + dropped)
                guard remaining - dropped == 0 else {
                    state = .discarding(remaining: remaining - dropped)
                    return nil
                }
                state = .header(scanned: 0)
            }
        }
    }

    /// Marks bytes before `offset` consumed, and gives back the buffer's front once it is half of it.
    private mutating func consume(upTo offset: Int) {
        start = offset
        if start == buffer.count {
            buffer.removeAll(keepingCapacity: buffer.count <= 1 << 16)
            start = 0
        } else if start * 2 >= buffer.count {
            // Moving the rest costs no more than the bytes consumed since the last move.
            buffer.removeFirst(start)
            if case .header(let scanned) = state { state = .header(scanned: Swift.max(0, scanned - start)) }
            start = 0
        }
    }

    static let terminator: [UInt8] = Array("\r\n\r\n".utf8)

    /// Where the first `\r\n\r\n` at or after `from` starts.
    static func headerTerminator(in bytes: [UInt8], from: Int, limit: Int) -> Int? {
        var index = from
        while index + terminator.count <= limit {
            if bytes[index] == 0x0D, bytes[index + 1] == 0x0A, bytes[index + 2] == 0x0D, bytes[index + 3] == 0x0A {
                return index
            }
            index += 1
        }
        return nil
    }

    /// The `Content-Length` of a header block (fields are case-insensitive; `Content-Type` and
    /// unknown fields are ignored), or why there is none.
    static func contentLength(of header: ArraySlice<UInt8>, maximumHeader: Int) -> Result<Int, HeaderProblem> {
        guard header.count <= maximumHeader else { return .failure("a header longer than \(maximumHeader) bytes") }
        guard header.allSatisfy({ $0 == 0x0D || $0 == 0x0A || (0x20...0x7E).contains($0) }) else {
            return .failure("a header with a byte that is not printable ASCII")
        }
        let text = String(decoding: header, as: UTF8.self)
        var length: Int?
        for line in text.split(separator: "\r\n", omittingEmptySubsequences: true) {
            guard let colon = line.firstIndex(of: ":") else {
                return .failure("a header line without `:`: `\(line.prefix(80))`")
            }
            let name = line[..<colon].trimmingSpaces.lowercased()
            let value = line[line.index(after: colon)...].trimmingSpaces
            guard name == "content-length" else { continue }
            guard let parsed = decimal(value) else {
                return .failure("`Content-Length: \(value.prefix(40))` is not a byte count")
            }
            if let length, length != parsed { return .failure("two different `Content-Length` fields") }
            length = parsed
        }
        guard let length else { return .failure("a header without `Content-Length`") }
        return .success(length)
    }

    /// A non-negative decimal of at most 12 digits (far above any cap, far below overflow).
    static func decimal(_ text: Substring) -> Int? {
        guard !text.isEmpty, text.count <= 12, text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(text)
    }
}

/// Why a header block was skipped, in words for a log message.
struct HeaderProblem: Error, ExpressibleByStringLiteral, ExpressibleByStringInterpolation {
    let reason: String
    init(stringLiteral value: String) { reason = value }
    init(stringInterpolation: DefaultStringInterpolation) { reason = String(stringInterpolation: stringInterpolation) }
}

extension Substring {
    var trimmingSpaces: Substring {
        var text = self
        while text.first == " " || text.first == "\t" { text.removeFirst() }
        while text.last == " " || text.last == "\t" { text.removeLast() }
        return text
    }
}
