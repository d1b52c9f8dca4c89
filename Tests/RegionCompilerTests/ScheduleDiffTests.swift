import Foundation
import GatewayConfig
import TestSupport
import Testing
@testable import RegionCompiler

/// `regionc diff` on scheduled steps and change freezes, over artifact fixtures:
/// `Fixtures/schedule-diff/base.json` is OLD; each `cases/<name>/patch.json` (a JSON Merge Patch)
/// gives NEW. A case's `expected.txt` holds blocks separated by a blank line: `as-of INSTANT`,
/// `exit N`, then lines the text output must contain (`absent: TEXT`: text it must not contain).
@Suite struct ScheduleDiffTests {
    static let root = FixtureDirectory.root.appendingPathComponent("schedule-diff")
    static var base: URL { root.appendingPathComponent("base.json") }

    struct Block: CustomStringConvertible {
        let asOf: Instant
        let status: Int32
        let present: [String]
        let absent: [String]
        var description: String { "as-of \(asOf)" }
    }

    static var cases: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("cases").path)) ?? []).sorted()
    }

    static func blocks(_ name: String) throws -> [Block] {
        let text = try String(contentsOf: root.appendingPathComponent("cases/\(name)/expected.txt"), encoding: .utf8)
        return try text.components(separatedBy: "\n\n").compactMap { chunk -> Block? in
            let lines = chunk.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") }
            guard !lines.isEmpty else { return nil }
            let asOf = try #require(lines.first.flatMap { Instant(String($0.dropFirst("as-of ".count))) }, "\(name): \(chunk)")
            let status = try #require(lines.dropFirst().first.flatMap { Int32($0.dropFirst("exit ".count)) }, "\(name): \(chunk)")
            let rest = lines.dropFirst(2)
            return Block(asOf: asOf, status: status,
                         present: rest.filter { !$0.hasPrefix("absent: ") },
                         absent: rest.filter { $0.hasPrefix("absent: ") }.map { String($0.dropFirst("absent: ".count)) })
        }
    }

    static func artifact(patch: URL?) throws -> GatewayArtifact {
        try JSONDecoder().decode(GatewayArtifact.self, from: ArtifactPatch.bytes(base: base, patch: patch))
    }

    static func sides(_ name: String) throws -> (old: GatewayArtifact, new: GatewayArtifact) {
        (try artifact(patch: nil), try artifact(patch: root.appendingPathComponent("cases/\(name)/patch.json")))
    }

    @Test(arguments: cases)
    func diffListsStepsAndJudgesFreezes(_ name: String) throws {
        let (old, new) = try Self.sides(name)
        let blocks = try Self.blocks(name)
        #expect(!blocks.isEmpty, "\(name) has no expectations")
        for block in blocks {
            let diff = ConfigDiff.compare(old: old, new: new, asOf: block.asOf)
            let text = DiffRenderer.text(diff)
            #expect(diff.exitStatus == block.status, "\(name) \(block):\n\(text)")
            let lines = Set(text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) })
            for line in block.present { #expect(lines.contains(line), "\(name) \(block): missing `\(line)` in\n\(text)") }
            for fragment in block.absent { #expect(!text.contains(fragment), "\(name) \(block): `\(fragment)` in\n\(text)") }
            let json = try #require(try JSONSerialization.jsonObject(with: Data(try DiffRenderer.json(diff).utf8)) as? [String: Any])
            #expect(json["exit_status"] as? Int == Int(block.status))
            #expect(json["as_of"] as? String == block.asOf.description)
            #expect((json["frozen"] as? [Any])?.count == diff.frozenChanges.count)
            #expect((json["schedule_changes"] as? [Any])?.count == diff.scheduleChanges.count)
            let markdown = DiffRenderer.markdown(diff)
            #expect(diff.scheduleChanges.isEmpty || markdown.contains("#### Schedule changes"), "\(markdown)")
            #expect(diff.frozenChanges.allSatisfy { markdown.contains(MarkdownText.inline($0.freeze.reason ?? "")) })
        }
    }

    /// The base against itself: nothing changes, so no freeze makes anything breaking, inside one or not.
    @Test(arguments: ["2027-02-08T00:00:00Z", "2027-01-22T00:00:00Z", "2026-12-01T00:00:00Z"])
    func anUnchangedConfigNeverBreaks(_ asOf: String) throws {
        let old = try Self.artifact(patch: nil)
        let diff = ConfigDiff.compare(old: old, new: old, asOf: try #require(Instant(asOf)))
        #expect(diff.isEmpty && diff.exitStatus == 0 && diff.frozenChanges.isEmpty)
        #expect(!diff.freezesHolding.isEmpty || asOf == "2026-12-01T00:00:00Z")
    }

    /// A JSON fixture is an artifact as the compiler writes it: the review reader accepts it.
    static var baseAndCases: [String?] { [nil] + cases.map { Optional($0) } }

    @Test(arguments: baseAndCases)
    func fixturesAreArtifactsTheReaderAccepts(_ name: String?) throws {
        let bytes = try ArtifactPatch.bytes(base: Self.base, patch: name.map { Self.root.appendingPathComponent("cases/\($0)/patch.json") })
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("schedule-diff-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: file) }
        try bytes.write(to: file)
        let (artifact, checked) = try ArtifactLoader.loadForReview(path: file.path)
        #expect(checked != nil && artifact.formatVersion == 4)
    }
}
