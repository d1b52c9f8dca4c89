import ArgumentParser
import Foundation
import GatewayConfig
import RegionCompiler

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a coverage report: regions x payment methods, and a launch timeline.",
        discussion: "DIR is a regions directory or a compiled artifact. The HTML is one self-contained file."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case markdown, html }

    @Argument(help: "The regions directory or a compiled artifact.") var directory = "regions"
    @Option(help: "markdown or html.") var format: Format = .markdown
    @Option(name: .shortAndLong, help: "Where to write the report (default: standard output).") var output: String?
    @Option(help: ArgumentHelp("Show each region's and method's phase at this RFC 3339 instant (default: now).", valueName: "instant"))
    var at: String?

    func validate() throws { _ = try InstantOption.parse(at, option: "--at") }

    func run() throws {
        if let output { try Terminal.usageOnFailure { try AtomicFileWriter.checkTarget(output, refusingInputs: []) } }
        let artifact: GatewayArtifact
        let inputs: [String]
        do {
            (artifact, _, inputs) = try ReviewInput.loadWithInputs(directory)
        } catch {
            Terminal.printError("regionc: \(directory): \(error.description)")
            switch error {
            case .invalid, .notAnArtifact: throw ExitCode(ExitStatus.inputErrors)
            case .unreadable: break
            }
            throw ExitCode(ExitStatus.usage)
        }
        let report = CoverageReport(artifact: artifact, at: try InstantOption.parse(at, option: "--at") ?? InstantOption.now())
        let text = format == .html ? report.html() : report.markdown()
        guard let output else {
            try StandardOutput.write(text)
            return
        }
        try Terminal.usageOnFailure { try AtomicFileWriter.write(Array(text.utf8), to: output, refusingInputs: inputs) }
    }
}
