import ArgumentParser
import Foundation
import GatewayConfig
import RegionCompiler

enum DiagnosticFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, github, sarif
}

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check every region descriptor and report all mistakes at once.",
        discussion: "Exit status: 0 valid (warnings allowed), 1 errors found, 2 usage or I/O error."
    )

    @OptionGroup var regions: RegionsDirectory

    @Option(help: "Output format: text, json, github (workflow annotations) or sarif (SARIF 2.1.0).")
    var format: DiagnosticFormat = .text

    @OptionGroup var calendars: CalendarsDirectory

    @Option(help: "Judge calendar horizons as of this date, YYYY-MM-DD (default: today, UTC). Never changes the artifact.")
    var asOf: String?

    func run() throws {
        let date = try AsOfDate.parse(asOf) ?? AsOfDate.today()
        let compilation = try Terminal.usageOnFailure {
            try DescriptorCompiler.compile(directory: regions.directory, calendars: calendars.path, asOf: date)
        }
        try DiagnosticPrinter.print(compilation, format: format)
        if compilation.hasErrors { throw ExitCode(ExitStatus.inputErrors) }
    }
}

enum DiagnosticPrinter {
    static func print(_ compilation: Compilation, format: DiagnosticFormat) throws {
        let regionCount = compilation.regions.count
        switch format {
        case .json:
            Swift.print(try JSONRenderer.render(compilation.diagnostics, fileCount: compilation.files.count,
                                                regionCount: regionCount))
        case .github:
            let output = GitHubRenderer.render(compilation.diagnostics)
            if !output.isEmpty { Swift.print(output) }
            Swift.print(TextRenderer(colored: false).summary(compilation.diagnostics, regionCount: regionCount))
        case .sarif:
            Swift.print(try SARIFRenderer.render(compilation.diagnostics, sources: compilation.files))
        case .text:
            let renderer = TextRenderer(colored: Terminal.stdoutWantsColor)
            if !compilation.diagnostics.isEmpty {
                Swift.print(renderer.render(compilation.diagnostics, sources: compilation.files))
            }
            Swift.print(renderer.summary(compilation.diagnostics, regionCount: regionCount))
        }
    }
}

/// `--as-of DATE` (and `--from DATE`): a calendar date, default today in UTC.
enum AsOfDate {
    static func parse(_ text: String?, option: String = "--as-of") throws -> CalendarDate? {
        guard let text else { return nil }
        guard let date = CalendarDate(text) else {
            Terminal.printError("regionc: \(option) `\(text)` is not a date; write YYYY-MM-DD, e.g. 2026-11-28")
            throw ExitCode(ExitStatus.usage)
        }
        return date
    }

    static func today() -> CalendarDate {
        CalendarDate(clampingDaysSinceEpoch: Int((Date().timeIntervalSince1970 / 86_400).rounded(.down)))
    }
}
