import Foundation
import GatewayConfig

/// Renders a `ConfigDiff` for a terminal, a pull request comment, or a machine.
package enum DiffRenderer {
    package static func text(_ diff: ConfigDiff) -> String {
        guard !diff.isEmpty else { return "no changes" }
        var lines = frozenText(diff)
        let breakingImpacts = diff.impacts.filter(\.breaking)
        let breakingChanges = diff.changes.filter(\.breaking)
        if !breakingImpacts.isEmpty || !breakingChanges.isEmpty {
            lines.append("BREAKING: payments that work today would stop or change:")
            lines += breakingImpacts.map { "  ! \($0.line)" }
            lines += breakingChanges.map { "  ! \($0.line)" }
            lines.append("")
        }
        let otherImpacts = diff.impacts.filter { !$0.breaking }
        if !otherImpacts.isEmpty {
            lines.append("Payment impact:")
            lines += otherImpacts.map { "  \($0.line)" }
            lines.append("")
        }
        let otherChanges = diff.changes.filter { !$0.breaking }
        if !otherChanges.isEmpty {
            lines.append("Field changes:")
            lines += otherChanges.map { "  \($0.line)" }
            lines.append("")
        }
        if !diff.scheduleChanges.isEmpty {
            lines.append("Schedule changes:")
            lines += diff.scheduleChanges.map { "  \($0.line)" }
            lines.append("")
        }
        if !diff.payoutMoves.isEmpty {
            lines.append("Payout dates that move:")
            lines += diff.payoutMoves.map { "  \($0.line)" }
            lines.append("")
        }
        lines.append(summary(diff))
        return lines.joined(separator: "\n")
    }

    package static func markdown(_ diff: ConfigDiff) -> String {
        guard !diff.isEmpty else { return "### Gateway config diff\n\nNo changes.\n" }
        var lines = ["### Gateway config diff", "", "**\(summary(diff))**", ""]
        let breaking = diff.frozenChanges.map { "\($0.line) at \(diff.asOf)" }
            + diff.impacts.filter(\.breaking).map(\.line) + diff.changes.filter(\.breaking).map(\.line)
        if !breaking.isEmpty {
            lines += ["#### :warning: Breaking: needs extra approval", ""]
            lines += breaking.map { "- \(cell($0))" }
            lines.append("")
        }
        let impacts = diff.impacts.filter { !$0.breaking }
        if !impacts.isEmpty {
            lines += ["#### Payment impact", "", "| region | method | currency | change |", "|---|---|---|---|"]
            lines += impacts.map { "| \(cell($0.region)) | \(cell($0.method)) | \(cell($0.currency)) | \(cell($0.summary)) |" }
            lines.append("")
        }
        let changes = diff.changes.filter { !$0.breaking }
        if !changes.isEmpty {
            lines += ["#### Field changes", "", "| region | field | change |", "|---|---|---|"]
            lines += changes.map { "| \(cell($0.region)) | `\(MarkdownText.code($0.field, inTable: true))` | \(cell($0.change)) |" }
            lines.append("")
        }
        if !diff.scheduleChanges.isEmpty {
            lines += ["#### Schedule changes", "", "| region | at | step | change |", "|---|---|---|---|"]
            lines += diff.scheduleChanges.map {
                "| \(cell($0.region)) | \(cell($0.at.description)) | `\(MarkdownText.code($0.field, inTable: true))` | \(cell($0.change)) |"
            }
            lines.append("")
        }
        if !diff.payoutMoves.isEmpty {
            lines += ["#### Payout dates that move", "", "| region | captured | settles now | was |", "|---|---|---|---|"]
            lines += diff.payoutMoves.map {
                "| \(cell($0.region)) | \(cell($0.capture + ($0.fromCutoff.map { " from \($0)" } ?? ""))) | \(cell($0.now)) | \(cell($0.was)) |"
            }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    package static func json(_ diff: ConfigDiff) throws -> String {
        struct Document: Encodable {
            struct Change: Encodable { let region, field, change: String; let breaking: Bool }
            struct Impact: Encodable {
                let region, method, currency, summary: String
                let breaking: Bool
                let before, after: String?
            }
            struct Move: Encodable { let region, capture, was, now: String; let from_cutoff: String? }
            struct Step: Encodable {
                let region, at, field, kind, effect, change: String
                let method: String?
                let step: Int
                let moved_from, changed_from_old: String?
            }
            struct Frozen: Encodable {
                let region, from, until, source: String
                let reason: String?
                let sides: [String]
            }
            let as_of: String
            let changes: [Change]
            let impacts: [Impact]
            let schedule_changes: [Step]
            let frozen: [Frozen]
            let payout_moves: [Move]?
            let breaking: Bool
            let exit_status: Int32
        }
        let document = Document(
            as_of: diff.asOf.description,
            changes: diff.changes.map { .init(region: $0.region, field: $0.field, change: $0.change, breaking: $0.breaking) },
            impacts: diff.impacts.map {
                .init(region: $0.region, method: $0.method, currency: $0.currency, summary: $0.summary, breaking: $0.breaking,
                      before: $0.before?.text, after: $0.after?.text)
            },
            schedule_changes: diff.scheduleChanges.map {
                .init(region: $0.region, at: $0.at.description, field: $0.field, kind: $0.kind.rawValue, effect: $0.effect,
                      change: $0.change, method: $0.method, step: $0.step, moved_from: $0.movedFrom?.description,
                      changed_from_old: $0.againstOld)
            },
            frozen: diff.frozenChanges.map {
                .init(region: $0.region, from: $0.freeze.from.description, until: $0.freeze.until.description,
                      source: $0.freeze.source, reason: $0.freeze.reason, sides: $0.sides)
            },
            payout_moves: diff.payoutMoves.isEmpty ? nil : diff.payoutMoves.map {
                .init(region: $0.region, capture: $0.capture, was: $0.was, now: $0.now, from_cutoff: $0.fromCutoff)
            },
            breaking: diff.hasBreaking, exit_status: diff.exitStatus)
        return try ReportJSON.text(document)
    }

    /// The regions changed while a freeze holds them, with a blank line after; none when no freeze
    /// holds a changed region. Also printed after a `--traffic` replay judged `--as-of`.
    package static func frozenText(_ diff: ConfigDiff) -> [String] {
        let frozen = diff.frozenChanges
        guard !frozen.isEmpty else { return [] }
        return ["BREAKING: regions changed inside a change freeze at \(diff.asOf) (shipping needs the pull request's approval):"]
            + frozen.map { "  ! \($0.line)" } + [""]
    }

    /// The same as a Markdown section.
    package static func frozenMarkdown(_ diff: ConfigDiff) -> [String] {
        let frozen = diff.frozenChanges
        guard !frozen.isEmpty else { return [] }
        return ["#### :warning: Changed inside a change freeze at \(cell(diff.asOf.description)): needs extra approval", ""]
            + frozen.map { "- \(cell($0.line))" } + [""]
    }

    /// The JSON of `frozen`, as `json` writes it.
    package static func frozenObjects(_ diff: ConfigDiff) -> [[String: Any]] {
        diff.frozenChanges.map { hold in
            var object: [String: Any] = ["region": hold.region, "from": hold.freeze.from.description, "until": hold.freeze.until.description,
                                         "source": hold.freeze.source, "sides": hold.sides]
            if let reason = hold.freeze.reason { object["reason"] = reason }
            return object
        }
    }

    static func summary(_ diff: ConfigDiff) -> String {
        let breaking = diff.changes.filter(\.breaking).count + diff.impacts.filter(\.breaking).count + diff.frozenChanges.count
        let steps = diff.scheduleChanges.count
        return "\(diff.changes.count) field change\(diff.changes.count == 1 ? "" : "s"), "
            + "\(diff.impacts.count) payment impact\(diff.impacts.count == 1 ? "" : "s"), "
            + (steps == 0 ? "" : "\(steps) schedule change\(steps == 1 ? "" : "s"), ") + "\(breaking) breaking"
            + (diff.payoutMoves.isEmpty ? "" : ", \(diff.payoutMoves.count) payout date\(diff.payoutMoves.count == 1 ? "" : "s") moved")
    }

    /// Input text in a table cell or list item: rendered as itself, never as markup.
    static func cell(_ text: String) -> String { MarkdownText.inline(text) }
}
