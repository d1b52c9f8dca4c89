/// Checks on the raw bytes before YAML parsing, so that a binary file, a broken encoding
/// or tab indentation gets a diagnostic that says so, not a puzzling parser error.
enum ByteChecks {
    struct Outcome {
        var diagnostics: [Diagnostic] = []
        /// The bytes to parse (BOM removed), or nil when parsing would only produce noise.
        var parseable: [UInt8]?
    }

    static func check(_ file: SourceFile) -> Outcome {
        var outcome = Outcome()
        var bytes = file.bytes[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            outcome.diagnostics.append(.error(.byteOrderMark, "the file starts with a UTF-8 byte-order mark",
                                              at: file.location(line: 1, column: 1),
                                              hint: "save the file as UTF-8 without a BOM"))
            bytes = bytes.dropFirst(3)
        }
        if let encoding = utf16Encoding(file.bytes) {
            outcome.diagnostics.append(.error(.utf16File, "the file is \(encoding), not UTF-8",
                                              at: file.location(line: 1, column: 1),
                                              hint: "re-save it as UTF-8 (without a byte-order mark)"))
            return outcome
        }
        if let nul = bytes.firstIndex(of: 0) {
            let position = Self.position(of: nul, in: file.bytes)
            outcome.diagnostics.append(.error(.binaryFile, "the file holds a NUL byte: this is binary data, not YAML",
                                              at: file.location(line: position.line, column: position.column),
                                              hint: "region descriptors are UTF-8 text files"))
            return outcome
        }
        if let bad = firstInvalidUTF8(bytes) {
            let position = Self.position(of: bad, in: file.bytes)
            let value = "0x" + String(file.bytes[bad], radix: 16, uppercase: true)
            outcome.diagnostics.append(.error(.invalidUTF8, "byte \(value) is not valid UTF-8",
                                              at: file.location(line: position.line, column: position.column),
                                              hint: "re-save the file as UTF-8 (it may be Latin-1 or UTF-16)"))
            return outcome
        }
        if let control = firstControlCharacter(bytes) {
            let position = Self.position(of: control.offset, in: file.bytes)
            let code = "U+" + String(repeating: "0", count: max(0, 4 - String(control.scalar.value, radix: 16).count))
                + String(control.scalar.value, radix: 16, uppercase: true)
            outcome.diagnostics.append(.error(.controlCharacter, "control character \(code) is not allowed in YAML",
                                              at: file.location(line: position.line, column: position.column),
                                              hint: "remove it; in a double-quoted string write it as an escape, e.g. \"\\e\""))
            return outcome
        }
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            outcome.diagnostics.append(.error(.emptyFile, "the file is empty", at: file.location(line: 1, column: 1),
                                              hint: "a region descriptor needs at least `region`, `name`, `payment_methods` and `routes`"))
            return outcome
        }
        let tabs = tabIndentation(in: file)
        guard tabs.isEmpty else {
            outcome.diagnostics += tabs
            return outcome
        }
        if let lineBreak = strayLineBreak(in: file) {
            outcome.diagnostics.append(lineBreak)
            return outcome
        }
        outcome.parseable = Array(bytes)
        return outcome
    }

    /// "UTF-16 (little-endian)" and the like when the bytes are UTF-16 (or UTF-32): a byte-order
    /// mark, or NUL bytes at every other position of the first line's worth of text.
    static func utf16Encoding(_ bytes: [UInt8]) -> String? {
        if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) { return "UTF-32 (little-endian)" }
        if bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) { return "UTF-32 (big-endian)" }
        if bytes.starts(with: [0xFF, 0xFE]) { return "UTF-16 (little-endian)" }
        if bytes.starts(with: [0xFE, 0xFF]) { return "UTF-16 (big-endian)" }
        let head = bytes.prefix(256)
        guard head.count >= 4 else { return nil }
        var evenNUL = 0, oddNUL = 0
        for (index, byte) in head.enumerated() where byte == 0 {
            if index % 2 == 0 { evenNUL += 1 } else { oddNUL += 1 }
        }
        let pairs = head.count / 2
        // ASCII text in UTF-16 has a NUL in nearly every pair, all on the same side.
        if oddNUL * 4 >= pairs * 3, evenNUL == 0 { return "UTF-16 (little-endian)" }
        if evenNUL * 4 >= pairs * 3, oddNUL == 0 { return "UTF-16 (big-endian)" }
        return nil
    }

    /// The first character YAML does not allow in a file (C0 controls but tab, LF and CR; DEL; C1
    /// controls but NEL), with its byte offset. The bytes are valid UTF-8.
    static func firstControlCharacter(_ bytes: ArraySlice<UInt8>) -> (offset: Int, scalar: Unicode.Scalar)? {
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte < 0x20, byte != 0x09, byte != 0x0A, byte != 0x0D { return (index, Unicode.Scalar(byte)) }
            if byte == 0x7F { return (index, Unicode.Scalar(byte)) }
            // C1 controls are U+0080..U+009F: C2 80..C2 9F in UTF-8 (C2 85 is NEL, allowed).
            if byte == 0xC2, index + 1 < bytes.endIndex, (0x80...0x9F).contains(bytes[index + 1]), bytes[index + 1] != 0x85 {
                return (index, Unicode.Scalar(bytes[index + 1]))
            }
            index += 1
        }
        return nil
    }

    /// The index of the first byte that does not start or continue a well-formed UTF-8 sequence.
    static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> Int? {
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let lead = bytes[index]
            let length: Int
            var low: UInt8 = 0x80, high: UInt8 = 0xBF
            switch lead {
            case 0x00...0x7F: index += 1; continue
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return index
            }
            for offset in 1..<length {
                let position = index + offset
                guard position < bytes.endIndex else { return index }
                let byte = bytes[position]
                let (min, max): (UInt8, UInt8) = offset == 1 ? (low, high) : (0x80, 0xBF)
                guard byte >= min, byte <= max else { return index }
            }
            index += length
        }
        return nil
    }

    /// Line and column (in Unicode scalars) of a byte offset.
    static func position(of offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        var index = 0
        while index < offset, index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            index += 1
        }
        // A BOM is not a column.
        if line == 1, bytes.starts(with: [0xEF, 0xBB, 0xBF]), offset >= 3 { column -= 1 }
        return (line, column)
    }

    /// Tabs in the indentation of a line: YAML forbids them and libyaml's message for them is cryptic.
    static func tabIndentation(in file: SourceFile) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var line = 1
        var column = 1
        var inIndentation = true
        var tabColumn: Int?
        for byte in file.bytes {
            switch byte {
            case 0x0A:
                line += 1
                column = 1
                inIndentation = true
                tabColumn = nil
                continue
            case 0x09 where inIndentation:
                tabColumn = tabColumn ?? column
            case 0x20, 0x2D, 0x0D:
                break // spaces and the dashes of block sequence items are part of indentation
            default:
                // A tab only matters when content follows it on the line; blank lines are harmless.
                if inIndentation, let tab = tabColumn {
                    diagnostics.append(.error(.tabIndentation, "a tab character is used for indentation",
                                              at: file.location(line: line, column: tab),
                                              hint: "indent with spaces; YAML does not allow tabs for indentation"))
                }
                inIndentation = false
            }
            if byte & 0xC0 != 0x80 { column += 1 }
        }
        return diagnostics
    }

    /// A line break libyaml counts but editors and our line numbers (LF, or CRLF) do not: a CR without
    /// an LF (old Mac line ends), NEL, LS or PS. Every position after it would be off by a line, so
    /// the file is refused at the break (the region fuzz target found diagnostics past the last line).
    static func strayLineBreak(in file: SourceFile) -> Diagnostic? {
        let bytes = file.bytes
        for index in bytes.indices {
            let next = index + 1 < bytes.count ? bytes[index + 1] : nil
            let third = index + 2 < bytes.count ? bytes[index + 2] : nil
            let name: String
            switch (bytes[index], next, third) {
            case (0x0D, let next, _) where next != 0x0A: name = "a carriage return (U+000D) without a line feed"
            case (0xC2, 0x85, _): name = "a next-line character (U+0085)"
            case (0xE2, 0x80, 0xA8): name = "a line separator (U+2028)"
            case (0xE2, 0x80, 0xA9): name = "a paragraph separator (U+2029)"
            default: continue
            }
            let position = position(of: index, in: bytes)
            return .error(.syntaxError, "\(name) ends a line for YAML but not for editors",
                          at: file.location(line: position.line, column: position.column),
                          hint: "end lines with LF or CRLF; in a double-quoted string write the character as an escape")
        }
        return nil
    }
}
