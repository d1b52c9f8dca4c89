/// The top-level members of one JSON object, as byte ranges: keys (content, escapes not
/// decoded) and values of any kind (strings with their quotes, nested objects and arrays
/// whole). Nested values are skipped structurally, not validated: a caller reads the
/// members it needs with its own parser. nil when the bytes are not one object.
enum JSONMembers {
    struct Member {
        var key: Range<Int>
        var value: Range<Int>
    }

    static func scan(_ bytes: ArraySlice<UInt8>) -> [Member]? {
        var index = bytes.startIndex
        func skipSpace() {
            while index < bytes.endIndex, bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0D || bytes[index] == 0x0A {
                index += 1
            }
        }
        /// Moves past a string starting at `index`; false when it does not end on this line.
        func skipString() -> Bool {
            guard index < bytes.endIndex, bytes[index] == UInt8(ascii: "\"") else { return false }
            index += 1
            while index < bytes.endIndex {
                switch bytes[index] {
                case UInt8(ascii: "\""):
                    index += 1
                    return true
                case UInt8(ascii: "\\"): index += 2
                default: index += 1
                }
            }
            return false
        }
        /// Moves past one value of any kind; nested brackets are counted, not recursed into.
        func skipValue() -> Bool {
            guard index < bytes.endIndex else { return false }
            switch bytes[index] {
            case UInt8(ascii: "\""): return skipString()
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                var depth = 0
                while index < bytes.endIndex {
                    switch bytes[index] {
                    case UInt8(ascii: "\""):
                        guard skipString() else { return false }
                        continue
                    case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                    case UInt8(ascii: "}"), UInt8(ascii: "]"):
                        depth -= 1
                        if depth == 0 {
                            index += 1
                            return true
                        }
                    default: break
                    }
                    index += 1
                }
                return false
            default:
                // true, false, null or a number: a run of literal characters.
                let start = index
                while index < bytes.endIndex, Self.isLiteral(bytes[index]) { index += 1 }
                return index > start
            }
        }
        skipSpace()
        guard index < bytes.endIndex, bytes[index] == UInt8(ascii: "{") else { return nil }
        index += 1
        var members: [Member] = []
        skipSpace()
        if index < bytes.endIndex, bytes[index] == UInt8(ascii: "}") {
            index += 1
            skipSpace()
            return index == bytes.endIndex ? members : nil
        }
        while true {
            skipSpace()
            let keyStart = index + 1
            guard skipString() else { return nil }
            let key = keyStart..<(index - 1)
            skipSpace()
            guard index < bytes.endIndex, bytes[index] == UInt8(ascii: ":") else { return nil }
            index += 1
            skipSpace()
            let valueStart = index
            guard skipValue() else { return nil }
            members.append(Member(key: key, value: valueStart..<index))
            skipSpace()
            guard index < bytes.endIndex else { return nil }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            guard bytes[index] == UInt8(ascii: "}") else { return nil }
            index += 1
            skipSpace()
            return index == bytes.endIndex ? members : nil
        }
    }

    /// The value of the last member named `name` (a repeated key keeps its last value, as
    /// `FlatJSONObject` does), or nil.
    static func value(_ name: StaticString, in members: [Member], of bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8>? {
        for member in members.reversed() where name.withUTF8Buffer({ $0.elementsEqual(bytes[member.key]) }) {
            return bytes[member.value]
        }
        return nil
    }

    /// A string value's text, escapes decoded; nil for any other kind of value.
    static func string(_ value: ArraySlice<UInt8>) -> String? {
        var index = value.startIndex
        guard let text = FlatJSONObject.string(value, &index), index == value.endIndex else { return nil }
        return text
    }

    private static func isLiteral(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A)
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".")
    }
}
