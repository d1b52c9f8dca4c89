import Foundation
import GatewayConfig
import Testing
@testable import RegionCompiler

/// The four renderers of the same diagnostics, against golden files in `Fixtures/renderers`.
/// To accept a deliberate change of output, run once with UPDATE_GOLDEN=1 and review the diff.
@Suite struct RendererTests {
    static let directory = FixtureDirectory.root.appendingPathComponent("renderers")

    /// The fixture's diagnostics, plus one whose message and file name hold `%`, `:`, `,` and a newline,
    /// so every renderer's escaping is pinned by its golden file.
    static func compilation() throws -> Compilation {
        var compilation = try FixtureDirectory(url: directory.appendingPathComponent("input")).compile()
        compilation.diagnostics.append(.warning(.currencyWithoutLimit, "100% of HKD: no limit, none at all\nsecond line",
                                                at: SourceLocation(file: "odd,name:1.yaml", line: 2, column: 3, length: 4),
                                                hint: "add: a range, e.g. 1.00 HKD"))
        return compilation
    }

    static func checkGolden(_ output: String, _ name: String) throws {
        let url = directory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try output.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let golden = try String(contentsOf: url, encoding: .utf8)
        let outputLines = output.split(separator: "\n", omittingEmptySubsequences: false)
        let goldenLines = golden.split(separator: "\n", omittingEmptySubsequences: false)
        if let index = zip(outputLines, goldenLines).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset {
            Issue.record("\(name) line \(index + 1):\n  got:  \(outputLines[index])\n  want: \(goldenLines[index])")
        }
        #expect(outputLines.count == goldenLines.count, "\(name): \(outputLines.count) lines, golden has \(goldenLines.count)")
    }

    @Test func text() throws {
        let compilation = try Self.compilation()
        #expect(compilation.diagnostics.errorCount >= 6 && compilation.diagnostics.warningCount == 2)
        let renderer = TextRenderer(colored: false)
        let output = renderer.render(compilation.diagnostics, sources: compilation.files) + "\n"
            + renderer.summary(compilation.diagnostics, regionCount: compilation.regions.count) + "\n"
        try Self.checkGolden(output, "expected.txt")
    }

    @Test func json() throws {
        let compilation = try Self.compilation()
        try Self.checkGolden(try JSONRenderer.render(compilation.diagnostics, fileCount: compilation.files.count,
                                                     regionCount: compilation.regions.count) + "\n", "expected.json")
    }

    @Test func github() throws {
        let compilation = try Self.compilation()
        let output = GitHubRenderer.render(compilation.diagnostics)
        try Self.checkGolden(output + "\n", "expected.github")
        let lines = output.split(separator: "\n")
        #expect(lines.count == compilation.diagnostics.count + 1, "one line per diagnostic and a summary")
        #expect(lines.last?.hasPrefix("::notice title=regionc::") == true)
    }

    @Test func sarif() throws {
        let compilation = try Self.compilation()
        let output = try SARIFRenderer.render(compilation.diagnostics, sources: compilation.files)
        try Self.checkGolden(output + "\n", "expected.sarif")
        #expect(try SARIFRenderer.render(compilation.diagnostics, sources: compilation.files) == output, "fingerprints are stable")
    }

