import Foundation
import GatewayConfig
import TestSupport
import Testing
@testable import RegionCompiler

/// `regionc timeline` over `Fixtures/timeline/regions` (HK ramping to live, one step on a banking
/// holiday, a method going live with it; KR stepping at the same instant; a freeze of
/// defaults.yaml and one of KR's own) with `Fixtures/timeline/calendars`. Each case under
/// `Fixtures/timeline/cases/<name>/` holds its `window` (`from INSTANT`, `until INSTANT`) and the
/// exact text `expected.txt`.
@Suite struct TimelineTests {
    static let root = FixtureDirectory.root.appendingPathComponent("timeline")

    static let artifact: Result<GatewayArtifact, any Error> = Result {
        let compilation = try DescriptorCompiler.compile(directory: root.appendingPathComponent("regions").path)
        return try #require(compilation.artifact, "\(compilation.diagnostics.map(\.message))")
    }

    static var cases: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("cases").path)) ?? []).sorted()
    }

    static func window(_ name: String) throws -> (from: Instant, until: Instant) {
        let text = try String(contentsOf: root.appendingPathComponent("cases/\(name)/window"), encoding: .utf8)
        var values: [String: Instant] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ")
            if parts.count == 2, let instant = Instant(String(parts[1])) { values[String(parts[0])] = instant }
        }
        return (try #require(values["from"]), try #require(values["until"]))
    }

    @Test(arguments: cases)
    func thePlanInTimeOrder(_ name: String) throws {
        let (from, until) = try Self.window(name)
        let timeline = LaunchTimeline(artifact: try Self.artifact.get(), from: from, until: until)
        let expected = try String(contentsOf: Self.root.appendingPathComponent("cases/\(name)/expected.txt"), encoding: .utf8)
        #expect(TimelineRenderer.text(timeline) == expected)
        // Half-open: every step listed is in [from, until); every freeze listed overlaps it.
        #expect(timeline.steps.allSatisfy { from <= $0.at && $0.at < until })
        #expect(timeline.freezes.allSatisfy { $0.freeze.from < until && from < $0.freeze.until })
        let json = try #require(try JSONSerialization.jsonObject(with: Data(try TimelineRenderer.json(timeline).utf8)) as? [String: Any])
        #expect(json["steps"] as? Int == timeline.steps.count && json["freezes"] as? Int == timeline.freezes.count)
        #expect((json["entries"] as? [[String: Any]])?.map { $0["at"] as? String } == timeline.entries.map(\.at.description))
        let markdown = TimelineRenderer.markdown(timeline)
        #expect(timeline.steps.allSatisfy { markdown.contains(MarkdownText.inline($0.effect)) }, "\(markdown)")
    }

    /// The order never rests on dictionary order (random per process): no two entries of the
    /// shipped plan sort alike (HK's and MY's Lunar New Year freezes share from, until and reason).
    @Test func theShippedPlanHasOneOrder() throws {
        let plan = LaunchTimeline(artifact: try ReviewInput.load(ShippedRegionsTests.regionsDirectory))
        let keys = plan.entries.map { "\(LaunchTimeline.sortKey($0))" }
        #expect(Set(keys).count == keys.count, "\(keys)")
        #expect(plan.freezes.count >= 4 && plan.steps.count >= 8)
    }

    /// A step that a freeze holds (the compiler refuses it; an artifact built otherwise may have one)
    /// is shown with the freeze, and with the holiday of its local date.
    @Test func aStepInsideAFreezeSaysWhichFreeze() throws {
        let base = FixtureDirectory.root.appendingPathComponent("schedule-diff/base.json")
        let patch = Self.root.appendingPathComponent("unchecked/step-in-freeze.patch.json")
        let artifact = try JSONDecoder().decode(GatewayArtifact.self, from: ArtifactPatch.bytes(base: base, patch: patch))
        let from = try #require(Instant("2027-02-01T00:00:00Z"))
        let timeline = LaunchTimeline(artifact: artifact, from: from, until: try #require(Instant("2027-02-10T00:00:00Z")))
        let step = try #require(timeline.steps.first)
        #expect(timeline.steps.count == 1 && step.region == "HK" && step.field == "schedule[0]")
        #expect(step.local.description == "Mon 2027-02-08 10:00 +08:00")
        #expect(step.holidays == ["HK The second day of Lunar New Year"])
        #expect(step.freezes.map(\.reason) == ["Lunar New Year"])
        let text = TimelineRenderer.text(timeline)
        #expect(text.contains("    ! inside change freeze 2027-02-05T16:00:00Z..2027-02-12T16:00:00Z (Lunar New Year; defaults.yaml)"), "\(text)")
        #expect(text.contains("    ! not a business day: HK The second day of Lunar New Year"))
        #expect(text.contains("2027-02-05T16:00:00Z  change freeze HK, PH until 2027-02-12T16:00:00Z: Lunar New Year (defaults.yaml)"))
    }
}
