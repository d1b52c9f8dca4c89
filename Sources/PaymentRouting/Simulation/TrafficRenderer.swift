import GatewayConfig

/// Renders a `TrafficReport`: text for a terminal, Markdown for a pull request comment, JSON for
/// tools. No format ever leaves out a breaking group. The Markdown stays under GitHub's
/// 65,536-character limit unless the breaking groups alone exceed it: they are bounded by OLD's
/// config (each routes on OLD), not by the traffic file.
package enum TrafficRenderer {
    /// Rows of the Markdown table, unless there are more breaking groups (all are shown); the
    /// rest are counted below it.
    package static let markdownRowLimit = 40

    package static func text(_ report: TrafficReport, source: String) -> String {
        typealias F = TrafficFormatting
        var lines = ["Replayed \(F.plural(report.lines, "line")) of \(F.shown(source, limit: 200)) through OLD and NEW, \(describe(report.retiming)):"]
        lines.append("  \(F.plural(report.decided, "checkout")) decided; \(badLines(report))")
        lines.append("  \(summary(report))")
        let outage = outageLines(report)
        if !outage.isEmpty { lines += [""] + outage }
        let breaking = report.groups.filter(\.breaking)
        let other = report.groups.filter { !$0.breaking }
        if !breaking.isEmpty {
            lines += ["", "BREAKING: checkouts routed today would be declined:"]
            lines += breaking.map { "  ! " + groupLine($0) }
        }
        if !other.isEmpty {
            lines += ["", "Changed decisions:"]
            lines += other.map { "  " + groupLine($0) }
        }
        if report.ungrouped > 0 {
            lines.append("  \(shownOf(report, shown: report.groups.count)); \(unlisted(report))")
        }
        if !report.malformedLines.isEmpty {
            lines += ["", "Malformed lines (not decided):"]
            lines += report.malformedLines.prefix(20).map { "  line \($0.line): \(F.shown($0.message, limit: 200))" }
            if report.malformed > 20 { lines.append("  … \(F.plural(report.malformed - 20, "more line"))") }
        }
        if report.logged > 0 {
            lines += ["", drift(report)]
        }
        return lines.joined(separator: "\n")
    }

    package static func markdown(_ report: TrafficReport, source: String) -> String {
        typealias F = TrafficFormatting
        var lines = ["### Traffic replay: \(summary(report))", ""]
        lines.append("\(F.plural(report.lines, "line")) of `\(code(source))` replayed through the base and the proposed config, "
            + "\(describe(report.retiming)): \(F.plural(report.decided, "checkout")) decided; \(badLines(report)).")
        lines.append("")
        lines += outageMarkdown(report)
        if !report.groups.isEmpty {
            lines += ["| | region | method | currency | before | after | checkouts | merchants | amount | e.g. lines |",
                      "|---|---|---|---|---|---|---:|---:|---:|---|"]
            let shown = report.groups.prefix(max(markdownRowLimit, report.groups.count(where: \.breaking)))
            for group in shown {
                let merchants = (group.merchantsEstimated ? "~" : "") + F.grouped(group.merchants)
                lines.append("| \(group.breaking ? ":warning:" : "") | \(cell(group.region)) | \(cell(group.method)) | \(group.currency) "
                    + "| \(cell(group.before.label)) | \(cell(group.after.label)) | \(F.grouped(group.count)) | \(merchants) "
                    + "| \(F.money(group.amountMinorUnits, group.currency, grouping: true)) "
                    + "| \(group.examples.map(String.init).joined(separator: ", ")) |")
            }
            let hidden = report.groups.dropFirst(shown.count)
            if !hidden.isEmpty || report.ungrouped > 0 {
                let checkouts = hidden.reduce(0) { $0 + $1.count } + report.ungrouped
                lines += ["", "\(shownOf(report, shown: shown.count)); the other \(F.plural(checkouts, "changed checkout")) are not "
                    + "in this table. `regionc diff OLD NEW --traffic FILE --format json` lists "
                    + (report.ungrouped == 0 ? "every group." : "every breaking group and the first \(F.grouped(TrafficTally.groupLimit)) "
                       + "others; \(unlisted(report)).")]
            }
            lines.append("")
        }
        if report.logged > 0 {
            lines += [drift(report) { MarkdownText.inline(TrafficFormatting.cut($0, limit: 12)) }, ""]
        }
        return lines.joined(separator: "\n")
    }

    package static func json(_ report: TrafficReport, source: String) -> String {
        var output: [UInt8] = []
        JSONValue.object([
            ("blank", .object([("count", .integer(Int128(report.blank))), ("lines", .array(report.blankLines.map { .integer(Int128($0)) }))])),
            ("breaking", .integer(Int128(report.breaking))),
            ("changed", .integer(Int128(report.changed))),
            ("changed_share", .number((report.changedShare * 1_000_000).rounded() / 1_000_000)),
            ("decided", .integer(Int128(report.decided))),
            ("drift", .object([("config_digests", .object(report.configDigests.map { ($0.digest, .integer(Int128($0.lines))) })),
                               ("differ", .integer(Int128(report.drifted))),
                               ("lines", .array(report.driftLines.map { .integer(Int128($0)) })),
                               ("logged", .integer(Int128(report.logged))),
                               ("old_digest", report.oldDigest.map { .string($0) } ?? .null),
                               ("other_digests", .integer(Int128(report.otherDigests)))])),
            ("exit_status", .integer(Int128(report.exitStatus))),
            ("groups", .array(report.groups.map(groupValue))),
            ("malformed", .object([("count", .integer(Int128(report.malformed))),
                                   ("lines", .array(report.malformedLines.map {
                                       .object([("line", .integer(Int128($0.line))), ("message", .string($0.message))])
                                   }))])),
            ("outage", outageValue(report)),
            ("requests", .integer(Int128(report.lines))),
            ("retiming", retimingValue(report.retiming)),
            ("source", .string(source)),
            ("ungrouped", .integer(Int128(report.ungrouped))),
            ("ungrouped_groups", .integer(Int128(report.ungroupedGroups))),
            ("ungrouped_groups_estimated", .bool(report.ungroupedGroupsEstimated)),
        ]).write(into: &output, indent: 0)
        return String(decoding: output, as: UTF8.self)
    }

    // MARK: - Pieces

    /// `40 of 5,000 groups shown, all 3 breaking ones among them`.
    static func shownOf(_ report: TrafficReport, shown: Int) -> String {
        typealias F = TrafficFormatting
        let breaking = report.groups.count(where: \.breaking)
        return "\(F.grouped(shown)) of \(report.groupTotal) groups shown"
            + (breaking == 0 ? "" : breaking == 1 ? ", the breaking one among them" : ", all \(F.grouped(breaking)) breaking ones among them")
    }

    /// The changed checkouts past the group limit: counted, listed in no format.
    static func unlisted(_ report: TrafficReport) -> String {
        typealias F = TrafficFormatting
        let groups = (report.ungroupedGroupsEstimated ? "~" : "") + F.plural(report.ungroupedGroups, "group")
        return "\(F.plural(report.ungrouped, "changed checkout")) in \(groups) past the first "
            + "\(F.grouped(TrafficTally.groupLimit)) that do not break are counted (`ungrouped`) but listed nowhere"
    }

    static func summary(_ report: TrafficReport) -> String {
        typealias F = TrafficFormatting
        guard report.changed > 0 else { return "no decision changes (\(F.plural(report.decided, "checkout")) replayed)" }
        return "\(F.grouped(report.changed)) of \(F.plural(report.decided, "checkout")) change (\(F.percent(report.changedShare))), "
            + "\(F.grouped(report.breaking)) routed today would be declined"
    }

    static func badLines(_ report: TrafficReport) -> String {
        typealias F = TrafficFormatting
        let malformed = report.malformed == 0 ? "0 malformed"
            : "\(F.grouped(report.malformed)) malformed (line\(report.malformed == 1 ? "" : "s") \(F.lineList(report.malformedLines.map(\.line), total: report.malformed)))"
        let blank = report.blank == 0 ? "0 blank"
            : "\(F.grouped(report.blank)) blank (line\(report.blank == 1 ? "" : "s") \(F.lineList(report.blankLines, total: report.blank)))"
        return "\(malformed); \(blank)"
    }

    static func describe(_ retiming: Retiming) -> String {
        switch retiming {
        case .asLogged: "each at its own instant"
        case .at(let instant): "every checkout at \(instant)"
        case .shift(let days): "each moved \(days >= 0 ? "+" : "")\(days) day\(abs(days) == 1 ? "" : "s") (local time of day kept)"
        }
    }

    /// The drift paragraph; `quoted` shows a logged config digest (input text) in the format at hand.
    static func drift(_ report: TrafficReport, quoted: (String) -> String = { TrafficFormatting.shown($0, limit: 12) }) -> String {
        typealias F = TrafficFormatting
        let verdict = report.drifted == 0
            ? "Drift: none; OLD reproduces all \(F.plural(report.logged, "logged decision"))."
            : "Drift: \(F.grouped(report.drifted)) of \(F.plural(report.logged, "logged decision")) differ from what OLD decides "
                + "(lines \(F.lineList(report.driftLines, total: report.drifted))): the config that ran is not OLD."
        var digests = report.configDigests.prefix(5).map { entry in
            let name = entry.digest.isEmpty ? "no digest" : quoted(entry.digest)
            return "\(name)\(entry.digest == report.oldDigest ? " (OLD)" : "") \(F.plural(entry.lines, "line"))"
        }
        let rest = report.configDigests.dropFirst(5).reduce(0) { $0 + $1.lines } + report.otherDigests
        if rest > 0 { digests.append("others \(F.plural(rest, "line"))") }
        var logged = " Logged under \(F.plural(report.configDigests.count + (report.otherDigests > 0 ? 1 : 0), "config")): "
            + digests.joined(separator: ", ") + "."
        if let old = report.oldDigest, !report.configDigests.contains(where: { $0.digest == old }) {
            logged += " None under OLD (\(quoted(old)))."
        }
        return verdict + logged
    }

    static func groupLine(_ group: TrafficReport.Group) -> String {
        typealias F = TrafficFormatting
        let merchants = (group.merchantsEstimated ? "~" : "") + F.plural(group.merchants, "merchant")
        return "\(F.shown(group.region)) \(F.shown(group.method)) \(group.currency): \(group.before.label) -> \(group.after.label): "
            + "\(F.plural(group.count, "checkout")), \(merchants), \(F.money(group.amountMinorUnits, group.currency, grouping: true)) "
            + "(line\(group.examples.count == 1 ? "" : "s") \(group.examples.map(String.init).joined(separator: ", ")))"
    }

    /// A table cell: input text rendered as itself (see `MarkdownText`), bounded.
    static func cell(_ text: String) -> String {
        MarkdownText.inline(TrafficFormatting.cut(text, limit: 64))
    }

    /// A code span's inside, outside a table.
    static func code(_ text: String) -> String {
        MarkdownText.code(TrafficFormatting.cut(text, limit: 120))
    }

    static func groupValue(_ group: TrafficReport.Group) -> JSONValue {
        let currency = group.currency.rawValue
        return .object([
            ("after", outcomeValue(group.after)),
            ("amount", .object([(currency, .string(TrafficFormatting.money(group.amountMinorUnits, group.currency, grouping: false)))])),
            ("amount_minor_units", .object([(currency, .integer(group.amountMinorUnits))])),
            ("before", outcomeValue(group.before)),
            ("breaking", .bool(group.breaking)),
            ("count", .integer(Int128(group.count))),
            ("currency", .string(currency)),
            ("examples", .array(group.examples.map { .integer(Int128($0)) })),
            ("merchants", .integer(Int128(group.merchants))),
            ("merchants_estimated", .bool(group.merchantsEstimated)),
            ("method", .string(group.method)),
            ("region", .string(group.region)),
        ])
    }

    static func outcomeValue(_ outcome: DecisionOutcome) -> JSONValue {
        switch outcome {
        case .declined(let reason):
            return .object([("decision", .string("decline")), ("reason", .string(reason.rawValue))])
        case .routed(let route, let acquirer, let date):
            var members: [(String, JSONValue)] = [("acquirer", .string(acquirer)), ("decision", .string("route")), ("route", .string(route))]
            if let date { members.append(("settlement_date", .string(date.description))) }
            return .object(members)
        }
    }

    static func retimingValue(_ retiming: Retiming) -> JSONValue {
        switch retiming {
        case .asLogged: .object([("mode", .string("as_logged"))])
        case .at(let instant): .object([("at", .string(instant.description)), ("mode", .string("at"))])
        case .shift(let days): .object([("days", .integer(Int128(days))), ("mode", .string("shift"))])
        }
    }
}

