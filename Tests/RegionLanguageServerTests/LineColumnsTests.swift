@testable import RegionLanguageServer
import RegionCompiler
import Testing

@Suite("Columns: Unicode scalars (the compiler) and UTF-16 units (LSP)")
struct LineColumnsTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let line: String
        let scalarColumn: Int
        let utf16Offset: Int
        var testDescription: String { "\(line.debugDescription) column \(scalarColumn)" }
    }

    static let cases: [Case] = [
        Case(line: "name: Hong Kong", scalarColumn: 1, utf16Offset: 0),
        Case(line: "name: Hong Kong", scalarColumn: 7, utf16Offset: 6),
        // Hangul syllables: one scalar, one unit each.
        Case(line: "name: 대한민국 x", scalarColumn: 12, utf16Offset: 11),
        // Thai with combining vowels: each mark is a scalar of its own, and one unit.
        Case(line: "# ภาษาไทย: x", scalarColumn: 10, utf16Offset: 9),
        // An emoji outside the BMP: one scalar, two units.
        Case(line: "# 🔐 key: x", scalarColumn: 5, utf16Offset: 5),
        // A flag: two regional-indicator scalars, four units.
        Case(line: "#🇰🇷x", scalarColumn: 4, utf16Offset: 5),
        // Just past the end, and further: one unit per column.
        Case(line: "a🔐", scalarColumn: 3, utf16Offset: 3),
        Case(line: "a🔐", scalarColumn: 5, utf16Offset: 5),
    ]

    @Test("a scalar column is the UTF-16 offset LSP counts, and back", arguments: cases)
    func conversion(_ example: Case) {
        #expect(LineColumns.utf16Offset(ofScalarColumn: example.scalarColumn, in: example.line) == example.utf16Offset)
        #expect(LineColumns.scalarColumn(ofUTF16Offset: example.utf16Offset, in: example.line) == example.scalarColumn)
    }

    @Test("a location's range ends after its length in scalars, measured in UTF-16 units")
    func range() {
        let line = "  - { reason: \"🔐 인증\", resaon: x }"
        let location = SourceLocation(file: "hk.yaml", line: 3, column: 23, length: 6)
        let range = LineColumns.range(of: location, lineText: line)
        #expect(range == LSPRange(start: Position(line: 2, character: 23), end: Position(line: 2, character: 29)))
    }

    @Test("an LSP position is the compiler's line and scalar column")
    func sourcePosition() {
        let text = "region: KR\n# 🔐 한국: x\r\nname: y\n"
        #expect(LineColumns.sourcePosition(of: Position(line: 0, character: 0), in: text) == (1, 1))
        // After `# `, the emoji (two units) and a space: scalar column 5.
        #expect(LineColumns.sourcePosition(of: Position(line: 1, character: 5), in: text) == (2, 5))
        #expect(LineColumns.sourcePosition(of: Position(line: 1, character: 4), in: text) == (2, 4))
        // Past the line's end: the line's end, before its CRLF.
        #expect(LineColumns.sourcePosition(of: Position(line: 1, character: 99), in: text) == (2, 10))
        #expect(LineColumns.sourcePosition(of: Position(line: 2, character: 6), in: text) == (3, 7))
    }

    struct EditCase: Sendable, CustomTestStringConvertible {
        let name: String
        let text: String
        let changes: [TextDocumentContentChangeEvent]
        let expected: String
        var testDescription: String { name }
    }

    static func edit(_ startLine: Int, _ startCharacter: Int, _ endLine: Int, _ endCharacter: Int, _ text: String)
        -> TextDocumentContentChangeEvent {
        TextDocumentContentChangeEvent(range: LSPRange(start: Position(line: startLine, character: startCharacter),
                                                       end: Position(line: endLine, character: endCharacter)), text: text)
    }

    static let edits: [EditCase] = [
        EditCase(name: "insert after an emoji", text: "a: 🔐x\nb: 1\n", changes: [edit(0, 5, 0, 5, "y")], expected: "a: 🔐yx\nb: 1\n"),
        EditCase(name: "replace across lines", text: "a: 1\nb: 2\nc: 3\n", changes: [edit(0, 3, 2, 1, "9\nd")], expected: "a: 9\nd: 3\n"),
        EditCase(name: "several changes in order", text: "ab\n", changes: [edit(0, 0, 0, 0, "x"), edit(0, 3, 0, 3, "y")],
                 expected: "xaby\n"),
        EditCase(name: "the whole text", text: "old\n", changes: [TextDocumentContentChangeEvent(text: "new\n")], expected: "new\n"),
        EditCase(name: "past the line's end is its end", text: "ab\r\ncd\n", changes: [edit(0, 99, 0, 99, "!")], expected: "ab!\r\ncd\n"),
        EditCase(name: "past the last line is the end", text: "ab", changes: [edit(7, 0, 9, 0, "!")], expected: "ab!"),
        EditCase(name: "a reversed range is put in order", text: "abcd", changes: [edit(0, 3, 0, 1, "")], expected: "ad"),
        EditCase(name: "Thai and Hangul before the edit", text: "# ภาษาไทย 한국\nx\n", changes: [edit(0, 11, 0, 12, "어")],
                 expected: "# ภาษาไทย 한어\nx\n"),
    ]

    @Test("incremental changes apply at UTF-16 positions", arguments: edits)
    func apply(_ example: EditCase) {
        var document = TextDocument(uri: "file:///r/hk.yaml", version: 1, text: example.text)
        document.apply(example.changes, version: 2)
        #expect(document.text == example.expected)
        #expect(document.version == 2)
    }
}
