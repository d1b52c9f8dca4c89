/// The fast path for batch request lines: finds the five fields' byte ranges in a flat object
/// whose strings are plain ASCII without escapes, making no strings for keys and none for `amount` and `at`
/// (parsed straight from bytes), and no arrays. Anything unusual returns nil and the line takes
/// the general path, which explains the problem.
enum RequestLineScanner {
    /// Byte ranges of the five request fields' contents within the line.
    struct Fields {
        var region: Range<Int>
        var merchant: Range<Int>
        var method: Range<Int>
        var amount: Range<Int>
        var at: Range<Int>
    }

    static func scan(_ line: ArraySlice<UInt8>) -> Fields? {
        var region, merchant, method, amount, at: Range<Int>?
        var cursor = Cursor(line: line)
        cursor.skipSpace()
        guard cursor.take(UInt8(ascii: "{")) else { return nil }
        while true {
            cursor.skipSpace()
            guard let key = cursor.plainString() else { return nil }
            cursor.skipSpace()
            guard cursor.take(UInt8(ascii: ":")) else { return nil }
            cursor.skipSpace()
            guard let value = cursor.plainString() else { return nil }
            // A repeated key keeps its last value, as the general path's parser does.
            if cursor.isKey(key, "region") { region = value }
            else if cursor.isKey(key, "merchant") { merchant = value }
            else if cursor.isKey(key, "method") { method = value }
            else if cursor.isKey(key, "amount") { amount = value }
            else if cursor.isKey(key, "at") { at = value }
            cursor.skipSpace()
            if cursor.take(UInt8(ascii: ",")) { continue }
            guard cursor.take(UInt8(ascii: "}")) else { return nil }
            cursor.skipSpace()
            guard cursor.atEnd, let region, let merchant, let method, let amount, let at else { return nil }
            return Fields(region: region, merchant: merchant, method: method, amount: amount, at: at)
        }
    }

    /// A position in one line, moving forward only.
    struct Cursor {
        let line: ArraySlice<UInt8>
        var index: Int

        init(line: ArraySlice<UInt8>) {
            self.line = line
            index = line.startIndex
        }

        var atEnd: Bool { index == line.endIndex }

        mutating func skipSpace() {
            while index < line.endIndex, line[index] == 0x20 || line[index] == 0x09 || line[index] == 0x0D { index += 1 }
        }

        /// Moves past `byte` when it is next.
        mutating func take(_ byte: UInt8) -> Bool {
            guard index < line.endIndex, line[index] == byte else { return false }
            index += 1
            return true
        }

        /// A string of printable ASCII without escapes: the range of its content. Any other byte sends
        /// the line to the general path, which checks UTF-8: a member the fast path skips must not let
        /// it accept a line the general parser refuses (the batch-line fuzz target found a raw 0xFF byte in another member).
        mutating func plainString() -> Range<Int>? {
            guard index < line.endIndex, line[index] == UInt8(ascii: "\"") else { return nil }
            let start = index + 1
            var cursor = start
            while cursor < line.endIndex {
                let byte = line[cursor]
                if byte == UInt8(ascii: "\"") {
                    index = cursor + 1
                    return start..<cursor
                }
                guard byte != UInt8(ascii: "\\"), byte >= 0x20, byte < 0x80 else { return nil }
                cursor += 1
            }
            return nil
        }

        func isKey(_ key: Range<Int>, _ name: StaticString) -> Bool {
            guard key.count == name.utf8CodeUnitCount else { return false }
            return name.withUTF8Buffer { name in
                var offset = 0
                for position in key {
                    if line[position] != name[offset] { return false }
                    offset += 1
                }
                return true
            }
        }
    }
}
