import Foundation
import GatewayConfig

/// Regions x payment methods: who can pay with what, where, in which currencies, settled how;
/// and a timeline of launches. Rendered as Markdown or as one self-contained HTML page.
package struct CoverageReport: Sendable {
    package struct Cell: Sendable, Equatable {
        package var status: AvailabilityStatus
        package var audience: String
        package var currencies: [String]
        package var from: String?
    }

    package struct Row: Sendable {
        package var region: String
        package var name: String
        package var status: AvailabilityStatus
        package var audience: String
        package var currencies: String
        package var settlement: String
        /// Keyed by method id; absent when the region does not list the method.
        package var cells: [String: Cell]
    }

    package struct Milestone: Sendable, Equatable {
        package enum Kind: String, Sendable {
            /// A region's or method's window starting or ending.
            case launch
            /// A scheduled step (`availability.schedule`).
            case step
            /// A change freeze: `date` is its first local day, `until` its last.
            case freeze
        }

        /// The local date in the region's zone (a freeze: in its first region's zone).
        package var date: String
        package var text: String
        package var kind: Kind = .launch
        /// A freeze's last local day.
        package var until: String?
        /// Beside a step: why its local date is not a business day, the freeze holding it.
        package var notes: [String] = []
    }

    package var methods: [String]
    package var methodNames: [String: String]
    package var rows: [Row]
    package var timeline: [Milestone]
    package var sourceDigest: String
    /// The instant whose phases the matrix shows.
    package var asOf: Instant

    /// `instant`: the statuses and audiences shown are the phases in effect then.
    package init(artifact: GatewayArtifact, at instant: Instant) {
        let regions = artifact.regions.values.sorted { $0.region < $1.region }
        methods = Array(Set(regions.flatMap { $0.paymentMethods.map(\.method) })).sorted()
        methodNames = artifact.catalog.paymentMethods.mapValues(\.name)
        sourceDigest = artifact.sourceDigest
        asOf = instant
        rows = regions.map { region in
            let phase = region.availability.phase(at: instant)
            let (audience, _) = ConfigDiff.audienceOf(phase)
            var cells: [String: Cell] = [:]
            for method in region.paymentMethods {
                let status = method.availability?.status(at: instant) ?? phase.status
                let offered = region.offers(method, at: instant)
                cells[method.method] = Cell(status: status, audience: offered ? audience : "not offered",
                                            currencies: method.currencies.map(\.rawValue),
                                            from: method.availability?.from.map { Self.localDate($0, region.timezone) })
            }
            let settlement = region.settlement
            return Row(region: region.region.rawValue, name: region.name, status: phase.status,
                       audience: phase.status.offersPayments ? audience : "nobody yet",
                       currencies: region.currencies.presentment.map(\.rawValue).joined(separator: ", "),
                       settlement: "\(region.currencies.settlement) \(settlement.schedule), cutoff \(settlement.cutoff) \(region.timezone)",
                       cells: cells)
        }
        var milestones: [Milestone] = []
        for region in regions {
            let status = region.availability.status
            if let from = region.availability.from {
                let what = status == .pilot ? "pilot (\(region.availability.rollout?.percent ?? 0)% of merchants)" : status.rawValue
                milestones.append(Milestone(date: Self.localDate(from, region.timezone), text: "\(region.region) \(region.name): \(what)"))
            } else if status == .planned {
                milestones.append(Milestone(date: "undated", text: "\(region.region) \(region.name): planned, no date yet"))
            }
            if let until = region.availability.until {
                milestones.append(Milestone(date: Self.localDate(until, region.timezone), text: "\(region.region) \(region.name): ends"))
            }
            for method in region.paymentMethods {
                if let from = method.availability?.from {
                    milestones.append(Milestone(date: Self.localDate(from, region.timezone),
                                                text: "\(region.region) \(method.method): \(method.availability?.status.rawValue ?? "")"))
                }
            }
        }
        milestones += Self.planMilestones(artifact)
        timeline = milestones.sorted { ($0.date, $0.kind == .freeze ? 0 : 1, $0.text) < ($1.date, $1.kind == .freeze ? 0 : 1, $1.text) }
    }

    /// Every scheduled step and change freeze, as `regionc timeline` shows them, on local dates.
    static func planMilestones(_ artifact: GatewayArtifact) -> [Milestone] {
        let plan = LaunchTimeline(artifact: artifact)
        return plan.entries.map { entry in
            switch entry {
            case .step(let step):
                let text = "\(step.region) \(step.field) at \(step.local.time) \(step.local.offset): \(step.effect)"
                let notes = step.holidays.map { "not a business day: \($0)" }
                    + step.freezes.map { "inside change freeze \(FreezeHold.describe($0))" }
                return Milestone(date: step.local.date.description, text: text, kind: .step, notes: notes)
            case .freeze(let freeze):
                let zone = freeze.regions.first.flatMap { artifact.regions[$0]?.timezone } ?? "UTC"
                // The last local day it holds: the day of the second before `until`.
                let last = Instant(secondsSinceEpoch: freeze.freeze.until.secondsSinceEpoch - 1)
                let text = "change freeze \(freeze.regions.joined(separator: ", ")): \(FreezeHold.describe(freeze.freeze))"
                return Milestone(date: localDate(freeze.freeze.from, zone), text: text, kind: .freeze, until: localDate(last, zone))
            }
        }
    }

    /// The date an instant falls on in the region's own zone: launches are planned in local days.
    static func localDate(_ instant: Instant, _ zone: String) -> String {
        RegionClock(instant, zone: zone).date.description
    }

    package func markdown() -> String {
        // Every value from the descriptors goes through `MarkdownText.inline`: a region name is
        // shown as written, never as a link, emphasis or a reordered line.
        let md = MarkdownText.inline
        var lines = ["# Alipay gateway coverage", "", "Config `\(MarkdownText.code(sourceDigest))`, phases in effect at \(asOf).", "",
                     "## Regions", "", "| region | status | audience | presentment | settlement |", "|---|---|---|---|---|"]
        lines += rows.map {
            "| \(md("\($0.region) \($0.name)")) | \($0.status.rawValue) | \(md($0.audience)) | \(md($0.currencies)) | \(md($0.settlement)) |"
        }
        lines += ["", "## Payment methods by region", "",
                  "| region | " + methods.map(md).joined(separator: " | ") + " |",
                  "|---|" + String(repeating: "---|", count: methods.count)]
        for row in rows {
            let cells = methods.map { method -> String in
                guard let cell = row.cells[method] else { return "" }
                return "\(cell.status.rawValue)<br>\(md(cell.currencies.joined(separator: ", ")))\(cell.from.map { "<br>from \(md($0))" } ?? "")"
            }
            lines.append("| \(md(row.region)) | " + cells.joined(separator: " | ") + " |")
        }
        lines += ["", "## Timeline", ""]
        lines += timeline.map { milestone in
            let date = md(milestone.date) + (milestone.until.map { " to \(md($0))" } ?? "")
            let mark = switch milestone.kind {
            case .launch: ""
            case .step: "step "
            case .freeze: ":no_entry: "
            }
            let notes = milestone.notes.map { " :warning: \(md($0))" }.joined()
            return "- **\(date)**: \(mark)\(md(milestone.text))\(notes)"
        }
        return lines.joined(separator: "\n") + "\n"
    }

    package func html() -> String {
        var body = "<h1>Alipay gateway coverage</h1>\n<p class=\"meta\">Config <code>\(escape(sourceDigest))</code>, phases in effect at \(asOf)</p>\n"
        body += "<h2>Payment methods by region</h2>\n<table class=\"matrix\">\n<thead><tr><th>Region</th><th>Status</th><th>Settlement</th>"
        body += methods.map { "<th>\(escape(methodNames[$0] ?? $0))<br><small>\(escape($0))</small></th>" }.joined()
        body += "</tr></thead>\n<tbody>\n"
        for row in rows {
            body += "<tr><th scope=\"row\">\(escape(row.region))<br><small>\(escape(row.name))</small></th>"
            body += "<td><span class=\"status \(row.status.rawValue)\">\(row.status.rawValue)</span><br><small>\(escape(row.audience))</small></td>"
            body += "<td><small>\(escape(row.currencies)) &rarr; \(escape(row.settlement))</small></td>"
            for method in methods {
                guard let cell = row.cells[method] else {
                    body += "<td class=\"none\">&ndash;</td>"
                    continue
                }
                body += "<td><span class=\"status \(cell.status.rawValue)\">\(cell.status.rawValue)</span>"
                body += "<br><small>\(escape(cell.currencies.joined(separator: ", ")))</small>"
                if let from = cell.from { body += "<br><small>from \(escape(from))</small>" }
                body += "</td>"
            }
            body += "</tr>\n"
        }
        body += "</tbody>\n</table>\n<h2>Timeline</h2>\n<ol class=\"timeline\">\n"
        body += timeline.map { milestone in
            let date = escape(milestone.date) + (milestone.until.map { " &ndash; \(escape($0))" } ?? "")
            let notes = milestone.notes.map { "<br><small class=\"warn\">\(escape($0))</small>" }.joined()
            return "<li class=\"\(milestone.kind.rawValue)\"><time>\(date)</time> \(escape(milestone.text))\(notes)</li>\n"
        }.joined()
        body += "</ol>\n"
        return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>Alipay gateway coverage</title>
        <style>
        body { font: 14px/1.4 system-ui, sans-serif; margin: 24px; color: #1d2330; }
        h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 17px; margin-top: 28px; }
        .meta { color: #5b6475; margin: 0; }
        table { border-collapse: collapse; width: 100%; }
        th, td { border: 1px solid #d6dae3; padding: 6px 8px; text-align: left; vertical-align: top; }
        thead th { background: #f1f3f8; }
        td.none { color: #b4bac6; text-align: center; }
        small { color: #5b6475; }
        .status { display: inline-block; padding: 1px 7px; border-radius: 9px; font-weight: 600; font-size: 12px; }
        .live { background: #d6f5df; color: #12692f; } .pilot { background: #fff0c2; color: #7a5600; }
        .planned { background: #e3e8f4; color: #34425e; } .paused { background: #fde0d9; color: #8c2a12; }
        .retired { background: #e6e6e6; color: #555; }
        .timeline { padding-left: 20px; } .timeline time { font-weight: 600; margin-right: 8px; }
        .timeline li { padding: 2px 6px; margin: 2px 0; border-left: 3px solid transparent; }
        .timeline li.step { border-left-color: #d99a00; }
        .timeline li.freeze { border-left-color: #8c2a12; background: #fde0d9; }
        .warn { color: #8c2a12; }
        @media print { body { margin: 0; } thead { display: table-header-group; } tr { page-break-inside: avoid; } }
        </style>
        </head>
        <body>
        \(body)</body>
        </html>

        """
    }

    func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
