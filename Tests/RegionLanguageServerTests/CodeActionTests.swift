import Foundation
@testable import RegionLanguageServer
import Testing

/// Quick fixes: a mistake typed into a buffer, its diagnostic handed back as a client does, the
/// fix's edit applied, and the diagnostic gone.
@Suite("regionc lsp: code actions", .timeLimit(.minutes(1)))
struct CodeActionTests {
    struct FixCase: Sendable, CustomTestStringConvertible {
        var file: String
        /// A buffer's text from `Fixtures/features/` (nil: the shipped file), and the mistake typed into it.
        var fixture: String? = nil
        var correct: String
        var broken: String
        var code: String
        /// The replacement offered; nil: no quick fix.
        var fix: String?
        var testDescription: String { "\(code): \(broken)" }
    }

    static let cases: [FixCase] = [
        FixCase(file: "regions/hk.yaml", correct: "\nsettlement:", broken: "\nsettlment:", code: "RC0202", fix: "settlement"),
        FixCase(file: "regions/hk.yaml", correct: "- method: ALIPAY_HK", broken: "- method: ALIPAY_HKK", code: "RC0401", fix: "ALIPAY_HK"),
        FixCase(file: "regions/hk.yaml", correct: "fallback: [antom-hk]", broken: "fallback: [antom-hkk]", code: "RC0402", fix: "antom-hk"),
        FixCase(file: "regions/hk.yaml", correct: "status: pilot", broken: "status: pilto", code: "RC0316", fix: "pilot"),
        FixCase(file: "regions/hk.yaml", correct: "presentment: [HKD, USD]", broken: "presentment: [HKD, usd]", code: "RC0305", fix: "USD"),
        FixCase(file: "regions/hk.yaml", correct: "percent: 25 ", broken: "percent: \"25\" ", code: "RC0203", fix: "25"),
        FixCase(file: "regions/hk.yaml", correct: "minimum_payout: 100.00 HKD", broken: "minimum_payout: 100.00 HKX", code: "RC0305",
                fix: "100.00 HKD"),
        // After Hangul and an emoji on the same line: the edit's range is in UTF-16 units.
        FixCase(file: "regions/kr.yaml", fixture: "kr-korean-blackout.yaml", correct: "🔐\", from:", broken: "🔐\", form:",
                code: "RC0202", fix: "from"),
        FixCase(file: "regions/hk.yaml", correct: "timezone: Asia/Hong_Kong", broken: "timezone: Hong Kong", code: "RC0306",
                fix: "Asia/Hong_Kong"),
        FixCase(file: "regions/hk.yaml", correct: "name: Hong Kong", broken: "name: \"\"", code: "RC0210", fix: nil),
    ]

    @Test("the quick fix of a diagnostic whose hint is a replacement", arguments: cases)
    func quickFix(_ testCase: FixCase) async throws {
        let harness = try ServerHarness()
        try await harness.start()
        let uri = harness.uri(testCase.file)
        let correct = try testCase.fixture.map(ServerHarness.fixture) ?? harness.text(testCase.file)
        let broken = try DiagnosticsTests.replacing(correct, testCase.correct, with: testCase.broken)
        try harness.open(testCase.file, text: broken)
        let diagnostic = try #require(try await harness.diagnostics(for: uri).first { $0.code == testCase.code })

        let params = CodeActionParams(textDocument: TextDocumentIdentifier(uri: uri), range: diagnostic.range,
                                      context: .init(diagnostics: [diagnostic], only: nil))
        let actions = try #require(try await harness.result("textDocument/codeAction", params, as: [CodeAction].self))
        guard let fix = testCase.fix else {
            #expect(actions.isEmpty)
            return
        }
        let action = try #require(actions.first)
        #expect(actions.count == 1)
        #expect(action.kind == "quickfix")
        #expect(action.diagnostics == [diagnostic])
        let edits = try #require(action.edit.changes[uri])
        #expect(edits.map(\.newText) == [fix])

        // The edit, applied by UTF-16 offsets as an editor does, gives back the correct text.
        let fixed = try Self.apply(try #require(edits.first), to: broken)
        #expect(fixed == correct)
    }

    @Test("only other kinds asked for: no quick fix")
    func onlyOtherKinds() async throws {
        let harness = try ServerHarness()
        try await harness.start()
        let diagnostic = LSPDiagnostic(range: LSPRange(start: Position(line: 0, character: 0), end: Position(line: 0, character: 3)),
                                       severity: 1, code: "RC0202", source: "regionc", message: "unknown key",
                                       relatedInformation: nil, data: DiagnosticData(hint: "did you mean `name`?", fix: "name"))
        let params = CodeActionParams(textDocument: TextDocumentIdentifier(uri: harness.uri("regions/hk.yaml")), range: diagnostic.range,
                                      context: .init(diagnostics: [diagnostic], only: ["refactor"]))
        #expect(try await harness.result("textDocument/codeAction", params, as: [CodeAction].self) == [])
    }

    static func apply(_ edit: TextEdit, to text: String) throws -> String {
        var lines = text.components(separatedBy: "\n")
        guard edit.range.start.line == edit.range.end.line, lines.indices.contains(edit.range.start.line) else {
            throw HarnessError("an edit over lines")
        }
        let units = Array(lines[edit.range.start.line].utf16)
        guard edit.range.start.character <= edit.range.end.character, edit.range.end.character <= units.count else {
            throw HarnessError("an edit outside its line")
        }
        let before = String(decoding: units[..<edit.range.start.character], as: UTF16.self)
        let after = String(decoding: units[edit.range.end.character...], as: UTF16.self)
        lines[edit.range.start.line] = before + edit.newText + after
        return lines.joined(separator: "\n")
    }
}
