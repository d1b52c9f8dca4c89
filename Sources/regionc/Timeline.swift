import ArgumentParser
import Foundation
import GatewayConfig
import RegionCompiler

/// `regionc timeline`: the plan across every region in time order, with holidays and freezes beside each step.
struct Timeline: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the plan across all regions in time order: scheduled steps, change freezes, holidays beside each step.",
        discussion: """
        Reads a regions directory (DIR, default regions, compiled in memory with the calendars beside it) or a compiled \
        artifact (DIR or --config FILE). Lists every scheduled step (availability.schedule of a region or a payment method) \
        from --from (default: now) until --until (default: --days days later, 30 unless given), half-open: a step at \
        --until is outside. Each step shows its instant in UTC and on the region's clock, what it changes, any reason its \
        local date is not a business day in the region's settlement calendars (weekend, holiday, half day, past the \
        calendar's horizon) and any change freeze holding it. Each change freeze overlapping the window is listed at its \
        start, once for all the regions it holds. Exit status: 0 shown, 1 the regions have errors, 2 usage or I/O.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, markdown, json }

    @Argument(help: "The regions directory or a compiled artifact.") var directory = "regions"
    @Option(help: "A compiled gateway-config.json instead of a regions directory.") var config: String?
    @OptionGroup var calendars: CalendarsDirectory
    @Option(help: ArgumentHelp("Start of the window, RFC 3339 (default: now).", valueName: "instant")) var from: String?
    @Option(help: ArgumentHelp("End of the window, RFC 3339, excluded (default: --days after --from).", valueName: "instant"))
    var until: String?
    @Option(help: "Length of the window in days, 1 to 3660, when --until is not given (default: 30).") var days: Int?
    @Option(help: "Output format: text, markdown or json.") var format: Format = .text

    static let defaultDays = 30

    func validate() throws {
        if until != nil, days != nil { throw ValidationError("give --until or --days, not both") }
        if let days, !(1...3660).contains(days) { throw ValidationError("--days must be 1 to 3660, found \(days)") }
        _ = try window()
    }

    /// The half-open window [from, until).
    func window() throws -> (from: Instant, until: Instant) {
        let start = try InstantOption.parse(from, option: "--from") ?? InstantOption.now()
        // |days| <= 3660 and a parsed instant is within years 1...9999: no overflow; the end is
        // kept to the last instant written in four-digit years.
        let last = LaunchTimeline.lastInstant.secondsSinceEpoch
        let end = try InstantOption.parse(until, option: "--until")
            ?? Instant(secondsSinceEpoch: min(start.secondsSinceEpoch + Int64(days ?? Self.defaultDays) * 86_400, last))
        guard start < end else { throw ValidationError("--until \(end) is not after --from \(start)") }
        return (start, end)
    }

    func run() throws {
        let (start, end) = try window()
        let path = config ?? directory
        let artifact: GatewayArtifact
        do {
            artifact = try ReviewInput.load(path, calendars: calendars.path)
        } catch {
            if case .invalid(let compilation) = error {
                Terminal.printError(TextRenderer(colored: false).render(compilation.diagnostics, sources: compilation.files))
                Terminal.printError("regionc: \(path) has errors; run `regionc validate \(path)`")
                throw ExitCode(ExitStatus.inputErrors)
            }
            Terminal.printError("regionc: \(error.description)")
            if case .notAnArtifact = error { throw ExitCode(ExitStatus.inputErrors) }
            throw ExitCode(ExitStatus.usage)
        }
        let timeline = LaunchTimeline(artifact: artifact, from: start, until: end)
        switch format {
        case .text: try StandardOutput.write(TimelineRenderer.text(timeline))
        case .markdown: try StandardOutput.write(TimelineRenderer.markdown(timeline))
        case .json: try StandardOutput.write(try TimelineRenderer.json(timeline) + "\n")
        }
    }
}
