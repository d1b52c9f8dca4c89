import Foundation
import GatewayConfig

/// Renders a `LaunchTimeline` for a terminal, a pull request or a launch meeting's notes, or a machine.
package enum TimelineRenderer {
    package static func text(_ timeline: LaunchTimeline) -> String {
        var lines = [heading(timeline), ""]
        if timeline.entries.isEmpty { lines.append("nothing scheduled and no change freeze in the window") }
        for entry in timeline.entries {
            switch entry {
            case .freeze(let freeze):
                lines.append("\(freeze.freeze.from)  change freeze \(freezeText(freeze))")
            case .step(let step):
                lines.append("\(step.at)  \(step.region) \(step.field): \(step.effect)")
                lines.append("    local \(step.local.description) (\(step.timezone))")
                lines += step.holidays.map { "    ! not a business day: \($0)" }
                lines += step.freezes.map { "    ! inside change freeze \(FreezeHold.describe($0))" }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    package static func markdown(_ timeline: LaunchTimeline) -> String {
        let md = MarkdownText.inline
        var lines = ["### Launch plan", "", md(heading(timeline)), ""]
        guard !timeline.entries.isEmpty else {
            return (lines + ["Nothing scheduled and no change freeze in the window."]).joined(separator: "\n") + "\n"
        }
        lines += ["| at (UTC) | region | local time | what | business day, freezes |", "|---|---|---|---|---|"]
        for entry in timeline.entries {
            switch entry {
            case .freeze(let freeze):
                lines.append("| \(md(freeze.freeze.from.description)) | \(md(freeze.regions.joined(separator: ", "))) |  | "
                    + "change freeze until \(md(freeze.freeze.until.description))\(freeze.freeze.reason.map { ": \(md($0))" } ?? "")"
                    + " (\(md(freeze.freeze.source))) |  |")
            case .step(let step):
                let notes = step.holidays.map { ":warning: \(md($0))" } + step.freezes.map { ":no_entry: frozen: \(md(FreezeHold.describe($0)))" }
                lines.append("| \(md(step.at.description)) | \(md(step.region)) | \(md(step.local.description)) | "
                    + "`\(MarkdownText.code(step.field, inTable: true))` \(md(step.effect)) | \(notes.joined(separator: "<br>")) |")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    package static func json(_ timeline: LaunchTimeline) throws -> String {
        struct Freeze: Encodable {
            let from, until, source: String
            let reason: String?
        }
        struct Entry: Encodable {
            let kind: String
            let at: String
            // A step's.
            let region, region_name, method, field, effect, local, local_date, timezone: String?
            let step: Int?
            let holidays: [String]?
            let freezes: [Freeze]?
            // A freeze's.
            let until, reason, source: String?
            let regions: [String]?
        }
        struct Document: Encodable {
            let from, until: String
            let steps, freezes: Int
            let entries: [Entry]
        }
        func freeze(_ freeze: ChangeFreezeArtifact) -> Freeze {
            Freeze(from: freeze.from.description, until: freeze.until.description, source: freeze.source, reason: freeze.reason)
        }
        let entries = timeline.entries.map { entry -> Entry in
            switch entry {
            case .freeze(let item):
                Entry(kind: "freeze", at: item.freeze.from.description, region: nil, region_name: nil, method: nil, field: nil,
                      effect: nil, local: nil, local_date: nil, timezone: nil, step: nil, holidays: nil, freezes: nil,
                      until: item.freeze.until.description, reason: item.freeze.reason, source: item.freeze.source,
                      regions: item.regions)
            case .step(let step):
                Entry(kind: "step", at: step.at.description, region: step.region, region_name: step.regionName, method: step.method,
                      field: step.field, effect: step.effect, local: step.local.rfc3339Minute,
                      local_date: step.local.date.description, timezone: step.timezone, step: step.step, holidays: step.holidays,
                      freezes: step.freezes.map(freeze), until: nil, reason: nil, source: nil, regions: nil)
            }
        }
        let document = Document(from: timeline.from.description, until: timeline.until.description,
                                steps: timeline.steps.count, freezes: timeline.freezes.count, entries: entries)
        return try ReportJSON.text(document)
    }

    /// `Plan from 2026-12-04T00:00:00Z until 2027-01-03T00:00:00Z: 2 steps, 1 change freeze`.
    static func heading(_ timeline: LaunchTimeline) -> String {
        let steps = timeline.steps.count
        let freezes = timeline.freezes.count
        return "Plan from \(timeline.from) until \(timeline.until): \(steps) step\(steps == 1 ? "" : "s"), "
            + "\(freezes) change freeze\(freezes == 1 ? "" : "s")"
    }

    /// `HK, KR until 2027-02-12T16:00:00Z: Lunar New Year (defaults.yaml)`.
    static func freezeText(_ freeze: LaunchTimeline.Freeze) -> String {
        "\(freeze.regions.joined(separator: ", ")) until \(freeze.freeze.until)"
            + "\(freeze.freeze.reason.map { ": \($0)" } ?? "") (\(freeze.freeze.source))"
    }
}
