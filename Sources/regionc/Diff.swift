import ArgumentParser
import Foundation
import GatewayConfig
import RegionCompiler

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show what a change to the regions does to live payments.",
        discussion: """
        OLD and NEW are each a compiled artifact or a regions directory (compiled in memory). \
        Exit status: 0 no changes, 3 changes, 4 breaking changes (payments that work today would stop, \
        or a changed region held by a change freeze at --as-of), 1 a side has errors, 2 usage or I/O.

        Scheduled steps (availability.schedule) that are added, removed, moved or changed are listed with their \
        instants and what each does. --as-of INSTANT (default: now) is the instant the diff is judged at: payment \
        impact compares the phases in effect then, and every region the diff changes (a field, a payment, a step, a \
        payout date) that a change freeze of OLD or NEW holds at INSTANT is breaking, naming the freeze. \
        Freezes are half-open: a freeze's `until` is outside it. A region the diff leaves unchanged never breaks.

        """ + Diff.trafficDiscussion
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, markdown, json }

    @Argument(help: "The current config: artifact or regions directory.") var old: String
    @Argument(help: "The proposed config: artifact or regions directory.") var new: String
    @Option(help: "Output format: text, markdown or json.") var format: Format = .text
    @Option(help: ArgumentHelp("The banking calendars for both sides' regions directories (default: `calendars` beside each).", valueName: "dir"))
    var calendars: String?
    @Option(help: ArgumentHelp("Replay checkouts (JSON Lines as route --batch reads, or regiond's decision log; - for standard input) through OLD and NEW.", valueName: "file"))
    var traffic: String?
    @Option(help: ArgumentHelp("With --traffic: decide every checkout at this RFC 3339 instant.", valueName: "instant")) var at: String?
    @Option(parsing: .unconditional, help: ArgumentHelp("With --traffic: move each checkout by whole days (negative: back), keeping its local time of day in its region's zone.", valueName: "days"))
    var shift: Int?
    @OptionGroup var down: DownOption
    @Option(name: .customLong("as-of"),
            help: ArgumentHelp("Judge the diff at this RFC 3339 instant (default: now): the phases then, and the change freezes holding it.",
                               valueName: "instant"))
    var asOf: String?

    func run() throws {
        if let traffic { return try runTraffic(traffic) }
        let instant = try InstantOption.parse(asOf, option: "--as-of") ?? InstantOption.now()
        let before = try load(old)
        let after = try load(new)
        var diff = ConfigDiff.compare(old: before.artifact, new: after.artifact, asOf: instant)
        diff.payoutMoves = PayoutMoves.between(before, after)
        switch format {
        case .text: try StandardOutput.write(DiffRenderer.text(diff) + "\n")
        case .markdown: try StandardOutput.write(DiffRenderer.markdown(diff) + "\n")
        case .json: try StandardOutput.write(try DiffRenderer.json(diff) + "\n")
        }
        if diff.exitStatus != 0 { throw ExitCode(diff.exitStatus) }
    }

    /// The side's artifact, and what the artifact reader's check found when it read a file.
    func load(_ path: String) throws -> (artifact: GatewayArtifact, checked: CheckedArtifact?) {
        do {
            let side = try ReviewInput.loadWithInputs(path, calendars: calendars)
            return (side.artifact, side.checked)
        } catch {
            if case .invalid(let compilation) = error {
                let renderer = TextRenderer(colored: false)
                Terminal.printError(renderer.render(compilation.diagnostics, sources: compilation.files))
                Terminal.printError("regionc: \(path): \(error.description)")
                throw ExitCode(ExitStatus.inputErrors)
            }
            Terminal.printError("regionc: \(error.description)")
            // A file that is not a valid artifact is a side with errors; a missing one is I/O.
            if case .notAnArtifact = error { throw ExitCode(ExitStatus.inputErrors) }
            throw ExitCode(ExitStatus.usage)
        }
    }
}
