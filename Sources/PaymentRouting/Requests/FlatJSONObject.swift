/// Reads a one-level JSON object whose values are all strings, e.g. a batch request line.
/// Anything else (nesting, numbers, a syntax error) gives nil: the caller reports the line.
enum FlatJSONObject {
    enum Failure: Error, Equatable {
        /// Not a JSON object (a syntax error, or another kind of value).
        case malformed
        /// The value of this key is not a string (a number, an object, null, ...).
        case notAString(key: String)
    }

    static func parse(_ bytes: ArraySlice<UInt8>) -> [String: String]? {
        if case .success(let fields) = read(bytes) { return fields }
        return nil
    }

    /// The same, saying which key holds a value that is not a string, so a caller can name the field.
    static func read(_ bytes: ArraySlice<UInt8>) -> Result<[String: String], Failure> {
        var index = bytes.startIndex
        func skipSpace() {
            while index < bytes.endIndex, [0x20, 0x09, 0x0D, 0x0A].contains(bytes[index]) { index += 1 }
        }
        func expect(_ byte: UInt8) -> Bool {
            skipSpace()
            guard index < bytes.endIndex, bytes[index] == byte else { return false }
            index += 1
            return true
        }
        guard expect(UInt8(ascii: "{")) else { return .failure(.malformed) }
        var fields: [String: String] = [:]
        skipSpace()
        if index < bytes.endIndex, bytes[index] == UInt8(ascii: "}") {
            index += 1
            skipSpace()
            return index == bytes.endIndex ? .success(fields) : .failure(.malformed)
        }
        while true {
            skipSpace()
            guard let key = string(bytes, &index), expect(UInt8(ascii: ":")) else { return .failure(.malformed) }
            skipSpace()
            guard index < bytes.endIndex else { return .failure(.malformed) }
            guard bytes[index] == UInt8(ascii: "\"") else { return .failure(.notAString(key: key)) }
            guard let value = string(bytes, &index) else { return .failure(.malformed) }
            fields[key] = value
            if expect(UInt8(ascii: ",")) { continue }
            guard expect(UInt8(ascii: "}")) else { return .failure(.malformed) }
            skipSpace()
            return index == bytes.endIndex ? .success(fields) : .failure(.malformed)
        }
    }

    /// Text from UTF-8 bytes, or nil when they are not valid UTF-8. ASCII (nearly every request)
    /// skips the generic validating initializer, which was a tenth of the batch time.
    static func text(_ bytes: ArraySlice<UInt8>) -> String? {
        if bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
        return String(validating: bytes, as: UTF8.self)
    }

    /// A JSON string starting at `index` (at its opening quote), escapes decoded.
    static func string(_ bytes: ArraySlice<UInt8>, _ index: inout Int) -> String? {
        guard index < bytes.endIndex, bytes[index] == UInt8(ascii: "\"") else { return nil }
        index += 1
        let start = index
        // Fast path: no escapes.
        while index < bytes.endIndex, bytes[index] != UInt8(ascii: "\""), bytes[index] != UInt8(ascii: "\\") {
            guard bytes[index] >= 0x20 else { return nil }
            index += 1
        }
        guard index < bytes.endIndex else { return nil }
        if bytes[index] == UInt8(ascii: "\"") {
            index += 1
            return text(bytes[start..<(index - 1)])
        }
        return escapedString(bytes, from: start, &index)
    }

    /// The slow path of `string`: `index` is at the first backslash of a string that began at `start`.
    static func escapedString(_ bytes: ArraySlice<UInt8>, from start: Int, _ index: inout Int) -> String? {
        var scalars = String.UnicodeScalarView()
        guard let prefix = text(bytes[start..<index]) else { return nil }
        scalars.append(contentsOf: prefix.unicodeScalars)
        var pendingHigh: UInt32?
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                return pendingHigh == nil ? String(scalars) : nil
            }
            if byte == UInt8(ascii: "\\") {
                index += 1
                guard var decoded = escapedCodeUnit(bytes, &index) else { return nil }
                if let high = pendingHigh {
                    guard (0xDC00...0xDFFF).contains(decoded) else { return nil }
                    decoded = 0x10000 + ((high - 0xD800) << 10) + (decoded - 0xDC00)
                    pendingHigh = nil
                } else if (0xD800...0xDBFF).contains(decoded) {
                    pendingHigh = decoded
                    continue
                }
                guard let scalar = Unicode.Scalar(decoded) else { return nil }
                scalars.append(scalar)
                continue
            }
            guard pendingHigh == nil, byte >= 0x20 else { return nil }
            // Copy a run of plain bytes at once.
            let runStart = index
            while index < bytes.endIndex, bytes[index] != UInt8(ascii: "\""), bytes[index] != UInt8(ascii: "\\"), bytes[index] >= 0x20 {
                index += 1
            }
            guard let run = text(bytes[runStart..<index]) else { return nil }
            scalars.append(contentsOf: run.unicodeScalars)
        }
        return nil
    }

    /// The code unit of one escape, `index` just past its backslash: `\n` is 0x0A, `\u00e9` is 0xE9
    /// (a UTF-16 unit: the caller pairs surrogates). Nil for an escape JSON does not have.
    static func escapedCodeUnit(_ bytes: ArraySlice<UInt8>, _ index: inout Int) -> UInt32? {
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
            guard index + 4 <= bytes.endIndex,
                  let value = UInt32(String(decoding: bytes[index..<(index + 4)], as: UTF8.self), radix: 16) else { return nil }
            index += 4
            return value
        default: return nil
        }
    }
}
