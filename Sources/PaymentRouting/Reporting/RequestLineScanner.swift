/// The fast path for batch request lines: finds the five fields' byte ranges in a flat object
/// whose strings hold no escapes, making no strings for keys and none for `amount` and `at`
/// (parsed straight from bytes). Anything unusual returns nil and the line takes the general path.
enum RequestLineScanner {
    static let keys: [[UInt8]] = ["region", "merchant", "method", "amount", "at"].map { Array($0.utf8) }

    /// Ranges of region, merchant, method, amount, at; nil when the line is not the simple shape.
    static func scan(_ line: ArraySlice<UInt8>) -> [Range<Int>]? {
        var ranges = [Range<Int>?](repeating: nil, count: keys.count)
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
            if let slot = keys.firstIndex(where: { $0.elementsEqual(line[key]) }) { ranges[slot] = value }
            skipSpace()
            guard index < line.endIndex else { return nil }
            if line[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            guard line[index] == UInt8(ascii: "}") else { return nil }
            index += 1
            skipSpace()
            guard index == line.endIndex else { return nil }
            let found = ranges.compactMap { $0 }
            return found.count == keys.count ? found : nil
        }
    }
}
