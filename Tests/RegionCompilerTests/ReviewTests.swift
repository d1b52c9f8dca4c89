import Foundation
import GatewayConfig
import Testing
@testable import RegionCompiler

/// `regionc diff` and `regionc report` over fixture directories: `Fixtures/diff/base` plus, per case,
/// `Fixtures/diff/cases/<name>/` whose files replace the base's (`x.yaml.removed` deletes `x.yaml`).
/// A case's `expected.txt` starts with `exit N`; every other line must appear in the text output.
/// A case's `as-of` file holds the instant its diff is judged at (default: `asOf`).
@Suite struct ReviewTests {
    static let diffRoot = FixtureDirectory.root.appendingPathComponent("diff")
    /// The instant the fixtures' diffs are judged at: no fixture region has a step or a freeze then.
    static let asOf = Instant(secondsSinceEpoch: 1_764_547_200)    // 2025-12-01T00:00:00Z

    static func baseFiles() throws -> [String: SourceFile] {
        var files: [String: SourceFile] = [:]
        for directory in [FixtureDirectory.root.appendingPathComponent("base"), diffRoot.appendingPathComponent("base")] {
            for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) where name.hasSuffix(".yaml") {
                let bytes = Array(try Data(contentsOf: directory.appendingPathComponent(name)))
                files[name] = SourceFile(name: name, displayPath: name, bytes: bytes)
            }
        }
        return files
    }

    static func compile(_ files: [String: SourceFile]) throws -> GatewayArtifact {
        let compilation = DescriptorCompiler.compile(Array(files.values), directory: ".")
        return try #require(compilation.artifact, "\(compilation.diagnostics.map { "\($0.expectation) \($0.message)" })")
    }

    static var cases: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: diffRoot.appendingPathComponent("cases").path)) ?? []).sorted()
    }

    @Test(arguments: cases)
    func diffReportsImpactAndExitStatus(_ name: String) throws {
        var files = try Self.baseFiles()
        let directory = Self.diffRoot.appendingPathComponent("cases").appendingPathComponent(name)
        for file in try FileManager.default.contentsOfDirectory(atPath: directory.path) {
            if file.hasSuffix(".removed") {
                files[String(file.dropLast(".removed".count))] = nil
            } else if file.hasSuffix(".yaml") {
                let bytes = Array(try Data(contentsOf: directory.appendingPathComponent(file)))
                files[file] = SourceFile(name: file, displayPath: file, bytes: bytes)
            }
        }
        let asOfFile = directory.appendingPathComponent("as-of")
        let asOf = FileManager.default.fileExists(atPath: asOfFile.path)
            ? try #require(Instant(try String(contentsOf: asOfFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
            : Self.asOf
        let diff = ConfigDiff.compare(old: try Self.compile(try Self.baseFiles()), new: try Self.compile(files), asOf: asOf)
        let expected = try String(contentsOf: directory.appendingPathComponent("expected.txt"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        let status = try #require(expected.first.flatMap { Int32($0.replacingOccurrences(of: "exit ", with: "")) })
        let text = DiffRenderer.text(diff)
        #expect(diff.exitStatus == status, "\(name):\n\(text)")
        let lines = Set(text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) })
        for line in expected.dropFirst() {
            #expect(lines.contains(line), "\(name): missing `\(line)` in\n\(text)")
        }
        // Breaking changes are listed first.
        if diff.hasBreaking { #expect(text.hasPrefix("BREAKING")) }
        let markdown = DiffRenderer.markdown(diff)
        #expect(markdown.contains("### Gateway config diff"))
        let json = try JSONSerialization.jsonObject(with: Data(try DiffRenderer.json(diff).utf8)) as? [String: Any]
        #expect(json?["exit_status"] as? Int == Int(status))
    }

    @Test func diffOfATreeAgainstItselfHasNoChanges() throws {
        let regions = ShippedRegionsTests.regionsDirectory
        let artifact = try ReviewInput.load(regions)
        let diff = ConfigDiff.compare(old: artifact, new: artifact, asOf: Self.asOf)
        #expect(diff.isEmpty && diff.exitStatus == 0)
        #expect(DiffRenderer.text(diff) == "no changes")
    }

    @Test func reportCoversEveryRegionAndMethod() throws {
        let artifact = try ReviewInput.load(ShippedRegionsTests.regionsDirectory)
        let report = CoverageReport(artifact: artifact, at: ReviewTests.asOf)
        let html = report.html()
        let markdown = report.markdown()
        for region in artifact.regions.values {
            #expect(html.contains(">\(region.region.rawValue)<"), "\(region.region)")
            #expect(markdown.contains("| \(region.region.rawValue) "))
            for method in region.paymentMethods { #expect(html.contains(method.method)) }
        }
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(!html.contains("<script") && !html.contains("http://") && !html.contains("https://"), "self-contained")
        #expect(Self.isBalanced(html), "every opened element is closed")
        #expect(!report.timeline.isEmpty)
    }

    /// A small well-formedness check: void elements aside, tags open and close in order.
    static func isBalanced(_ html: String) -> Bool {
        let void: Set<String> = ["meta", "br", "!doctype", "hr", "img", "link"]
        var stack: [String] = []
        var index = html.startIndex
        while let open = html[index...].firstIndex(of: "<") {
            guard let close = html[open...].firstIndex(of: ">") else { return false }
            let tag = html[html.index(after: open)..<close]
            index = html.index(after: close)
            let name = tag.split(whereSeparator: { $0 == " " || $0 == "\n" }).first.map { String($0).lowercased() } ?? ""
            if name.hasPrefix("/") {
                guard stack.popLast() == String(name.dropFirst()) else { return false }
            } else if !void.contains(name) {
                stack.append(name)
            }
            if name == "style", let end = html[index...].range(of: "</style>") {
                index = end.lowerBound
            }
        }
        return stack.isEmpty
    }
}
