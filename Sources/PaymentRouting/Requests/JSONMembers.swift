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
        var cursor = Cursor(bytes: bytes)
        cursor.skipSpace()
        guard cursor.take(UInt8(ascii: "{")) else { return nil }
        var members: [Member] = []
        cursor.skipSpace()
        if cursor.take(UInt8(ascii: "}")) {
            cursor.skipSpace()
            return cursor.atEnd ? members : nil
        }
        while true {
            cursor.skipSpace()
            let keyStart = cursor.index + 1
            guard cursor.skipString() else { return nil }
            let key = keyStart..<(cursor.index - 1)
            cursor.skipSpace()
            guard cursor.take(UInt8(ascii: ":")) else { return nil }
            cursor.skipSpace()
            let valueStart = cursor.index
            guard cursor.skipValue() else { return nil }
            members.append(Member(key: key, value: valueStart..<cursor.index))
            cursor.skipSpace()
            if cursor.take(UInt8(ascii: ",")) { continue }
            guard cursor.take(UInt8(ascii: "}")) else { return nil }
            cursor.skipSpace()
            return cursor.atEnd ? members : nil
        }
    }

    /// A position in the bytes, moving forward only.
    struct Cursor {
        let bytes: ArraySlice<UInt8>
        var index: Int

        init(bytes: ArraySlice<UInt8>) {
            self.bytes = bytes
            index = bytes.startIndex
        }

        var atEnd: Bool { index == bytes.endIndex }

        mutating func skipSpace() {
            while index < bytes.endIndex, bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0D || bytes[index] == 0x0A {
                index += 1
            }
        }

        /// Moves past `byte` when it is next.
        mutating func take(_ byte: UInt8) -> Bool {
            guard index < bytes.endIndex, bytes[index] == byte else { return false }
            index += 1
            return true
        }

        /// Moves past a string starting at `index`; false when it does not end on this line.
        mutating func skipString() -> Bool {
            guard take(UInt8(ascii: "\"")) else { return false }
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
        mutating func skipValue() -> Bool {
            guard index < bytes.endIndex else { return false }
            switch bytes[index] {
            case UInt8(ascii: "\""): return skipString()
            case UInt8(ascii: "{"), UInt8(ascii: "["): return skipBrackets()
            default:
                // true, false, null or a number: a run of literal characters.
                let start = index
                while index < bytes.endIndex, JSONMembers.isLiteral(bytes[index]) { index += 1 }
                return index > start
            }
        }

        /// Moves past an object or array, strings inside it skipped whole.
        mutating func skipBrackets() -> Bool {
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

    fileprivate static func isLiteral(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A)
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".")
    }
}
