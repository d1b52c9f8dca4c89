/// Cuts a streamed JSON Lines body into pieces of whole lines (at most about `chunkBytes` each)
/// for `BatchReplay`, numbering lines as it goes. A line longer than `maximumLine` is never held:
/// it is reported as `.overlongLine` and its bytes are dropped up to its newline.
struct BatchLineSplitter {
    let maximumLine: Int
    /// Bytes not yet handed out, starting at the start of a line.
    private var pending: [UInt8] = []
    /// Inside an overlong line: bytes are dropped until its newline.
    private var discarding = false
    private var nextLine = 1

    enum Piece: Equatable {
        /// Whole lines (the last may lack its newline at the end of the body), the first numbered `firstLine`.
        case lines([UInt8], firstLine: Int)
        /// Line `number` was longer than the cap and was skipped.
        case overlongLine(Int)
    }

    init(maximumLine: Int) { self.maximumLine = maximumLine }

    mutating func append(_ bytes: some Collection<UInt8>) {
        guard discarding else {
            pending += bytes
            return
        }
        guard let newline = bytes.firstIndex(of: 0x0A) else { return }
        discarding = false
        pending += bytes[bytes.index(after: newline)...]
    }

    /// The next piece ready to decide, or nil until more bytes come.
    mutating func nextPiece(chunkBytes: Int) -> Piece? {
        var end = 0
        var lines = 0
        while end < chunkBytes {
            let searchEnd = min(pending.count, end + maximumLine + 1)
            guard let newline = pending[end..<searchEnd].firstIndex(of: 0x0A) else {
                // No newline within the cap: the line at `end` is too long, or not complete yet.
                if searchEnd - end > maximumLine, end == 0 { return skipOverlongLine() }
                break
            }
            end = newline + 1
            lines += 1
        }
        guard end > 0 else { return nil }
        let piece = Piece.lines(Array(pending[0..<end]), firstLine: nextLine)
        pending.removeFirst(end)
        nextLine += lines
        return piece
    }

    /// What is left at the end of the body: a last line without its newline.
    mutating func finish() -> Piece? {
        guard !discarding, !pending.isEmpty else { return nil }
        if pending.count > maximumLine { return skipOverlongLine() }
        defer { pending = [] }
        return .lines(pending, firstLine: nextLine)
    }

    private mutating func skipOverlongLine() -> Piece {
        let number = nextLine
        nextLine += 1
        if let newline = pending.firstIndex(of: 0x0A) {
            pending.removeFirst(newline + 1)
        } else {
            pending.removeAll(keepingCapacity: false)
            discarding = true
        }
        return .overlongLine(number)
    }
}
