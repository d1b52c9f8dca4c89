import Foundation
import Testing

/// `validate --as-of`, `regionc calendar` and the calendars in `diff`, run as people run them.
@Suite struct CalendarCLITests {
    /// A copy of the tree (regions and calendars side by side) in a temporary directory.
    static func copyOfTree() throws -> URL {
        let directory = try CLI.temporaryDirectory()
        for name in ["regions", "calendars"] {
            try FileManager.default.copyItem(at: CLI.root.appendingPathComponent(name), to: directory.appendingPathComponent(name))
        }
        return directory
    }

    /// Cuts a calendar file down to 2026: the years from 2027 on go, and `through` becomes 2026-12-31.
    static func keepOnly2026(_ file: URL) throws -> (throughLine: Int, throughColumn: Int) {
        var kept: [String] = []
        var position = (0, 0)
        for line in try String(contentsOf: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("  2027:") { break }
            if line.hasPrefix("through:") {
                kept.append("through: 2026-12-31")
                position = (kept.count, 10)
            } else {
                kept.append(String(line))
            }
        }
        try (kept.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
        return position
    }

    @Test func shippedTreeHasNoHorizonWarningAsOfTheIssueDate() throws {
        let run = try CLI.run(["validate", "regions", "--as-of", "2026-11-28"])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        // No horizon warning: the only findings are KR's two single-acquirer warnings (RC1151).
        #expect(run.stdout.hasSuffix("ok: 10 regions valid, 2 warnings\n"), "\(run.stdout)")
        #expect(!run.stdout.contains("RC095"), "\(run.stdout)")
    }

    @Test func calendarsWithOnly2026WarnAtTheirHorizonAndStillExitZero() throws {
        let tree = try Self.copyOfTree()
        defer { try? FileManager.default.removeItem(at: tree) }
        var positions: [String: (throughLine: Int, throughColumn: Int)] = [:]
        for market in ["us", "hk", "kr", "my", "th"] {
            positions[market] = try Self.keepOnly2026(tree.appendingPathComponent("calendars/\(market).yaml"))
        }
        let run = try CLI.run(["validate", "regions", "--as-of", "2026-11-28", "--format", "json"], in: tree)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let diagnostics = try #require(document["diagnostics"] as? [[String: Any]])
        // Live US and the HK, KR, MY and TH pilots each warn at their calendar's `through:` value.
        for (market, position) in positions {
            let found = diagnostics.contains {
                $0["code"] as? String == "RC0952" && $0["file"] as? String == "calendars/\(market).yaml"
                    && $0["line"] as? Int == position.throughLine && $0["column"] as? Int == position.throughColumn
            }
            #expect(found, "no RC0952 at calendars/\(market).yaml:\(position.throughLine):\(position.throughColumn) in \(run.stdout)")
        }
        #expect(!diagnostics.contains { $0["severity"] as? String == "error" })
    }

    @Test func aPassedHorizonOfALiveRegionIsAnError() throws {
        let run = try CLI.run(["validate", "regions", "--as-of", "2031-01-02"])
        #expect(run.status == 1, "\(run.stdout)")
        #expect(run.stdout.contains("error[RC0909]: the US calendar ends 2030-12-31, before 2031-01-02"), "\(run.stdout)")
    }

    @Test func asOfMustBeADate() throws {
        let run = try CLI.run(["validate", "regions", "--as-of", "28/11/2026"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("--as-of `28/11/2026` is not a date"), "\(run.stderr)")
    }

    @Test func asOfNeverChangesTheArtifact() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var outputs: [Data] = []
        for asOf in [nil, "2026-11-28", "2027-11-15"] as [String?] {
            let path = directory.appendingPathComponent("gateway-config-\(outputs.count).json").path
            let run = try CLI.run(["compile", "regions", "-o", path] + (asOf.map { ["--as-of", $0] } ?? []))
            #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
            outputs.append(try Data(contentsOf: URL(fileURLWithPath: path)))
        }
        #expect(Set(outputs).count == 1)
    }

    @Test func calendarShowsEachCaptureDayAndWhatWasSkipped() throws {
        let run = try CLI.run(["calendar", "US", "--from", "2027-01-01", "--days", "14"])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "US (United States): payout T+1 on days that are business days in US; cutoff 18:00 America/New_York")
        #expect(lines.contains("Fri 2027-01-01  Tue 2027-01-05   Tue 2027-01-05   Fri 2027-01-01 US New Year's Day; Sat 2027-01-02 weekend; Sun 2027-01-03 weekend"))
        #expect(lines.contains { $0.hasPrefix("Thu 2027-01-14  Fri 2027-01-15   Tue 2027-01-19   from 18:00 also:") && $0.contains("US Birthday of Martin Luther King, Jr.") },
                "\(run.stdout)")
        #expect(lines.filter { $0.hasPrefix("Mon ") || $0.hasPrefix("Tue ") || $0.hasPrefix("Wed ") || $0.hasPrefix("Thu ")
            || $0.hasPrefix("Fri ") || $0.hasPrefix("Sat ") || $0.hasPrefix("Sun ") }.count == 14)
    }

    /// The window must end by 9998-12-31, the last capture day the runtime routes (hardening issue
    /// 21, item 12: `--from 9999-12-30 --days 3` printed 9999-12-31 twice, paid out on the capture day).
    @Test(arguments: [
        ("9999-12-30", 3, Int32(2)), ("9999-01-01", 1, 2), ("9998-12-31", 2, 2), ("9998-12-20", 14, 2),
        ("9988-12-25", 3660, 2), ("9998-12-31", 1, 0), ("9998-12-18", 14, 0), ("9988-12-24", 3660, 0),
    ])
    func calendarStopsAtTheLastCaptureDayTheRuntimeRoutes(from: String, days: Int, status: Int32) throws {
        let run = try CLI.run(["calendar", "US", "--from", from, "--days", "\(days)"])
        #expect(run.status == status, "\(run.stdout)\(run.stderr)")
        if status == 2 {
            #expect(run.stdout.isEmpty)
            #expect(run.stderr.contains("--from \(from) --days \(days) runs past 9998-12-31, the last capture day"), "\(run.stderr)")
            #expect(run.stderr.contains("captures from 9999-01-01T00:00:00Z on are not routed"))
        } else {
            // One row per capture day, each day once, none paid out on the day it is captured.
            let rows = run.stdout.split(separator: "\n").filter { $0.count > 26 && $0.dropFirst(4).prefix(10).allSatisfy { $0.isNumber || $0 == "-" } }
            #expect(rows.count == days && Set(rows.map { $0.prefix(14) }).count == days, "\(run.stdout.suffix(400))")
            #expect(!rows.contains { $0.dropFirst(4).prefix(10) == $0.dropFirst(20).prefix(10) })
        }
    }

    @Test func calendarRefusesAnUnknownRegion() throws {
        let run = try CLI.run(["calendar", "ZZ", "--from", "2027-01-01"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("no region ZZ"), "\(run.stderr)")
    }

    @Test func diffListsPayoutDatesThatMove() throws {
        let tree = try Self.copyOfTree()
        defer { try? FileManager.default.removeItem(at: tree) }
        let hk = tree.appendingPathComponent("calendars/hk.yaml")
        let text = try String(contentsOf: hk, encoding: .utf8)
        let moved = text.replacingOccurrences(of: "date: 2027-02-08, name: The third day of Lunar New Year",
                                              with: "date: 2027-02-10, name: The third day of Lunar New Year")
        try #require(moved != text)
        try moved.write(to: hk, atomically: true, encoding: .utf8)
        let run = try CLI.run(["diff", "regions", tree.appendingPathComponent("regions").path])
        #expect(run.status == 3, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("HK captures on 2027-02-04 now settle 2027-02-08, were 2027-02-10"), "\(run.stdout)")
        #expect(run.stdout.contains("payout dates moved"))
    }
}
