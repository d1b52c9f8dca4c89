import Foundation
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

    @Test func githubEscapesMessagesAndProperties() {
        let diagnostic = Diagnostic.error(.unknownKey, "100% wrong: a, b\nnext line\r",
                                          at: SourceLocation(file: "regions/a,b:c.yaml", line: 3, column: 7))
        #expect(GitHubRenderer.line(diagnostic)
            == "::error file=regions/a%2Cb%3Ac.yaml,line=3,col=7,title=RC0202::100%25 wrong: a, b%0Anext line%0D")
        let warning = Diagnostic.warning(.currencyWithoutLimit, "50%", at: SourceLocation(file: "x.yaml", line: 1, column: 1),
                                         hint: "add: a range")
        #expect(GitHubRenderer.line(warning) == "::warning file=x.yaml,line=1,col=1,title=RC0802::50%25 (hint: add: a range)")
    }
}
