import Foundation
import TestSupport
import Testing

/// `regionc diff OLD NEW --traffic FILE` as CI runs it: exit 0 / 3 / 4, the spec's JSON fields,
/// stdin, and usage errors exit 2.
@Suite struct TrafficCLITests {
    static let sample = "examples/traffic.jsonl"

    /// A copy of the shipped regions with one edit.
    static func proposed(_ file: String, _ find: String, _ replacement: String) throws -> URL {
        let regions = try CLI.copyOfRegions()
        let url = regions.appendingPathComponent(file)
        let text = try String(contentsOf: url, encoding: .utf8)
        try #require(text.contains(find))
        try text.replacingOccurrences(of: find, with: replacement).write(to: url, atomically: true, encoding: .utf8)
        return regions
    }

    @Test func identicalConfigsExitZero() throws {
        let run = try CLI.run(["diff", "regions", "regions", "--traffic", Self.sample, "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(json["requests"] as? Int == 5_000 && json["changed"] as? Int == 0)
        #expect((json["groups"] as? [Any])?.isEmpty == true)
    }

    @Test func raisingThePilotChangesDecisionsAndExitsThree() throws {
        let regions = try Self.proposed("hk.yaml", "percent: 25 ", "percent: 50 ")
        defer { try? FileManager.default.removeItem(at: regions.deletingLastPathComponent()) }
        let run = try CLI.run(["diff", "regions", regions.path, "--traffic", Self.sample, "--format", "json"])
        #expect(run.status == 3, "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let groups = try #require(json["groups"] as? [[String: Any]])
        let changed = try #require(json["changed"] as? Int)
        #expect(changed > 0 && groups.reduce(0) { $0 + ($1["count"] as? Int ?? 0) } == changed)
        let first = try #require(groups.first)
        #expect(first["region"] as? String == "HK")
        #expect((first["before"] as? [String: Any])?["reason"] as? String == "NOT_IN_ROLLOUT")
        #expect((first["after"] as? [String: Any])?["decision"] as? String == "route")
        #expect(first["merchants"] is Int && first["amount"] is [String: Any])
    }

    @Test func stoppingTheUSExitsFourAndTheMarkdownSaysSoFirst() throws {
        let regions = try Self.proposed("us.yaml", "status: live", "status: paused")
        defer { try? FileManager.default.removeItem(at: regions.deletingLastPathComponent()) }
        let input = try Data(contentsOf: CLI.root.appendingPathComponent(Self.sample))
        let run = try CLI.run(["diff", "regions", regions.path, "--traffic", "-", "--format", "markdown"], stdin: input)
        #expect(run.status == 4, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("### Traffic replay: "))
        #expect(run.stdout.contains(#"| :warning: | US | ALIPAY\_CN | USD | routed domestic via antom-us | declined REGION\_NOT\_LIVE |"#))
        #expect(run.stdout.contains("of `standard input`"))
    }

    @Test func retimingAtLaunchDayAndByWholeDays() throws {
        let at = try CLI.run(["diff", "regions", "regions", "--traffic", Self.sample, "--at", "2027-01-11T03:00:00Z"])
        #expect(at.status == 0 && at.stdout.contains("every checkout at 2027-01-11T03:00:00Z"), "\(at.stdout)\(at.stderr)")
        let shift = try CLI.run(["diff", "regions", "regions", "--traffic", Self.sample, "--shift", "-7", "--format", "json"])
        #expect(shift.status == 0 && shift.stdout.contains("\"mode\": \"shift\""), "\(shift.stderr)")
    }

    /// `--at` follows the runtime's rule for a capture instant: one it refuses decides nothing, and
    /// the refusal says which end it is off (hardening issue 21, item 12).
    @Test(arguments: [
        ("9999-06-01T00:00:00Z", "--at `9999-06-01T00:00:00Z` is too late: captures from 9999-01-01T00:00:00Z on are not routed"),
        ("9999-01-01T00:00:00Z", "is too late"),
        ("0001-01-01T00:00:00+00:01", "--at `0001-01-01T00:00:00+00:01` is too early: captures before 0001-01-01T00:00:00Z are not routed"),
        ("2026-12-01T10:00:00", "has no UTC offset"),
    ])
    func retimingToAnInstantTheRuntimeRefusesIsAUsageError(at: String, message: String) throws {
        let run = try CLI.run(["diff", "regions", "regions", "--traffic", Self.sample, "--at", at])
        #expect(run.status == 2, "\(run.stdout)")
        #expect(run.stderr.contains(message), "\(run.stderr)")
    }

    @Test(arguments: [
        ["diff", "regions", "regions", "--traffic", "no-such-file.jsonl"],
        ["diff", "regions", "regions", "--traffic", "examples/traffic.jsonl", "--at", "2027-01-11T03:00:00Z", "--shift", "1"],
        ["diff", "regions", "regions", "--traffic", "examples/traffic.jsonl", "--at", "tomorrow"],
        ["diff", "regions", "regions", "--traffic", "examples/traffic.jsonl", "--shift", "100000"],
        ["diff", "regions", "regions", "--shift", "1"],
    ])
    func usageErrorsExitTwo(_ arguments: [String]) throws {
        let run = try CLI.run(arguments)
        #expect(run.status == 2, "\(arguments): \(run.status) \(run.stderr)")
        #expect(!run.stderr.isEmpty)
    }
}

/// The README's walk-through is what the command prints, from the same commands.
@Suite struct TrafficWalkthroughTests {
    @Test func readmeWalkthroughOutputIsTheCommandsOutput() throws {
        let readme = try String(contentsOf: CLI.root.appendingPathComponent("README.md"), encoding: .utf8)
        let marker = "<!-- traffic-walkthrough: "
        let afterMarker = try #require(readme.range(of: marker)).upperBound
        let blockStart = try #require(readme.range(of: "```text\n", range: afterMarker..<readme.endIndex)).upperBound
        let blockEnd = try #require(readme.range(of: "\n```", range: blockStart..<readme.endIndex)).lowerBound
        let documented = String(readme[blockStart..<blockEnd])
        // rm -rf /tmp/proposed && cp -r regions /tmp/proposed
        // sed 's/percent: 25 /percent: 50 /' regions/hk.yaml > /tmp/proposed/hk.yaml
        let regions = try CLI.copyOfRegions()
        defer { try? FileManager.default.removeItem(at: regions.deletingLastPathComponent()) }
        let hk = regions.appendingPathComponent("hk.yaml")
        let text = try String(contentsOf: hk, encoding: .utf8)
        #expect(text.components(separatedBy: "percent: 25 ").count == 2)
        try text.replacingOccurrences(of: "percent: 25 ", with: "percent: 50 ").write(to: hk, atomically: true, encoding: .utf8)
        let run = try CLI.run(["diff", "regions", regions.path, "--traffic", "examples/traffic.jsonl"])
        #expect(run.stdout + "exit \(run.status)" == documented)
    }
}

/// A decision log written under the config compiled from `regions`: OLD = the directory names
/// the same digest (`compile`'s bytes), and reproduces every logged decision.
@Suite struct TrafficDecisionLogCLITests {
    @Test func aLogFromTheCompiledRegionsShowsNoDriftAndNamesOld() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let artifact = directory.appendingPathComponent("gateway-config.json")
        #expect(try CLI.run(["compile", "regions", "-o", artifact.path]).status == 0)
        let digest = try Self.sha256(artifact)
        let request = ["--region", "US", "--merchant", "shop_5001", "--method", "ALIPAY_CN", "--amount", "120.50 USD",
                       "--at", "2026-12-01T15:00:00Z"]
        let decision = try CLI.run(["route", "--config", artifact.path, "--format", "json"] + request)
        #expect(decision.status == 0)
        let line = #"{"config_digest":""# + digest + #"","decision":"# + decision.stdout.trimmingCharacters(in: .newlines)
            + #","logged_at":"2026-12-01T15:00:00Z","request":{"amount":"120.50 USD","at":"2026-12-01T15:00:00Z","merchant":"shop_5001","method":"ALIPAY_CN","region":"US"}}"#
        let log = directory.appendingPathComponent("decisions.log")
        try (line + "\n" + line + "\n").write(to: log, atomically: true, encoding: .utf8)
        let run = try CLI.run(["diff", "regions", "regions", "--traffic", log.path, "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let drift = try #require(json["drift"] as? [String: Any])
        #expect(drift["logged"] as? Int == 2 && drift["differ"] as? Int == 0)
        #expect(drift["old_digest"] as? String == digest)
        #expect((drift["config_digests"] as? [String: Int]) == [digest: 2])
    }

    static func sha256(_ file: URL) throws -> String {
        String(try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/env"), ["sha256sum", file.path]).stdout.prefix(64))
    }
}
