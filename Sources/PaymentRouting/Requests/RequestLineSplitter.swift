#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Cuts a stream of request lines (JSON Lines, LF or CRLF) into whole lines for every reader of
/// them: `regionc route --batch`, `regionc diff --traffic` and `regiond`'s `/v1/route/batch`, so a
/// line is accepted or refused alike everywhere, with one cap and one message.
///
/// A line longer than `maximumLineBytes`, its terminator not counted, is never held: it becomes
/// one `.overlong` line and its bytes are dropped up to its newline. The splitter holds the lines
/// not yet taken and at most `maximumLine + 1` bytes of the line in progress, and looks at each
/// byte once (it resumes the newline search where the last one stopped, as swift-nio-extras'
/// `LineBasedFrameDecoder` does), so a long line costs time linear in its length and no memory.
/// That decoder itself is not used: it has no length cap, calls a last line without newline an
/// error, hands out one buffer per line, and would bring NIO into the runtime a payment service embeds.
package struct RequestLineSplitter: Sendable {
    /// The longest line read, as `regiond` caps a `/v1/route` body.
    package static let maximumLineBytes = 65_536
    /// What an overlong line is answered with, on every surface.
    package static let overlongLine = RequestError("line longer than \(maximumLineBytes) bytes")

    let maximumLine: Int
    /// Bytes from the first line not taken yet; lines before `lineStart` are complete.
    private var pending: [UInt8] = []
    private var lines: [RequestLines.Line] = []
    /// Start of the line in progress within `pending`.
    private var lineStart = 0
    /// Bytes of `pending` already searched for a newline.
    private var scanned = 0
    /// Inside an overlong line already reported: bytes are dropped until its newline.
    private var discarding = false
    /// Number of the first line in `lines`.
    private var firstLine: Int

    package init(firstLine: Int = 1) {
        self.init(maximumLine: Self.maximumLineBytes, firstLine: firstLine)
    }

    /// A splitter with another cap, for tests that cannot afford 64 KiB lines.
    init(maximumLine: Int, firstLine: Int = 1) {
        self.maximumLine = maximumLine
        self.firstLine = firstLine
    }

    /// Bytes held now: the lines not taken yet and the start of the line in progress.
    package var heldBytes: Int { pending.count }

    package mutating func append(_ bytes: some Collection<UInt8>) {
        let contiguous: Void? = bytes.withContiguousStorageIfAvailable { append(buffer: $0) }
        if contiguous == nil { Array(bytes).withUnsafeBufferPointer { append(buffer: $0) } }
    }

    private mutating func append(buffer: UnsafeBufferPointer<UInt8>) {
        var start = 0
        if discarding {
            guard let newline = Self.newline(in: buffer, from: 0) else { return }
            discarding = false
            start = newline + 1
        }
        pending.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start...]))
        scan()
    }

    /// The complete lines so far, when they hold at least `minimumBytes`; nil otherwise.
    package mutating func take(minimumBytes: Int = 0) -> RequestLines? {
        guard !lines.isEmpty, lineStart >= minimumBytes else { return nil }
        let taken = RequestLines(bytes: pending, lines: lines, firstLine: firstLine)
        pending = Array(pending[lineStart...])
        scanned -= lineStart
        lineStart = 0
        firstLine += lines.count
        lines = []
        return taken
    }

    /// At the end of the input: every line not taken yet, the last one without its newline too.
    package mutating func finish() -> RequestLines? {
        if !discarding, lineStart < pending.count {
            // A CR just before the end belongs to the terminator, as before a newline.
            let end = pending[pending.count - 1] == 0x0D ? pending.count - 1 : pending.count
            lines.append(end - lineStart > maximumLine ? .overlong : .text(lineStart..<end))
            lineStart = pending.count
            scanned = pending.count
        }
        discarding = false
        return take()
    }

    /// Finds the newlines in the bytes not searched yet; drops a line in progress once it is too long.
    private mutating func scan() {
        let cap = maximumLine
        var found = lines
        lines = []
        var start = lineStart
        pending.withUnsafeBufferPointer { buffer in
            var from = scanned
            while let newline = Self.newline(in: buffer, from: from) {
                let end = newline > start && buffer[newline - 1] == 0x0D ? newline - 1 : newline
                found.append(end - start > cap ? .overlong : .text(start..<end))
                start = newline + 1
                from = start
            }
        }
        lines = found
        lineStart = start
        scanned = pending.count
        // Past the cap and a CR that may yet start a CRLF: too long whatever follows.
        if pending.count - lineStart > cap + 1 {
            lines.append(.overlong)
            pending.removeSubrange(lineStart...)
            scanned = lineStart
            discarding = true
        }
    }

    private static func newline(in buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let base = buffer.baseAddress, start < buffer.count,
              let found = memchr(base + start, 0x0A, buffer.count - start) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }
}

/// Whole lines the splitter cut, numbered, their terminators removed.
package struct RequestLines: Sendable {
    package enum Line: Sendable, Equatable {
        /// The line's bytes in `bytes`.
        case text(Range<Int>)
        /// Longer than the cap: answered with `RequestLineSplitter.overlongLine`.
        case overlong
    }

    package let bytes: [UInt8]
    package let lines: [Line]
    /// Number of the first of `lines`.
    package let firstLine: Int

    /// The lines in about one run per core, each at least 64 KiB of input (smaller runs are not
    /// worth a thread): indices into `lines`, in order.
    package func parts(cores: Int) -> [Range<Int>] {
        let count = max(1, min(cores, lines.count, bytes.count / 65_536))
        return (0..<count).map { part in (lines.count * part / count)..<(lines.count * (part + 1) / count) }
    }
}
