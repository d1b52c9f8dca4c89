/// A position in the bytes of one JSON text, moving forward only: the one reader of JSON syntax
/// for requests, request lines and decision-log lines, so what is whitespace, what a string may
/// hold and what a value may be is decided in one place (RFC 8259). Every value it passes over
/// is checked, including members a caller does not want, so no reader accepts a line another refuses.
struct JSONCursor {
    let bytes: ArraySlice<UInt8>
    private(set) var index: Int
    /// Objects and arrays nested deeper than this are refused: a line cannot run the stack out.
    static let maximumDepth = 32

    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        index = bytes.startIndex
    }

    var atEnd: Bool { index == bytes.endIndex }

    /// Space, tab, LF and CR: JSON's whitespace, nothing else.
    mutating func skipSpace() {
        while index < bytes.endIndex, Self.isSpace(bytes[index]) { index += 1 }
    }

    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }

    /// Moves past `byte` when it is next.
    mutating func take(_ byte: UInt8) -> Bool {
        guard index < bytes.endIndex, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    /// The string at the cursor, checked whole: no raw byte below 0x20, only the escapes JSON
    /// has, surrogate escapes in pairs, valid UTF-8. Nil (the cursor then means nothing) otherwise.
    mutating func string() -> JSONString? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        let start = index
        var plain = true
        var ascii = true
        var pendingHighSurrogate = false
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                guard !pendingHighSurrogate else { return nil }
                let content = start..<index
                index += 1
                if !ascii, !Self.isUTF8(bytes[content]) { return nil }
                return JSONString(content: content, isPlain: plain)
            }
            if byte == UInt8(ascii: "\\") {
                plain = false
                index += 1
                guard let unit = escapedCodeUnit() else { return nil }
                switch unit {
                case 0xD800...0xDBFF:
                    guard !pendingHighSurrogate else { return nil }
                    pendingHighSurrogate = true
                case 0xDC00...0xDFFF:
                    guard pendingHighSurrogate else { return nil }
                    pendingHighSurrogate = false
                default:
                    guard !pendingHighSurrogate else { return nil }
                }
                continue
            }
            guard byte >= 0x20, !pendingHighSurrogate else { return nil }
            if byte >= 0x7F {
                plain = false
                if byte >= 0x80 { ascii = false }
            }
            index += 1
        }
        return nil
    }

    /// The code unit of one escape, the cursor just past its backslash: `\n` is 0x0A, `\u00e9`
    /// is 0xE9 (a UTF-16 unit: surrogates are paired by the caller). Nil for an escape JSON has not.
    private mutating func escapedCodeUnit() -> UInt32? {
        guard index < bytes.endIndex else { return nil }
        let escape = bytes[index]
        index += 1
        switch escape {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): return UInt32(escape)
        case UInt8(ascii: "b"): return 0x08
        case UInt8(ascii: "f"): return 0x0C
        case UInt8(ascii: "n"): return 0x0A
        case UInt8(ascii: "r"): return 0x0D
        case UInt8(ascii: "t"): return 0x09
        case UInt8(ascii: "u"):
            var value: UInt32 = 0
            for _ in 0..<4 {
                guard index < bytes.endIndex, let digit = Self.hexValue(bytes[index]) else { return nil }
                value = value << 4 | digit
                index += 1
            }
            return value
        default: return nil
        }
    }

    /// The value at the cursor, checked whole (nested ones to `maximumDepth`).
    mutating func value(depth: Int = 0) -> JSONCursor.Value? {
        guard index < bytes.endIndex else { return nil }
        let start = index
        switch bytes[index] {
        case UInt8(ascii: "\""):
            return string().map(JSONCursor.Value.string)
        case UInt8(ascii: "{"):
            guard readObject(depth: depth + 1, { _, _ in }) else { return nil }
            return .object(start..<index)
        case UInt8(ascii: "["):
            guard skipArray(depth: depth + 1) else { return nil }
            return .other(start..<index)
        case UInt8(ascii: "t"): return literal("true") ? .other(start..<index) : nil
        case UInt8(ascii: "f"): return literal("false") ? .other(start..<index) : nil
        case UInt8(ascii: "n"): return literal("null") ? .other(start..<index) : nil
        default: return number() ? .other(start..<index) : nil
        }
    }

    /// Reads the object at the cursor, telling `member` each key and value in order. False when
    /// the bytes there are not one object.
    mutating func readObject(depth: Int = 1, _ member: (JSONString, JSONCursor.Value) -> Void) -> Bool {
        guard depth <= Self.maximumDepth, take(UInt8(ascii: "{")) else { return false }
        skipSpace()
        if take(UInt8(ascii: "}")) { return true }
        while true {
            skipSpace()
            guard let key = string() else { return false }
            skipSpace()
            guard take(UInt8(ascii: ":")) else { return false }
            skipSpace()
            guard let value = value(depth: depth) else { return false }
            member(key, value)
            skipSpace()
            if take(UInt8(ascii: ",")) { continue }
            return take(UInt8(ascii: "}"))
        }
    }

    private mutating func skipArray(depth: Int) -> Bool {
        guard depth <= Self.maximumDepth, take(UInt8(ascii: "[")) else { return false }
        skipSpace()
        if take(UInt8(ascii: "]")) { return true }
        while true {
            skipSpace()
            guard value(depth: depth) != nil else { return false }
            skipSpace()
            if take(UInt8(ascii: ",")) { continue }
            return take(UInt8(ascii: "]"))
        }
    }

    private mutating func literal(_ word: StaticString) -> Bool {
        word.withUTF8Buffer { word in
            guard bytes.endIndex - index >= word.count, bytes[index..<(index + word.count)].elementsEqual(word) else { return false }
            index += word.count
            return true
        }
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`
    private mutating func number() -> Bool {
        _ = take(UInt8(ascii: "-"))
        if take(UInt8(ascii: "0")) {
            // no leading zeros
        } else {
            guard index < bytes.endIndex, (0x31...0x39).contains(bytes[index]) else { return false }
            skipDigits()
        }
        if take(UInt8(ascii: ".")) {
            guard skipDigits() else { return false }
        }
        if take(UInt8(ascii: "e")) || take(UInt8(ascii: "E")) {
            if !take(UInt8(ascii: "+")) { _ = take(UInt8(ascii: "-")) }
            guard skipDigits() else { return false }
        }
        return true
    }

    /// Moves past a run of digits; false when there was none.
    @discardableResult
    private mutating func skipDigits() -> Bool {
        let start = index
        while index < bytes.endIndex, (0x30...0x39).contains(bytes[index]) { index += 1 }
        return index > start
    }

    private static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case 0x30...0x39: UInt32(byte - 0x30)
        case 0x41...0x46: UInt32(byte - 0x41 + 10)
        case 0x61...0x66: UInt32(byte - 0x61 + 10)
        default: nil
        }
    }

    private static func isUTF8(_ bytes: ArraySlice<UInt8>) -> Bool {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }
}

/// A string the cursor checked: where its content lies in the bytes, and whether it is plain
/// (printable ASCII without escapes: its bytes are its text, and nothing in it needs a second look).
struct JSONString {
    var content: Range<Int>
    var isPlain: Bool

    /// The text, escapes decoded. `bytes` are the ones the cursor read it from.
    func text(in bytes: ArraySlice<UInt8>) -> String {
        let raw = bytes[content]
        guard !isPlain, raw.contains(UInt8(ascii: "\\")) else { return String(decoding: raw, as: UTF8.self) }
        var decoded: [UInt8] = []
        decoded.reserveCapacity(raw.count)
        var index = raw.startIndex
        var pendingHigh: UInt32?
        while index < raw.endIndex {
            let byte = raw[index]
            index += 1
            guard byte == UInt8(ascii: "\\"), index < raw.endIndex else {
                decoded.append(byte)
                continue
            }
            let escape = raw[index]
            index += 1
            var unit: UInt32
            switch escape {
            case UInt8(ascii: "b"): unit = 0x08
            case UInt8(ascii: "f"): unit = 0x0C
            case UInt8(ascii: "n"): unit = 0x0A
            case UInt8(ascii: "r"): unit = 0x0D
            case UInt8(ascii: "t"): unit = 0x09
            case UInt8(ascii: "u"):
                let hex = raw[index..<min(index + 4, raw.endIndex)]
                index = hex.endIndex
                unit = UInt32(String(decoding: hex, as: UTF8.self), radix: 16) ?? 0xFFFD
            default: unit = UInt32(escape)
            }
            if let high = pendingHigh {
                unit = 0x10000 + ((high - 0xD800) << 10) + ((unit &- 0xDC00) & 0x3FF)
                pendingHigh = nil
            } else if (0xD800...0xDBFF).contains(unit) {
                pendingHigh = unit
                continue
            }
            // The cursor paired every surrogate: a scalar always exists; U+FFFD keeps this total.
            let scalar = Unicode.Scalar(unit) ?? "\u{FFFD}"
            UTF8.encode(scalar) { decoded.append($0) }
        }
        return String(decoding: decoded, as: UTF8.self)
    }
}

extension JSONCursor {
    /// A value the cursor checked, by kind: strings and objects are what request readers look into.
    enum Value {
        case string(JSONString)
        case object(Range<Int>)
        /// An array, number, `true`, `false` or `null`.
        case other(Range<Int>)
    }
}
