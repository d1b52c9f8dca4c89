import RegionCompiler

/// The one home of column conversion. The compiler counts columns in Unicode scalars, 1-based
/// (`SourceLocation`, as libyaml does); LSP counts UTF-16 code units, 0-based. A scalar outside
/// the Basic Multilingual Plane (an emoji) is one column and two UTF-16 units; Korean and Thai
/// are one of each, and Thai combining vowels are scalars of their own in both counts.
package enum LineColumns {
    /// The UTF-16 offset where 1-based scalar `column` of `line` starts. Columns past the line's
    /// end (a diagnostic just after the last character) count one unit each.
    package static func utf16Offset(ofScalarColumn column: Int, in line: some StringProtocol) -> Int {
        var offset = 0
        var remaining = column - 1
        for scalar in line.unicodeScalars {
            guard remaining > 0 else { return offset }
            offset += scalar.utf16.count
            remaining -= 1
        }
        return offset + Swift.max(0, remaining)
    }

    /// The 1-based scalar column of UTF-16 `offset` in `line`; an offset inside a surrogate pair
    /// is the scalar it splits, one past the end is just after the last scalar.
    package static func scalarColumn(ofUTF16Offset offset: Int, in line: some StringProtocol) -> Int {
        var units = 0
        var column = 1
        for scalar in line.unicodeScalars {
            let next = units + scalar.utf16.count
            guard next <= offset else { return column }
            units = next
            column += 1
        }
        return column + Swift.max(0, offset - units)
    }

    /// The LSP range of a compiler location whose line is `line` (nil when the line is not known:
    /// then columns are taken as UTF-16 units, exact for ASCII).
    package static func range(of location: SourceLocation, lineText line: String?) -> LSPRange {
        let lineNumber = Swift.max(0, location.line - 1)
        let startColumn = Swift.max(1, location.column)
        let endColumn = startColumn + Swift.max(1, location.length)
        guard let line else {
            return LSPRange(start: Position(line: lineNumber, character: startColumn - 1),
                            end: Position(line: lineNumber, character: endColumn - 1))
        }
        return LSPRange(start: Position(line: lineNumber, character: utf16Offset(ofScalarColumn: startColumn, in: line)),
                        end: Position(line: lineNumber, character: utf16Offset(ofScalarColumn: endColumn, in: line)))
    }

    /// The compiler's 1-based line and scalar column of an LSP position in `text` (what a request
    /// about a place compares with `SourceLocation`s): clamped as `index(of:in:)` clamps.
    package static func sourcePosition(of position: Position, in text: String) -> (line: Int, column: Int) {
        let index = index(of: position, in: text)
        // Bytes, not Characters: `\r\n` is one Character, and a line ends at its `\n`.
        let before = text.utf8[..<index]
        let lineStart = before.lastIndex(of: 0x0A).map { text.utf8.index(after: $0) } ?? text.startIndex
        let line = before.count { $0 == 0x0A } + 1
        return (line, text.unicodeScalars[lineStart..<index].count + 1)
    }

    /// The index in `text` of an LSP position: lines are cut at `\n`; a character offset past the
    /// line's end is its end (before `\r\n`), a line past the last is the end of the text.
    package static func index(of position: Position, in text: String) -> String.Index {
        let utf8 = text.utf8
        var lineStart = utf8.startIndex
        var line = 0
        while line < position.line {
            guard let newline = utf8[lineStart...].firstIndex(of: 0x0A) else { return text.endIndex }
            lineStart = utf8.index(after: newline)
            line += 1
        }
        let lineEnd = utf8[lineStart...].firstIndex(of: 0x0A) ?? utf8.endIndex
        var contentEnd = lineEnd
        if contentEnd > lineStart, utf8[utf8.index(before: contentEnd)] == 0x0D { contentEnd = utf8.index(before: contentEnd) }
        let lineText = text[lineStart..<contentEnd]
        let column = scalarColumn(ofUTF16Offset: Swift.max(0, position.character), in: lineText)
        var index = lineStart
        var scalars = column - 1
        let scalarView = text.unicodeScalars
        while scalars > 0, index < contentEnd {
            index = scalarView.index(after: index)
            scalars -= 1
        }
        return index
    }
}
