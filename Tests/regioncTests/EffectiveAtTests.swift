import Foundation
import Testing

/// `regionc effective REGION --at T` over the shipped HK plan: the phase at T, with the step in
/// effect, the next one and any freeze, each value naming the line that set it.
@Suite struct EffectiveAtTests {
    struct Row: Sendable, CustomStringConvertible {
        var at: String
        var notes: [String]
        var lines: [String]
        var description: String { at }
    }

    static let rows: [Row] = [
        Row(at: "2027-01-11T09:59:59+08:00",
            notes: ["# region phase: the base availability (no step has taken effect)",
                    "# next step: availability.schedule[0] at 2027-01-11T02:00:00Z"],
            lines: ["  status: pilot  # hk.yaml:11", "    percent: 25  # hk.yaml:14"]),
        Row(at: "2027-01-11T10:00:00+08:00",
            notes: ["# region phase: availability.schedule[0] (since 2027-01-11T02:00:00Z)"],
            lines: ["    percent: 50  # hk.yaml:"]),
        Row(at: "2027-02-07T12:00:00+08:00",
            notes: ["# inside the change freeze `Lunar New Year 2027` [2027-02-02T16:00:00Z, 2027-02-10T16:00:00Z) (hk.yaml:"],
            lines: ["    percent: 50  # hk.yaml:"]),
        Row(at: "2027-03-01T02:00:00Z",
            notes: ["# region phase: availability.schedule[2] (since 2027-03-01T02:00:00Z)", "# next step: none"],
            lines: ["  status: live  # hk.yaml:", "    deny: [shop_6660]  # hk.yaml:16"]),
    ]

    @Test(arguments: rows) func thePhaseAtAnInstant(_ row: Row) throws {
        let run = try CLI.run(["effective", "HK", "--at", row.at])
        #expect(run.status == 0, "\(run.stderr)")
        for expected in row.notes + row.lines {
            #expect(run.stdout.contains(expected), "\(row): no `\(expected)` in\n\(run.stdout)")
        }
        #expect(!run.stdout.contains("- at:"), "the schedule is applied, not shown")
        if row.at.hasPrefix("2027-03-01") {
            #expect(!run.stdout.contains("percent:") && !run.stdout.contains("allow:"), "live removes percent and allow")
        }
    }

    @Test func aBadInstantIsAUsageError() throws {
        let run = try CLI.run(["effective", "HK", "--at", "2027-03-01 10:00"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("--at `2027-03-01 10:00` is not an RFC 3339 instant"))
    }
}
