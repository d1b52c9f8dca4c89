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
    /// Writes the diagnostics in `format` to standard output in one checked write (see `StandardOutput.write`).
    static func print(_ compilation: Compilation, format: DiagnosticFormat) throws {
        try StandardOutput.write(try render(compilation, format: format))
    }

    static func render(_ compilation: Compilation, format: DiagnosticFormat) throws -> String {
        let regionCount = compilation.regions.count
        switch format {
        case .json:
            return try JSONRenderer.render(compilation.diagnostics, fileCount: compilation.files.count, regionCount: regionCount) + "\n"
        case .github:
            let output = GitHubRenderer.render(compilation.diagnostics)
            return (output.isEmpty ? "" : output + "\n")
                + TextRenderer(colored: false).summary(compilation.diagnostics, regionCount: regionCount) + "\n"
        case .sarif:
            return try SARIFRenderer.render(compilation.diagnostics, sources: compilation.files) + "\n"
        case .text:
            let renderer = TextRenderer(colored: Terminal.stdoutWantsColor)
            let diagnostics = compilation.diagnostics.isEmpty ? "" : renderer.render(compilation.diagnostics, sources: compilation.files) + "\n"
            return diagnostics + renderer.summary(compilation.diagnostics, regionCount: regionCount) + "\n"
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
