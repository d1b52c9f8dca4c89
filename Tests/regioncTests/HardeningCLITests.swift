import Foundation
import Testing

/// The command line against hostile directories and careless operators (hardening issue):
/// nothing leaked, destroyed or silently dropped, and every refusal exits 2 with a reason.
@Suite struct HardeningCLITests {
    static func artifact(in directory: URL) throws -> String {
        let path = directory.appendingPathComponent("gateway-config.json").path
        let run = try CLI.run(["compile", "regions", "-o", path])
        #expect(run.status == 0, "\(run.stderr)")
        return path
    }

    // Finding 1: a link out of the regions directory is named, never followed, never echoed.
    @Test func aSymlinkOutOfTheRegionsIsAnErrorThatEchoesNothing() throws {
        let regions = try CLI.copyOfRegions()
        let workspace = regions.deletingLastPathComponent()
        defer { try? FileManager.default.removeItem(at: workspace) }
        try Data("[http]\n\textraheader = AUTHORIZATION: basic c2VjcmV0\n".utf8).write(to: workspace.appendingPathComponent("config"))
        try FileManager.default.createSymbolicLink(atPath: regions.appendingPathComponent("gb.yaml").path, withDestinationPath: "../config")
        for format in ["text", "json", "github", "sarif"] {
            let run = try CLI.run(["validate", regions.path, "--format", format])
            #expect(run.status == 1, "\(format)")
            #expect(run.stdout.contains("RC0111"), "\(format): \(run.stdout)")
            #expect(!run.stdout.contains("AUTHORIZATION") && !run.stderr.contains("AUTHORIZATION"), "\(format)")
        }
        let diff = try CLI.run(["diff", "regions", regions.path])
        #expect(diff.status == 1 && !diff.stdout.contains("AUTHORIZATION") && !diff.stderr.contains("AUTHORIZATION"))
    }

    // Finding 6: `hk.YAML` is not silently skipped.
    @Test func anUpperCaseExtensionIsAnError() throws {
        let regions = try CLI.copyOfRegions()
        defer { try? FileManager.default.removeItem(at: regions.deletingLastPathComponent()) }
        try FileManager.default.moveItem(at: regions.appendingPathComponent("hk.yaml"), to: regions.appendingPathComponent("hk.YAML"))
        let run = try CLI.run(["validate", regions.path])
        #expect(run.status == 1)
        #expect(run.stdout.contains("error[RC0704]: `hk.YAML` is not read"))
        try Data("# notes\n".utf8).write(to: regions.appendingPathComponent("README.md"))
        try FileManager.default.moveItem(at: regions.appendingPathComponent("hk.YAML"), to: regions.appendingPathComponent("hk.yaml"))
        let warned = try CLI.run(["validate", regions.path])
        #expect(warned.status == 0 && warned.stdout.contains("warning[RC0806]: `README.md` is not read"), "\(warned.stdout)")
    }

    // Finding 3: device nodes and directories are never replaced.
    @Test(arguments: [["compile", "regions", "-o"], ["report", "regions", "-o"]])
    func outputsThatAreNotRegularFilesAreRefused(_ command: [String]) throws {
        for target in ["/dev/null", "/dev/full", "/tmp"] {
            let run = try CLI.run(command + [target])
            #expect(run.status == 2, "\(target): \(run.stdout)\(run.stderr)")
            #expect(run.stderr.contains("cannot write \(target): it is"), "\(run.stderr)")
        }
        var info = stat()
        #expect(stat("/dev/null", &info) == 0 && info.st_mode & S_IFMT == S_IFCHR)
        #expect(stat("/dev/full", &info) == 0 && info.st_mode & S_IFMT == S_IFCHR)
    }

    // Finding 4: an input is never overwritten with the output.
    @Test(arguments: [["compile"], ["report"]])
    func anOutputThatIsAnInputIsRefused(_ command: [String]) throws {
        let regions = try CLI.copyOfRegions()
        defer { try? FileManager.default.removeItem(at: regions.deletingLastPathComponent()) }
        let hk = regions.appendingPathComponent("hk.yaml")
        let before = try Data(contentsOf: hk)
        let run = try CLI.run(command + [regions.path, "-o", regions.path + "/../regions/hk.yaml"])
        #expect(run.status == 2, "\(run.stdout)\(run.stderr)")
        #expect(run.stderr.contains("it is one of the inputs"))
        #expect(try Data(contentsOf: hk) == before)
    }

    @Test func reportOfAnArtifactRefusesToOverwriteIt() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try Self.artifact(in: directory)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let run = try CLI.run(["report", path, "-o", path])
        #expect(run.status == 2 && run.stderr.contains("it is one of the inputs"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    // Finding 9: a full standard output is exit 2 with the reason, never silent.
    @Test(arguments: ["validate regions", "report regions", "diff regions regions"])
    func aFullStandardOutputExitsTwo(_ command: String) throws {
        let run = try CLI.shell("exec \"$1\" \(command) > /dev/full")
        #expect(run.status == 2, "\(command): \(run.status) \(run.stderr)")
        #expect(run.stderr.contains("cannot write standard output: no space left on the device"), "\(run.stderr)")
    }

