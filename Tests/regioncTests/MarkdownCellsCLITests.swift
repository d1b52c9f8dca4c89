import Foundation
import Testing

/// Every Markdown the tools write shows input text as itself (hardening issue 21, item 12):
/// a region name or a method id holding a link, emphasis, a pipe, HTML or U+202E renders as
/// those characters, never as a link, bold text, a split cell, a tag or reversed text.
@Suite struct MarkdownCellsCLITests {
    static let hostile = "[link](http://evil.example) **bold** \u{202E}evil | <b>x</b>"
    /// What it becomes: each markup character escaped, the override spelled out.
    static let escaped = "\\[link\\](http://evil.example) \\*\\*bold\\*\\* \\u{202E}evil \\| \\<b>x\\</b>"

    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        /// Arguments, given the base regions and the proposed ones (and a traffic file).
        let arguments: @Sendable (_ proposed: String, _ traffic: String) -> [String]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "diff --format markdown") { proposed, _ in ["diff", "regions", proposed, "--format", "markdown"] },
        Case(name: "diff --traffic --format markdown") { proposed, traffic in
            ["diff", "regions", proposed, "--traffic", traffic, "--format", "markdown"]
        },
        Case(name: "report --format markdown") { proposed, _ in ["report", proposed, "--format", "markdown"] },
    ]

    @Test(arguments: cases)
    func inputTextInMarkdownIsNeverMarkup(_ command: Case) throws {
        // HK renamed to the hostile text; US paused, so a checkout with the hostile method id changes.
        let regions = try TrafficCLITests.proposed("hk.yaml", "name: Hong Kong",
                                                   "name: \"" + Self.hostile.replacingOccurrences(of: "\u{202E}", with: "\\u202E") + "\"")
        defer { try? FileManager.default.removeItem(at: regions.deletingLastPathComponent()) }
        let us = regions.appendingPathComponent("us.yaml")
        try String(contentsOf: us, encoding: .utf8).replacingOccurrences(of: "status: live", with: "status: paused")
            .write(to: us, atomically: true, encoding: .utf8)
        let traffic = regions.deletingLastPathComponent().appendingPathComponent("traffic.jsonl")
        let method = Self.hostile.replacingOccurrences(of: "\u{202E}", with: "\\u202E")
        try Data(#"{"region":"US","merchant":"m","method":"\#(method)","amount":"1.00 USD","at":"2026-12-01T15:00:00Z"}"#.utf8 + [0x0A])
            .write(to: traffic)
        let run = try CLI.run(command.arguments(regions.path, traffic.path))
        #expect([0, 3, 4].contains(run.status), "\(run.status) \(run.stderr)")
        #expect(run.stdout.contains(Self.escaped), "\(run.stdout)")
        for raw in ["[link](", "**bold**", "\u{202E}", " <b>", "evil | <"] {
            #expect(!run.stdout.contains(raw), "`\(raw)` passed through:\n\(run.stdout)")
        }
    }
}