    /// A newline in a message never reaches a renderer (Diagnostic writes it `\u{A}`); in a file
    /// name it is escaped as the workflow command requires.
    @Test func githubEscapesMessagesAndProperties() {
        let diagnostic = Diagnostic.error(.unknownKey, "100% wrong: a, b\nnext line\r",
                                          at: SourceLocation(file: "regions/a,b:c\n.yaml", line: 3, column: 7))
        #expect(GitHubRenderer.line(diagnostic)
            == "::error file=regions/a%2Cb%3Ac%0A.yaml,line=3,col=7,title=RC0202::100%25 wrong: a, b\\u{A}next line\\u{D}")
        let warning = Diagnostic.warning(.currencyWithoutLimit, "50%", at: SourceLocation(file: "x.yaml", line: 1, column: 1),
                                         hint: "add: a range")
        #expect(GitHubRenderer.line(warning) == "::warning file=x.yaml,line=1,col=1,title=RC0802::50%25 (hint: add: a range)")
    }

    /// Hardening findings 1 and 5: input bytes are never echoed raw and never at any length.
    @Test func controlCharactersAndHugeValuesAreShownSafely() throws {
        let line = "name: \u{1B}[2J\u{202E}evil" + String(repeating: "x", count: 5_000)
        let file = SourceFile(name: "hk.yaml", displayPath: "hk.yaml", bytes: Array("region: HK\n\(line)\n".utf8))
        let diagnostic = Diagnostic.error(.unknownKey, "unknown key `\(line)`", at: file.location(line: 2, column: 4_000, length: 3),
                                          hint: "did you mean `\u{7}`?")
        let text = TextRenderer(colored: false).render([diagnostic], sources: [file])
        #expect(!text.unicodeScalars.contains { ControlCharacters.needsCare($0) && $0 != "\n" }, "\(text.prefix(300))")
        #expect(text.contains("\\u{1B}[2J\\u{202E}evil") && text.contains("…"))
        #expect(text.utf8.count < 1_200, "\(text.utf8.count) bytes")
        // The caret still sits under column 4,000 of the windowed line.
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let sourceLine = try #require(lines.first { $0.hasPrefix("2 | ") })
        let caretLine = try #require(lines.first { $0.contains("^^^") })
        let shown = Array(sourceLine.dropFirst(4).unicodeScalars)
        let caret = Array(caretLine.unicodeScalars).firstIndex(of: "^").map { $0 - 4 } ?? -1
        #expect(caret >= 0 && caret < shown.count && shown[caret] == "x")
    }

    /// Hardening finding 5: at most 200 diagnostics a file and 1,000 a run are shown, the rest counted.
    @Test func renderingIsBoundedAndCountsTheRest() throws {
        // 2,000 in a.yaml, then 150 in each of b0.yaml ... b9.yaml.
        let diagnostics = (1...3_500).map { index in
            Diagnostic.error(.unknownKey, "unknown key `k\(index)`",
                             at: SourceLocation(file: index <= 2_000 ? "a.yaml" : "b\(index % 10).yaml", line: index, column: 1))
        }.sortedForReport()
        let text = TextRenderer(colored: false).render(diagnostics, sources: [])
        let shown = text.components(separatedBy: "error[RC0202]").count - 1
        #expect(shown == 1_000)
        #expect(text.contains("note: 1800 more diagnostics in a.yaml not shown (at most 200 a file, 1000 a run)"))
        #expect(text.contains("note: 100 more diagnostics in b5.yaml not shown"))
        #expect(text.contains("note: 150 more diagnostics in b9.yaml not shown"))
        // Thousands of files with one diagnostic each: ten lines by file, then one for the rest.
        let many = (1...5_000).map { Diagnostic.error(.duplicateRegion, "twice", at: SourceLocation(file: "f\($0).yaml", line: 1, column: 1)) }
            .sortedForReport()
        let manyText = TextRenderer(colored: false).render(many, sources: [])
        #expect(manyText.components(separatedBy: "note: ").count - 1 == 11)
        #expect(manyText.contains("note: 3990 more diagnostics in 3990 more files not shown"))
        let json = try JSONRenderer.render(diagnostics, fileCount: 8, regionCount: 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect((object["diagnostics"] as? [Any])?.count == 1_000)
        #expect((object["summary"] as? [String: Any])?["omitted"] as? Int == 2_500)
        #expect((object["summary"] as? [String: Any])?["errors"] as? Int == 3_500)
        #expect(TextRenderer(colored: false).summary(diagnostics, regionCount: 0).hasPrefix("error: 3500 errors"))
    }
}
