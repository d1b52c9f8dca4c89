import Foundation
import GatewayConfig
import Testing
@testable import RegionCompiler

/// `regionc report` over `Fixtures/timeline/regions`: the matrix shows the phases in effect at the
/// report's instant, and the timeline draws every scheduled step (with the holiday of its local
/// date) and every change freeze (its local days). Each `Fixtures/timeline/report/at-<instant>.md`
/// is the Markdown at that instant (`:` written `-` in the time), its config digest aside.
@Suite struct ReportTimelineTests {
    static let root = FixtureDirectory.root.appendingPathComponent("timeline/report")

    static var goldens: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []).filter { $0.hasSuffix(".md") }.sorted()
    }

    static func report(at instant: Instant) throws -> CoverageReport {
        CoverageReport(artifact: try TimelineTests.artifact.get(), at: instant)
    }

    /// `at-2027-01-20T00-00-00Z.md` -> 2027-01-20T00:00:00Z.
    static func instant(_ golden: String) throws -> Instant {
        let stem = golden.dropFirst("at-".count).dropLast(".md".count)
        let date = stem.prefix(11)
        let time = stem.dropFirst(11).dropLast().replacingOccurrences(of: "-", with: ":")
        return try #require(Instant("\(date)\(time)Z"), "\(golden)")
    }

    /// The report without its config digest, which changes with any byte of the fixture.
    static func withoutDigest(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix("Config `sha256:") ? "Config `sha256:...`" + $0.drop { $0 != "," } : String($0) }
            .joined(separator: "\n")
    }

    @Test(arguments: goldens)
    func markdownMatchesTheGolden(_ golden: String) throws {
        let report = try Self.report(at: try Self.instant(golden))
        let expected = try String(contentsOf: Self.root.appendingPathComponent(golden), encoding: .utf8)
        #expect(Self.withoutDigest(report.markdown()) == Self.withoutDigest(expected))
    }

    @Test func htmlDrawsEachStepAndFreeze() throws {
        let report = try Self.report(at: try #require(Instant("2027-01-20T00:00:00Z")))
        let html = report.html()
        let plan = LaunchTimeline(artifact: try TimelineTests.artifact.get())
        #expect(html.components(separatedBy: "<li class=\"step\">").count - 1 == plan.steps.count)
        #expect(html.components(separatedBy: "<li class=\"freeze\">").count - 1 == plan.freezes.count)
        #expect(html.contains("<li class=\"freeze\"><time>2027-02-05 &ndash; 2027-02-11</time> change freeze HK, KR: "
            + "2027-02-04T16:00:00Z..2027-02-11T16:00:00Z (Lunar New Year 2027; defaults.yaml)</li>"), "\(html)")
        #expect(html.contains("<br><small class=\"warn\">not a business day: HK Ching Ming Festival</small></li>"))
        #expect(html.contains("phases in effect at 2027-01-20T00:00:00Z"))
        #expect(ReviewTests.isBalanced(html))
    }
}