/// A JSON document written with two-space indentation; members in the order given (sorted by
/// the caller). Integers are 128-bit, so summed amounts are written exactly.
enum JSONValue {
    case object([(String, JSONValue)])
    case array([JSONValue])
    case string(String)
    case integer(Int128)
    case number(Double)
    case bool(Bool)
    case null

    func write(into output: inout [UInt8], indent: Int) {
        func newline(_ depth: Int) {
            output.append(0x0A)
            output += [UInt8](repeating: 0x20, count: depth * 2)
        }
        switch self {
        case .object(let members):
            guard !members.isEmpty else { return output += Array("{}".utf8) }
            output.append(UInt8(ascii: "{"))
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                newline(indent + 1)
                JSONText.writeString(key, into: &output)
                output += Array(": ".utf8)
                value.write(into: &output, indent: indent + 1)
            }
            newline(indent)
            output.append(UInt8(ascii: "}"))
        case .array(let elements):
            guard !elements.isEmpty else { return output += Array("[]".utf8) }
            // Numbers and strings on one line: `[8, 65, 108]`.
            if elements.allSatisfy({ if case .object = $0 { false } else if case .array = $0 { false } else { true } }) {
                output.append(UInt8(ascii: "["))
                for (index, element) in elements.enumerated() {
                    if index > 0 { output += Array(", ".utf8) }
                    element.write(into: &output, indent: indent)
                }
                output.append(UInt8(ascii: "]"))
                return
            }
            output.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                newline(indent + 1)
                element.write(into: &output, indent: indent + 1)
            }
            newline(indent)
            output.append(UInt8(ascii: "]"))
        case .string(let text): JSONText.writeString(text, into: &output)
        case .integer(let value): output += Array(String(value).utf8)
        case .number(let value): output += Array((value.isFinite ? "\(value)" : "0").utf8)
        case .bool(let value): output += Array((value ? "true" : "false").utf8)
        case .null: output += Array("null".utf8)
        }
    }
}
