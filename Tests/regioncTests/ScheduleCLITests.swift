import Foundation
import TestSupport
import Testing

/// `regionc diff --as-of` and `regionc timeline` as CI and a launch meeting run them: exit
/// statuses at and around a change freeze's edges, and usage errors exit 2.
@Suite struct ScheduleCLITests {
    static let fixtures = CLI.root.appendingPathComponent("Tests/RegionCompilerTests/Fixtures")
    static let scheduleDiff = fixtures.appendingPathComponent("schedule-diff")
    static let timeline = fixtures.appendingPathComponent("timeline")

    /// OLD (the base artifact) and NEW (the base with `patch` applied) written as files.
    static func sides(_ patch: String) throws -> (directory: URL, old: URL, new: URL) {
        let directory = try CLI.temporaryDirectory()
        let base = scheduleDiff.appendingPathComponent("base.json")
        let old = try ArtifactPatch.write(base: base, patch: nil, to: directory, name: "old.json")
        let new = try ArtifactPatch.write(base: base, patch: scheduleDiff.appendingPathComponent("cases/\(patch)/patch.json"),
                                          to: directory, name: "new.json")
        return (directory, old, new)
    }

    /// PH changed, HK not; the freeze of defaults.yaml holds both from 2027-02-05T16:00:00Z until
    /// 2027-02-12T16:00:00Z; HK's own freeze holds only HK from 2027-01-20 until 2027-01-25.
    @Test(arguments: [
        ("2027-02-05T15:59:59Z", 3, "a second before the freeze"),
        ("2027-02-06T00:00:00+08:00", 4, "at its start, written with an offset"),
        ("2027-02-08T00:00:00Z", 4, "inside"),
        ("2027-02-12T15:59:59Z", 4, "its last second"),
        ("2027-02-12T16:00:00Z", 3, "at its until: half-open, outside"),
        ("2027-01-22T00:00:00Z", 3, "inside HK's own freeze: HK is unchanged, so it never breaks"),
    ])
    func asOfExitStatusAroundAFreeze(asOf: String, status: Int32, why: String) throws {
        let (directory, old, new) = try Self.sides("only-ph-changed")
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try CLI.run(["diff", old.path, new.path, "--as-of", asOf])
        #expect(run.status == status, "\(why): \(run.stdout)\(run.stderr)")
        let names = run.stdout.contains("PH changed inside change freeze 2027-02-05T16:00:00Z..2027-02-12T16:00:00Z "
            + "(Lunar New Year; defaults.yaml), OLD and NEW")
        #expect(names == (status == 4), "\(why): \(run.stdout)")
        #expect(!run.stdout.contains("HK changed inside"))
        let json = try CLI.run(["diff", old.path, new.path, "--as-of", asOf, "--format", "json"])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(json.status == status && document["exit_status"] as? Int == Int(status))
        let frozen = try #require(document["frozen"] as? [[String: Any]])
        #expect(frozen.map { $0["region"] as? String } == (status == 4 ? ["PH"] : []))
        #expect(frozen.allSatisfy { $0["from"] as? String == "2027-02-05T16:00:00Z" && $0["until"] as? String == "2027-02-12T16:00:00Z"
            && $0["reason"] as? String == "Lunar New Year" && $0["source"] as? String == "defaults.yaml" })
    }

    @Test func aStepMovedIsListedWithItsInstantsAndTheMarkdownSaysWhichFreeze() throws {
        let (directory, old, new) = try Self.sides("step-moved")
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try CLI.run(["diff", old.path, new.path, "--as-of", "2027-02-08T09:00:00+08:00", "--format", "markdown"])
        #expect(run.status == 4, "\(run.stderr)")
        #expect(run.stdout.contains("- HK changed inside change freeze 2027-02-05T16:00:00Z..2027-02-12T16:00:00Z "
            + "(Lunar New Year; defaults.yaml), OLD and NEW at 2027-02-08T01:00:00Z"), "\(run.stdout)")
        #expect(run.stdout.contains("| HK | 2027-01-18T02:00:00Z | `schedule[0]` | rollout percent 25 -> 50 (moved from 2027-01-11T02:00:00Z) |"))
        let early = try CLI.run(["diff", old.path, new.path, "--as-of", "2026-12-01T00:00:00Z"])
        #expect(early.status == 3 && early.stdout.contains("HK 2027-01-18T02:00:00Z schedule[0]"), "\(early.stdout)")
    }

    /// Without --as-of the diff is judged now: the same config never changes, so never breaks.
    @Test func withoutAsOfAnUnchangedConfigExitsZero() throws {
        let (directory, old, _) = try Self.sides("step-moved")
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try CLI.run(["diff", old.path, old.path])
        #expect(run.status == 0 && run.stdout.contains("no changes"), "\(run.stdout)\(run.stderr)")
    }

    @Test(arguments: ["january", "lunar-new-year-until-excludes-live-step", "from-includes-live-step"])
    func timelinePrintsThePlan(_ name: String) throws {
        let window = try String(contentsOf: Self.timeline.appendingPathComponent("cases/\(name)/window"), encoding: .utf8)
            .split(whereSeparator: { $0 == "\n" || $0 == " " }).map(String.init)
        let run = try CLI.run(["timeline", Self.timeline.appendingPathComponent("regions").path, "--\(window[0])", window[1],
                               "--\(window[2])", window[3]])
        #expect(run.status == 0, "\(run.stderr)")
        let expected = try String(contentsOf: Self.timeline.appendingPathComponent("cases/\(name)/expected.txt"), encoding: .utf8)
        #expect(run.stdout == expected)
    }

    /// A compiled artifact reads the same as its directory (`--config FILE` or DIR).
    @Test func timelineReadsACompiledArtifact() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let artifact = directory.appendingPathComponent("gateway-config.json")
        let regions = Self.timeline.appendingPathComponent("regions").path
        #expect(try CLI.run(["compile", regions, "-o", artifact.path]).status == 0)
        let window = ["--from", "2027-01-01T00:00:00Z", "--days", "120", "--format", "json"]
        let fromDirectory = try CLI.run(["timeline", regions] + window)
        let fromConfig = try CLI.run(["timeline", "--config", artifact.path] + window)
        let fromFile = try CLI.run(["timeline", artifact.path] + window)
        #expect(fromDirectory.status == 0 && fromConfig.status == 0 && fromFile.status == 0, "\(fromConfig.stderr)")
        #expect(fromConfig.stdout == fromDirectory.stdout && fromFile.stdout == fromDirectory.stdout)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(fromConfig.stdout.utf8)) as? [String: Any])
        #expect(json["steps"] as? Int == 6 && json["freezes"] as? Int == 1 && json["until"] as? String == "2027-05-01T00:00:00Z")
    }

    @Test(arguments: [
        (["timeline", "Tests/RegionCompilerTests/Fixtures/timeline/regions", "--until", "2027-02-01T00:00:00Z", "--days", "3"], "not both"),
        (["timeline", "Tests/RegionCompilerTests/Fixtures/timeline/regions", "--days", "0"], "--days must be 1 to 3660"),
        (["timeline", "Tests/RegionCompilerTests/Fixtures/timeline/regions", "--from", "next monday"], "--from `next monday`"),
        (["timeline", "Tests/RegionCompilerTests/Fixtures/timeline/regions", "--from", "2027-02-01T00:00:00Z",
          "--until", "2027-02-01T00:00:00Z"], "is not after --from"),
        (["timeline", "no-such-directory"], "no such file or directory"),
        (["diff", "regions", "regions", "--as-of", "2027-02-08"], "--as-of `2027-02-08` is not an RFC 3339 instant"),
        (["report", "regions", "--at", "noon"], "--at `noon` is not an RFC 3339 instant"),
        (["diff", "regions", "regions", "--traffic", "examples/traffic.jsonl", "--as-of", "soon"], "--as-of `soon`"),
    ])
    func usageErrorsExitTwo(_ arguments: [String], message: String) throws {
        let run = try CLI.run(arguments)
        #expect(run.status == 2, "\(arguments): \(run.status) \(run.stdout)")
        #expect(run.stderr.contains(message), "\(run.stderr)")
    }

    /// With --traffic, --as-of adds the freeze check: HK's 75% step moved a day changes no replayed
    /// decision (the traffic is from December), yet HK is changed inside its Lunar New Year freeze.
    @Test(arguments: [("2027-02-05T10:00:00+08:00", Int32(4)), ("2027-01-20T10:00:00+08:00", Int32(0))])
    func trafficJudgedAsOfAFreeze(asOf: String, status: Int32) throws {
        let regions = try CLI.copyOfRegions()
        defer { try? FileManager.default.removeItem(at: regions.deletingLastPathComponent()) }
        let hk = regions.appendingPathComponent("hk.yaml")
        try String(contentsOf: hk, encoding: .utf8).replacingOccurrences(of: "2027-02-15T10:00:00+08:00", with: "2027-02-16T10:00:00+08:00")
            .write(to: hk, atomically: true, encoding: .utf8)
        let arguments = ["diff", "regions", regions.path, "--calendars", "calendars", "--traffic", "examples/traffic.jsonl", "--as-of", asOf]
        let text = try CLI.run(arguments)
        #expect(text.status == status, "\(text.stdout)\(text.stderr)")
        #expect(text.stdout.contains("  ! HK changed inside change freeze 2027-02-02T16:00:00Z..2027-02-10T16:00:00Z (Lunar New Year 2027; hk.yaml)")
            == (status == 4), "\(text.stdout)")
        let json = try CLI.run(arguments + ["--format", "json"])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(json.status == status && document["exit_status"] as? Int == Int(status) && document["changed"] as? Int == 0)
        #expect((document["frozen"] as? [[String: Any]])?.map { $0["region"] as? String } == (status == 4 ? ["HK"] : []))
        let markdown = try CLI.run(arguments + ["--format", "markdown"])
        #expect(markdown.stdout.contains("#### :warning: Changed inside a change freeze") == (status == 4))
    }

    /// Output larger than the C stream's 4 KiB buffer to a full disk is exit 2 with the reason (a
    /// write error inside `print` was lost and the report exited 0).
    @Test(arguments: ["report regions --format html", "timeline regions --from 2026-01-01T00:00:00Z --days 3660 --format json",
                      "diff regions regions --traffic examples/traffic.jsonl --format markdown", "calendar US --days 400",
                      "validate regions --format sarif", "effective HK --at 2027-03-01T10:00:00+08:00"])
    func aLargeOutputToAFullDiskExitsTwo(_ command: String) throws {
        let run = try CLI.shell("exec \"$1\" \(command) > /dev/full")
        #expect(run.status == 2, "\(command): \(run.status) \(run.stderr)")
        #expect(run.stderr.contains("cannot write standard output: no space left on the device"), "\(run.stderr)")
    }

    @Test func timelineOfRegionsWithErrorsExitsOne() throws {
        let regions = try CLI.copyOfRegions()
        defer { try? FileManager.default.removeItem(at: regions.deletingLastPathComponent()) }
        let hk = regions.appendingPathComponent("hk.yaml")
        let text = try String(contentsOf: hk, encoding: .utf8)
        try text.replacingOccurrences(of: "timezone: Asia/Hong_Kong", with: "timezone: Asia/Hong_Kongg").write(to: hk, atomically: true, encoding: .utf8)
        let run = try CLI.run(["timeline", regions.path])
        #expect(run.status == 1 && run.stderr.contains("has errors"), "\(run.stderr)")
    }
}

