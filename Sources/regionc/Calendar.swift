import ArgumentParser
import Foundation
import GatewayConfig
import PaymentRouting
import RegionCompiler

/// `regionc calendar REGION`: for each capture day in a window, the payout date before and after
/// the cutoff and every day skipped on the way, with the calendar that closed it.
struct CalendarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar",
        abstract: "Show the payout date of each capture day in a window, and which calendar skipped which day.",
        discussion: """
        Reads a compiled artifact (--config FILE) or compiles a regions directory (DIR, default regions, with the \
        calendars beside it). A date marked * lies past a calendar's horizon (settlement_date_estimated). \
        The window ends by 9998-12-31, the last capture day the runtime routes. \
        Exit status: 0 shown, 1 the regions have errors, 2 usage or I/O (unknown region, unreadable input, a window past 9998-12-31).
        """
    )

    @Argument(help: "Region code, e.g. US.") var region: String
    @Argument(help: "The regions directory (when --config is not given).") var directory = "regions"
    @Option(help: "A compiled gateway-config.json instead of a regions directory.") var config: String?
    @OptionGroup var calendars: CalendarsDirectory
    @Option(help: "First capture day, YYYY-MM-DD (default: today, UTC).") var from: String?
    @Option(help: "How many capture days to show (1 to 3660).") var days = 14

    func validate() throws {
        guard (1...3660).contains(days) else { throw ValidationError("--days must be 1 to 3660, found \(days)") }
    }

    func run() throws {
        let start = try AsOfDate.parse(from, option: "--from") ?? AsOfDate.today()
        try Self.checkWindow(from: start, days: days)
        let router = try loadRouter()
        let artifact = router.artifact
        let code = region.uppercased()
        guard let regionArtifact = artifact.regions[code], let calendar = router.calendar(region: code) else {
            Terminal.printError("regionc: no region \(region) in the config (it has \(artifact.regions.keys.sorted().joined(separator: ", ")))")
            throw ExitCode(ExitStatus.usage)
        }
        try StandardOutput.write(PayoutCalendarText.render(region: regionArtifact, calendars: artifact.calendars, calendar: calendar,
            walks: (0..<days).compactMap { router.settlementWalk(region: code, capture: start.adding(days: $0)) }))
    }

    /// The last capture day shown: the day before the first capture instant the runtime refuses
    /// (9999-01-01T00:00:00Z), so no payout date runs off the calendar (dates clamped at
    /// 9999-12-31 would repeat, with payouts on the capture day).
    static let lastCaptureDay = RequestParser.latestCapture.utcDate.adding(days: -1)

    static func checkWindow(from start: CalendarDate, days: Int) throws {
        let lastShown = start.daysSinceEpoch + days - 1    // --days is 1...3660: no overflow
        guard lastShown > lastCaptureDay.daysSinceEpoch else { return }
        Terminal.printError("regionc: --from \(start) --days \(days) runs past \(lastCaptureDay), the last capture day whose payouts "
            + "are computed (captures from \(RequestParser.latestCapture) on are not routed); start on or before "
            + "\(lastCaptureDay.adding(days: 1 - days)) for \(days) day\(days == 1 ? "" : "s")")
        throw ExitCode(ExitStatus.usage)
    }

    /// The router of `--config` or of the compiled directory, its artifact checked once.
    func loadRouter() throws -> CheckoutRouter {
        if let config {
            return try Terminal.usageOnFailure { try RouterLoader.load(path: config) }
        }
        let compilation = try Terminal.usageOnFailure { try DescriptorCompiler.compile(directory: directory, calendars: calendars.path) }
        guard let artifact = compilation.artifact else {
            Terminal.printError(TextRenderer(colored: false).render(compilation.diagnostics, sources: compilation.files))
            Terminal.printError("regionc: \(directory) has errors; run `regionc validate \(directory)`")
            throw ExitCode(ExitStatus.inputErrors)
        }
        return try Terminal.usageOnFailure { try CheckoutRouter(artifact: artifact) }
    }
}

/// The text `regionc calendar` prints: a header naming the calendars, then one line per capture day.
enum PayoutCalendarText {
    static func render(region: RegionArtifact, calendars: [String: CalendarArtifact], calendar: BusinessCalendar,
                       walks: [SettlementWalk]) -> String {
        let cutoff = region.settlement.cutoff
        var lines: [String] = []
        let markets = region.settlement.calendars.map(\.rawValue)
        lines.append("\(region.region) (\(region.name)): payout T+\(region.settlement.businessDays) on days that are business days in "
            + "\(markets.joined(separator: " and ")); cutoff \(cutoff) \(region.timezone)")
        for market in markets {
            guard let entry = calendars[market] else { continue }
            let span = [entry.from.map { "from \($0)" }, entry.through.map { "through \($0)" }].compactMap { $0 }.joined(separator: " ")
            lines.append("  \(market): \(entry.name), \(entry.source)\(entry.unsourced == true ? " (unsourced)" : "")\(span.isEmpty ? "" : ", \(span)")")
        }
        if region.weekend?.isEmpty == false || region.holidays?.isEmpty == false,
           calendars[region.region.rawValue]?.source != region.source {
            lines.append("  \(region.source): the region's own weekend and holidays, added")
        }
        lines.append("")
        let before = "before \(cutoff)"
        let after = "from \(cutoff)"
        lines.append(pad("capture", 16) + pad(before, 17) + pad(after, 17) + "skipped")
        for walk in walks {
            let half = walk.halfDay.map { " (half day, \($0): cutoff \(walk.cutoff))" } ?? ""
            // Days the payout before the cutoff skips, then those only a capture from the cutoff skips.
            func describe(_ days: [SkippedDay]) -> String {
                days.map { skipped in
                    let reasons = skipped.reasons.map { $0 == "weekend (\(skipped.date.weekday.rawValue))" ? "weekend" : $0 }
                    return "\(day(skipped.date)) \(reasons.joined(separator: ", "))"
                }.joined(separator: "; ")
            }
            let early = walk.skipped.filter { $0.date <= walk.settlesBeforeCutoff }
            let late = walk.skipped.filter { $0.date > walk.settlesBeforeCutoff }
            let skipped = [describe(early), late.isEmpty ? "" : "from \(cutoff) also: \(describe(late))"]
                .filter { !$0.isEmpty }.joined(separator: "; ")
            lines.append(pad(day(walk.capture), 16) + pad(day(walk.settlesBeforeCutoff) + (walk.beforeCutoffEstimated ? "*" : ""), 17)
                + pad(day(walk.settlesAfterCutoff) + (walk.estimated ? "*" : ""), 17) + skipped + half)
        }
        if walks.contains(where: \.estimated) {
            let beyond = Set(walks.flatMap(\.beyondHorizon)).sorted()
            lines.append("")
            lines.append("* estimated: past the horizon of \(beyond.joined(separator: ", ")) (settlement_date_estimated)")
        }
        return lines.map { String($0.reversed().drop { $0 == " " }.reversed()) }.joined(separator: "\n") + "\n"
    }

    static func day(_ date: CalendarDate) -> String {
        "\(date.weekday.rawValue.prefix(1).uppercased())\(date.weekday.rawValue.dropFirst()) \(date)"
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }
}
