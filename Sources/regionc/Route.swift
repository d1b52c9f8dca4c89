import ArgumentParser
import Foundation
import GatewayConfig
import PaymentRouting

struct Route: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Decide whether a checkout is offered and how it is routed and settled.",
        discussion: """
        Exit status: 0 a decision (route or decline), 1 a bad request (unknown currency, bad amount or instant), \
        2 a missing or unreadable artifact.
        With --batch FILE, reads one JSON request per line and writes one JSON decision per line.
        With --down ACQUIRER, decides as if that acquirer were ejected: its routes fall back, or decline ACQUIRER_UNAVAILABLE.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Option(help: "The compiled gateway-config.json.")
    var config: String

    @Option(help: "Region code, e.g. HK.") var region: String?
    @Option(help: "Merchant id.") var merchant: String?
    @Option(help: "Payment method id, e.g. ALIPAY_HK.") var method: String?
    // Unconditional: "-5 HKD" is a (refused) amount, not an option.
    @Option(parsing: .unconditional, help: "Amount with currency, e.g. \"120.50 HKD\".") var amount: String?
    @Option(help: "Capture instant, RFC 3339 (default: now).") var at: String?
    @Option(help: "Output format: text or json.") var format: Format = .text
    @Flag(help: "Show every check made and the descriptor field it used.") var explain = false
    @Option(help: "A JSON-lines file of requests to replay (- for standard input).") var batch: String?
    @OptionGroup var down: DownOption

    func validate() throws {
        if batch == nil, region == nil || merchant == nil || method == nil || amount == nil {
            throw ValidationError("give --region, --merchant, --method and --amount, or --batch FILE")
        }
    }

    func run() throws {
        let router = try Terminal.usageOnFailure { try RouterLoader.load(path: config, health: down.tracker()) }
        try down.checkKnown(in: [router.artifact.catalog.acquirers.keys])
        if let batch {
            try runBatch(batch, router: router)
            return
        }
        let parsed = RequestParser.parse(region: region ?? "", merchant: merchant ?? "", method: method ?? "",
                                         amount: amount ?? "", at: at,
                                         defaultAt: Instant(secondsSinceEpoch: Int64(Date().timeIntervalSince1970)))
        guard case .success(let request) = parsed else {
            if case .failure(let error) = parsed { Terminal.printError("regionc: bad request: \(error)") }
            throw ExitCode(ExitStatus.inputErrors)
        }
        let report: DecisionReport
        if explain {
            let explanation = router.explain(request)
            report = DecisionReport(request: request, decision: explanation.decision, trace: explanation.steps)
        } else {
            report = DecisionReport(request: request, decision: router.route(request))
        }
        print(format == .json ? report.jsonLine() : report.text())
    }

    func runBatch(_ path: String, router: CheckoutRouter) throws {
        let input: ReadableFile
        if path == "-" {
            input = ReadableFile(descriptor: STDIN_FILENO, name: "standard input")
        } else {
            input = try Terminal.usageOnFailure { try ReadableFile(path: path) }
        }
        let replay = BatchReplay(router: router, explain: explain)
        var failures = 0
        // Read big chunks, decide every complete line in them on all cores; the splitter keeps
        // the partial last line, and at most 64 KiB of a line too long to decide.
        var splitter = RequestLineSplitter()
        func decide(_ lines: RequestLines) throws {
            for part in replay.replayInParts(lines) {
                failures += part.errors
                try StandardOutput.write(part.output)
            }
        }
        while true {
            let chunk = try Terminal.usageOnFailure { try input.read(upTo: 8 << 20) }
            if chunk.isEmpty { break }
            splitter.append(chunk)
            if let lines = splitter.take() { try decide(lines) }
        }
        if let lines = splitter.finish() { try decide(lines) }
        if failures > 0 {
            Terminal.printError("regionc: \(failures) malformed request line\(failures == 1 ? "" : "s")")
            throw ExitCode(ExitStatus.inputErrors)
        }
    }
}