/// The README's launch-plan walk-through is what the commands print, from the same commands.
@Suite struct ScheduleWalkthroughTests {
    /// The ```text block after `<!-- MARKER: ... -->` in the README.
    static func documented(_ marker: String) throws -> String {
        let readme = try String(contentsOf: CLI.root.appendingPathComponent("README.md"), encoding: .utf8)
        let afterMarker = try #require(readme.range(of: "<!-- \(marker): ")).upperBound
        let blockStart = try #require(readme.range(of: "```text\n", range: afterMarker..<readme.endIndex)).upperBound
        let blockEnd = try #require(readme.range(of: "\n```", range: blockStart..<readme.endIndex)).lowerBound
        return String(readme[blockStart..<blockEnd])
    }

    @Test func timelineIsTheCommandsOutput() throws {
        let run = try CLI.run(["timeline", "--from", "2027-02-15T00:00:00+08:00", "--days", "7"])
        #expect(run.status == 0)
        #expect(run.stdout == (try Self.documented("timeline")) + "\n")
    }

    @Test func diffAsOfInsideAFreezeIsTheCommandsOutput() throws {
        // rm -rf /tmp/proposed && cp -r regions /tmp/proposed
        // sed 's/2027-02-15T10:00:00+08:00/2027-02-16T10:00:00+08:00/' regions/hk.yaml > /tmp/proposed/hk.yaml
        let regions = try CLI.copyOfRegions()
        defer { try? FileManager.default.removeItem(at: regions.deletingLastPathComponent()) }
        let hk = regions.appendingPathComponent("hk.yaml")
        let text = try String(contentsOf: hk, encoding: .utf8)
        #expect(text.components(separatedBy: "2027-02-15T10:00:00+08:00").count == 2)
        try text.replacingOccurrences(of: "2027-02-15T10:00:00+08:00", with: "2027-02-16T10:00:00+08:00")
            .write(to: hk, atomically: true, encoding: .utf8)
        let inside = try CLI.run(["diff", "regions", regions.path, "--calendars", "calendars", "--as-of", "2027-02-05T10:00:00+08:00"])
        #expect(inside.stdout + "exit \(inside.status)" == (try Self.documented("diff-as-of")))
        let before = try CLI.run(["diff", "regions", regions.path, "--calendars", "calendars", "--as-of", "2027-01-20T10:00:00+08:00"])
        #expect(before.status == 3 && before.stdout.contains("(moved from 2027-02-15T02:00:00Z)"), "\(before.stdout)")
    }
}
