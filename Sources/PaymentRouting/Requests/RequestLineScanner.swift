/// The fast path for batch request lines: finds the five fields' byte ranges in a flat object
/// whose strings hold no escapes, making no strings for keys and none for `amount` and `at`
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
        var index = line.startIndex
        func skipSpace() {
            while index < line.endIndex, line[index] == 0x20 || line[index] == 0x09 || line[index] == 0x0D { index += 1 }
        }
        /// A string without escapes or control characters: the range of its content.
        func plainString() -> Range<Int>? {
            guard index < line.endIndex, line[index] == UInt8(ascii: "\"") else { return nil }
            let start = index + 1
            var cursor = start
            while cursor < line.endIndex {
                let byte = line[cursor]
                if byte == UInt8(ascii: "\"") {
                    index = cursor + 1
                    return start..<cursor
                }
                guard byte != UInt8(ascii: "\\"), byte >= 0x20 else { return nil }
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
        skipSpace()
        guard index < line.endIndex, line[index] == UInt8(ascii: "{") else { return nil }
        index += 1
        while true {
            skipSpace()
            guard let key = plainString() else { return nil }
            skipSpace()
            guard index < line.endIndex, line[index] == UInt8(ascii: ":") else { return nil }
            index += 1
            skipSpace()
            guard let value = plainString() else { return nil }
            // A repeated key keeps its last value, as the general path's parser does.
            if isKey(key, "region") { region = value }
            else if isKey(key, "merchant") { merchant = value }
            else if isKey(key, "method") { method = value }
            else if isKey(key, "amount") { amount = value }
            else if isKey(key, "at") { at = value }
            skipSpace()
            guard index < line.endIndex else { return nil }
            if line[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            guard line[index] == UInt8(ascii: "}") else { return nil }
            index += 1
            skipSpace()
            guard index == line.endIndex, let region, let merchant, let method, let amount, let at else { return nil }
            return Fields(region: region, merchant: merchant, method: method, amount: amount, at: at)
        }
    }
}
