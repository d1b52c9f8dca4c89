import Foundation
import Testing

/// Runs the built `regionc` and checks exit codes and output, as CI and people see them.
@Suite struct CLITests {
    /// The shipped regions' only findings are KR's true single-point-of-failure warnings (RC1151):
    /// they print, and the exit code stays 0.
    @Test func validateShippedRegionsPrintsOneSuccessLine() throws {
        let run = try CLI.run(["validate", "regions"])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.hasSuffix("ok: 10 regions valid, 2 warnings\n"), "\(run.stdout)")
        #expect(run.stdout.components(separatedBy: "warning[RC1151]: an antom-kr outage declines every KR checkout").count == 3)
    }

    @Test func validateDefaultsToTheRegionsDirectory() throws {
        let run = try CLI.run(["validate"])
        #expect(run.status == 0)
    }

    @Test func validateReportsErrorsWithCaretAndExitsOne() throws {
        let regions = try CLI.copyOfRegions()
        defer { try? FileManager.default.removeItem(at: regions.deletingLastPathComponent()) }
        let hk = regions.appendingPathComponent("hk.yaml")
        var text = try String(contentsOf: hk, encoding: .utf8)
        text = text.replacingOccurrences(of: "\nsettlement:", with: "\nsettlment:")
        text = text.replacingOccurrences(of: "timezone: Asia/Hong_Kong", with: "timezone: Asia/Hongkong")
        try text.write(to: hk, atomically: true, encoding: .utf8)
        let run = try CLI.run(["validate", regions.path])
        #expect(run.status == 1)
        #expect(run.stdout.contains("error[RC0202]: unknown key `settlment`"))
        #expect(run.stdout.contains("did you mean `settlement`?"))
        #expect(run.stdout.contains("error[RC0306]"))
        #expect(run.stdout.contains("^^^^^^^^^"))
        #expect(run.stdout.contains("hk.yaml:"))
        #expect(!run.stdout.contains("\u{1B}["), "no colour when not a terminal")
    }

    @Test func validateJSONIsOneDocumentWithSummary() throws {
        let regions = try CLI.copyOfRegions()
        defer { try? FileManager.default.removeItem(at: regions.deletingLastPathComponent()) }
        let us = regions.appendingPathComponent("us.yaml")
        let text = try String(contentsOf: us, encoding: .utf8).replacingOccurrences(of: "region: US", with: "region: NO")
        try text.write(to: us, atomically: true, encoding: .utf8)
        let run = try CLI.run(["validate", regions.path, "--format", "json"])
        #expect(run.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let diagnostics = try #require(object["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.contains { $0["code"] as? String == "RC0302" })
        let first = try #require(diagnostics.first)
        for key in ["severity", "code", "message", "file", "line", "column"] { #expect(first[key] != nil, "\(key)") }
        let summary = try #require(object["summary"] as? [String: Any])
        #expect(summary["errors"] as? Int == diagnostics.count { $0["severity"] as? String == "error" })
    }

    @Test func validateSpeaksGitHubAndSARIF() throws {
        let regions = try CLI.copyOfRegions()
        defer { try? FileManager.default.removeItem(at: regions.deletingLastPathComponent()) }
        let hk = regions.appendingPathComponent("hk.yaml")
        let text = try String(contentsOf: hk, encoding: .utf8).replacingOccurrences(of: "\nsettlement:", with: "\nsettlment:")
        try text.write(to: hk, atomically: true, encoding: .utf8)
        let github = try CLI.run(["validate", regions.path, "--format", "github"])
        #expect(github.status == 1)
        #expect(github.stdout.contains("::error file=\(regions.path)/hk.yaml,line="))
        #expect(github.stdout.contains("title=RC0202::unknown key `settlment`"))
        #expect(github.stdout.contains("::notice title=regionc::1 error"))
        let sarif = try CLI.run(["validate", regions.path, "--format", "sarif"])
        #expect(sarif.status == 1)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        let clean = try CLI.run(["validate", "regions", "--format", "sarif"])
        #expect(clean.status == 0)
    }

    @Test func diffAndReportFromTheCommandLine() throws {
        let same = try CLI.run(["diff", "regions", "regions"])
        #expect(same.status == 0 && same.stdout == "no changes\n")
        let regions = try CLI.copyOfRegions()
        defer { try? FileManager.default.removeItem(at: regions.deletingLastPathComponent()) }
        let us = regions.appendingPathComponent("us.yaml")
        let text = try String(contentsOf: us, encoding: .utf8).replacingOccurrences(of: "status: live", with: "status: paused")
        try text.write(to: us, atomically: true, encoding: .utf8)
        let breaking = try CLI.run(["diff", "regions", regions.path, "--format", "markdown"])
        #expect(breaking.status == 4, "\(breaking.stdout)\(breaking.stderr)")
        #expect(breaking.stdout.contains("US availability.status: live -> paused"))
        let report = try CLI.run(["report", "regions", "--format", "html"])
        #expect(report.status == 0 && report.stdout.hasPrefix("<!DOCTYPE html>"))
    }

    @Test func compileWritesTheArtifactAndIsReproducible() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let first = directory.appendingPathComponent("a/gateway-config.json")
        let second = directory.appendingPathComponent("b/gateway-config.json")
        let runA = try CLI.run(["compile", "regions", "-o", first.path])
        let runB = try CLI.run(["compile", "regions", "--output", second.path])
        #expect(runA.status == 0 && runB.status == 0, "\(runA.stderr)")
        #expect(runA.stdout.contains("10 regions"))
        let bytes = try Data(contentsOf: first)
        #expect(bytes == (try Data(contentsOf: second)))
        let object = try #require(try JSONSerialization.jsonObject(with: bytes) as? [String: Any])
        #expect(object["format_version"] as? Int == 4)
        #expect((object["source_digest"] as? String)?.hasPrefix("sha256:") == true)
    }

    @Test func compileWithErrorsWritesNothingAndKeepsTheOldArtifact() throws {
        let regions = try CLI.copyOfRegions()
        let workspace = regions.deletingLastPathComponent()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let output = workspace.appendingPathComponent("gateway-config.json")
        try Data("previous".utf8).write(to: output)
        try Data("region: [unclosed\n".utf8).write(to: regions.appendingPathComponent("th.yaml"))
        let run = try CLI.run(["compile", regions.path, "-o", output.path])
        #expect(run.status == 1)
        #expect(run.stdout.contains("RC0101"))
        #expect(try String(contentsOf: output, encoding: .utf8) == "previous")
    }

    @Test(arguments: [
        ["validate", "no-such-directory"],
        ["compile", "regions"],
        ["validate", "--format", "yaml"],
        ["validate", "--bogus"],
        ["frobnicate"],
    ])
    func usageAndIOErrorsExitTwo(_ arguments: [String]) throws {
        let run = try CLI.run(arguments)
        #expect(run.status == 2, "\(arguments): \(run.status) \(run.stderr)")
        #expect(!run.stderr.isEmpty)
    }

    @Test func helpExitsZero() throws {
        let run = try CLI.run(["--help"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("validate"))
    }
}