    // Finding 2: batch input that cannot be read is exit 2 with the reason, not a trap.
    @Test(arguments: [
        ("--batch /tmp", "it is a directory"),
        ("--batch - <&-", "standard input"),
        ("--batch - 0>/dev/null", "standard input"),
        ("--batch /nonexistent/requests.jsonl", "no such file"),
    ])
    func unreadableBatchInputExitsTwo(_ arguments: String, _ reason: String) throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let config = try Self.artifact(in: directory)
        let run = try CLI.shell("exec \"$1\" route --config '\(config)' \(arguments)")
        #expect(run.status == 2, "\(arguments): \(run.status) \(run.stderr)")
        #expect(run.stderr.contains("cannot read") && run.stderr.contains(reason), "\(run.stderr)")
    }

    // Findings 10 and 11: fractions accepted, a negative amount answered by name.
    @Test func fractionalSecondsAndNegativeAmountsOnTheCommandLine() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let config = try Self.artifact(in: directory)
        let base = ["route", "--config", config, "--region", "US", "--merchant", "shop_1", "--method", "ALIPAY_CN"]
        let fraction = try CLI.run(base + ["--amount", "10.00 USD", "--at", "2026-12-01T10:00:00.123Z", "--format", "json"])
        let whole = try CLI.run(base + ["--amount", "10.00 USD", "--at", "2026-12-01T10:00:00Z", "--format", "json"])
        #expect(fraction.status == 0 && fraction.stdout == whole.stdout, "\(fraction.stderr)")
        let negative = try CLI.run(base + ["--amount", "-5 HKD", "--at", "2026-12-01T10:00:00Z"])
        #expect(negative.status == 1 && negative.stderr.contains("`-5 HKD` is negative"), "\(negative.stderr)")
    }

    // Finding 10: a catalog smaller than the methods a region picks no longer loops forever.
    @Test func generateCorpusWithFewMethodsTerminates() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try CLI.run(["generate-corpus", "--regions", "20", "--methods", "3", "--out", directory.path + "/corpus"],
                              timeout: .seconds(60))
        #expect(run.status == 0, "\(run.status) \(run.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path + "/corpus")
        #expect(names.count == 22, "\(names)") // 20 regions, catalog and defaults
    }

    // Finding 8: diff and report read artifacts through the one loader: a future format or a broken
    // invariant is an error exit, never "no changes".
    static func editedArtifact(in directory: URL, _ edit: (inout [String: Any]) -> Void) throws -> String {
        let original = try Self.artifact(in: directory)
        var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: original))) as? [String: Any])
        edit(&object)
        let path = directory.appendingPathComponent("edited.json").path
        try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func diffAndReportRefuseAFutureFormat() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let edited = try Self.editedArtifact(in: directory) { $0["format_version"] = 99 }
        let diff = try CLI.run(["diff", directory.appendingPathComponent("gateway-config.json").path, edited])
        #expect(diff.status == 1 && !diff.stdout.contains("no changes"), "\(diff.stdout)")
        #expect(diff.stderr.contains("format_version 99 is not supported"), "\(diff.stderr)")
        let report = try CLI.run(["report", edited])
        #expect(report.status == 1 && report.stderr.contains("format_version 99"), "\(report.stderr)")
    }

    @Test func diffDoesNotCallAChangedPayoutNoChanges() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let edited = try Self.editedArtifact(in: directory) { object in
            var regions = object["regions"] as? [String: Any] ?? [:]
            var hk = regions["HK"] as? [String: Any] ?? [:]
            var settlement = hk["settlement"] as? [String: Any] ?? [:]
            settlement["business_days"] = 7
            hk["settlement"] = settlement
            regions["HK"] = hk
            object["regions"] = regions
        }
        let diff = try CLI.run(["diff", directory.appendingPathComponent("gateway-config.json").path, edited])
        #expect(diff.status == 1, "\(diff.status) \(diff.stdout)")
        #expect(!diff.stdout.contains("no changes"))
        #expect(diff.stderr.contains("disagrees with business_days 7"), "\(diff.stderr)")
        #expect(!diff.stderr.contains("DecodingError") && !diff.stderr.contains("codingPath"))
    }

    // Finding 9: OUT.sig that is not a regular file stops the compile before anything is written.
    @Test func aSignaturePathThatIsADirectoryWritesNothing() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("gateway-config.json").path
        try FileManager.default.createDirectory(atPath: output + ".sig", withIntermediateDirectories: false)
        try FileManager.default.createDirectory(atPath: output + ".sig/keep", withIntermediateDirectories: false)
        let run = try CLI.run(["compile", "regions", "-o", output])
        #expect(run.status == 2 && run.stderr.contains("cannot write \(output).sig: it is a directory"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: output))
        #expect(FileManager.default.fileExists(atPath: output + ".sig/keep"))
    }

    // Finding 11: `effective` on a file that is not a mapping says so instead of printing nothing.
    @Test func effectiveOnANonMappingFileSaysSo() throws {
        let regions = try CLI.copyOfRegions()
        defer { try? FileManager.default.removeItem(at: regions.deletingLastPathComponent()) }
        try Data("- just\n- a list\n".utf8).write(to: regions.appendingPathComponent("hk.yaml"))
        let run = try CLI.run(["effective", "HK", regions.path])
        #expect(run.status == 1 && run.stdout.isEmpty, "\(run.stdout)")
        #expect(run.stderr.contains("does not parse as a mapping of fields"))
    }
}
