import ArgumentParser
import ArtifactTrust
import Foundation
import Logging
import PaymentRouting
import RoutingService

/// `regiond`: parses flags and runs the routing service. Everything else lives in `RoutingService`.
@main
struct Regiond: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "regiond",
        abstract: "Serve routing decisions over HTTP from a signed release (a file or a URL).",
        discussion: """
        Logs one JSON line per event on standard error; the first says `listening on http://HOST:PORT`. \
        SIGTERM or SIGINT stops accepting, finishes the requests in flight and exits 0. \
        SIGHUP reopens the decision log. \
        Exit status: 2 for bad flags or files, 1 when the server cannot run (e.g. the port is taken).
        """
    )

    /// Runs the command with the spec's exit status for usage errors: 2, where ArgumentParser says 64.
    static func main() async {
        do {
            let parsed = try parseAsRoot()
            guard var command = parsed as? Regiond else {
                // --help, --version: not this command, nothing to run.
                var other = parsed
                try other.run()
                return
            }
            try await command.run()
        } catch {
            guard exitCode(for: error) == .validationFailure else { exit(withError: error) }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(2)
        }
    }

    @Option(help: "The compiled gateway-config.json; FILE and FILE.sig are watched.") var config: String?
    @Option(name: .customLong("config-url"), help: "An HTTP(S) URL of the artifact; URL.sig is its signature. Polled.")
    var configURL: String?
    @Option(help: "A trusted public key: a .pub/.pem file or a directory of .pub files. Repeatable.") var trust: [String] = []
    @Flag(help: "Accept unsigned releases. For local use only: logged loudly.") var allowUnsigned = false
    @Option(name: .customLong("state-dir"), help: "Keeps the last good release; a restart with the source down starts from it.")
    var stateDir: String?
    @Option(name: .customLong("poll-interval"), help: "Seconds between looks at the source, at most 86400.")
    var pollInterval: Double = 10
    @Option(help: "Address to listen on.") var host = "127.0.0.1"
    @Option(help: "Port to listen on; 0 picks any free port.") var port = 8080
    @Option(name: .customLong("decision-log"), help: "Append one JSON line per decision to FILE (- for standard output).")
    var decisionLog: String?
    @Option(name: .customLong("decision-log-sample"), help: "Fraction of decisions logged, 0 to 1.")
    var decisionLogSample: Double = 1
    @Option(name: .customLong("decision-log-queue"),
            help: "Decision-log lines held while the log is slow; more are dropped and counted.")
    var decisionLogQueue = 16_384
    @Option(name: .customLong("header-timeout"), help: "Seconds a new connection has to send its request headers.")
    var headerTimeout: Double = 10
    @Option(name: .customLong("body-timeout"), help: "Seconds a request's body may pause between two reads.")
    var bodyTimeout: Double = 30
    @Option(name: .customLong("idle-timeout"), help: "Seconds a kept-alive connection may wait for its next request.")
    var idleTimeout: Double = 30
    @Option(name: .customLong("max-connections"),
            help: "Client connections open at once (lowered to fit the descriptor limit); more wait in the backlog.")
    var maxConnections = 1024

    /// The longest any of the durations above may be: a day.
    static let longestSeconds = 86_400.0

    func validate() throws {
        guard (config == nil) != (configURL == nil) else { throw ValidationError("give exactly one of --config FILE and --config-url URL") }
        guard trust.isEmpty == allowUnsigned else {
            throw ValidationError("give --trust KEY (repeatable) to verify releases, or --allow-unsigned for local use, not both")
        }
        for (flag, seconds) in [("--poll-interval", pollInterval), ("--header-timeout", headerTimeout),
                                ("--body-timeout", bodyTimeout), ("--idle-timeout", idleTimeout)] {
            guard seconds.isFinite, seconds > 0, seconds <= Self.longestSeconds else {
                throw ValidationError("\(flag) must be a number of seconds above 0 and at most \(Int(Self.longestSeconds)), not \(seconds)")
            }
        }
        guard decisionLogQueue >= 1 else { throw ValidationError("--decision-log-queue must be at least 1, not \(decisionLogQueue)") }
        guard maxConnections >= 1 else { throw ValidationError("--max-connections must be at least 1, not \(maxConnections)") }
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be 0...65535") }
        guard (0...1).contains(decisionLogSample) else { throw ValidationError("--decision-log-sample must be between 0 and 1") }
        if let configURL {
            guard let url = URL(string: configURL), ["http", "https"].contains(url.scheme?.lowercased() ?? ""), url.host != nil else {
                throw ValidationError("--config-url must be an http:// or https:// URL, not `\(configURL)`")
            }
        }
    }

    /// Seconds (checked by `validate()`: finite, positive, at most a day) as a duration to the millisecond.
    static func duration(_ seconds: Double) -> Duration {
        .milliseconds(Int64(min(seconds, longestSeconds) * 1000))
    }

    func run() async throws {
        LoggingSystem.bootstrap { label in JSONLineLogHandler(label: label) }
        let logger = Logger(label: "regiond")
        let policy: SignaturePolicy
        if trust.isEmpty {
            policy = .allowUnsigned
        } else {
            do {
                policy = .required(try TrustStore.load(paths: trust))
            } catch {
                FileHandle.standardError.write(Data("regiond: \(error)\n".utf8))
                throw ExitCode(2)
            }
        }
        let source: ServiceConfiguration.Source = config.map { .file($0) } ?? .url(configURL ?? "")
        let configuration = ServiceConfiguration(
            source: source, policy: policy, stateDirectory: stateDir, pollInterval: Self.duration(pollInterval),
            host: host, port: port, decisionLogPath: decisionLog, decisionLogSampleRate: decisionLogSample,
            connectionLimits: ConnectionLimits(headerTimeout: Self.duration(headerTimeout), bodyTimeout: Self.duration(bodyTimeout),
                                               idleTimeout: Self.duration(idleTimeout), maximumConnections: maxConnections),
            decisionLogQueueLines: decisionLogQueue)
        let service: RoutingService
        do {
            service = try RoutingService(configuration: configuration, logger: logger)
        } catch {
            FileHandle.standardError.write(Data("regiond: \(error)\n".utf8))
            throw ExitCode(2)
        }
        do {
            try await service.run()
        } catch {
            logger.error("stopped on an error", metadata: ["error": "\(error)"])
            throw ExitCode(1)
        }
    }
}
