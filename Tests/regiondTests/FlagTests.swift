import Foundation
import TestSupport
import Testing

/// `regiond`'s flags as an operator meets them: every usage error exits 2 with a message naming the
/// flag (never 64, never a trap), and `--help` exits 0.
@Suite struct FlagTests {
    /// Runs `regiond`; one that is still running after `bound` (it started serving) is stopped and fails the test.
    static func run(_ arguments: [String], bound: Duration = .seconds(60)) throws -> ProcessRun {
        let run = try ProcessRunner.run(BuiltExecutable.url("regiond"), arguments, timeout: bound)
        if run.timedOut { Issue.record("regiond \(arguments.joined(separator: " ")) was still running after \(bound)") }
        return run
    }

    /// A configuration that would start, but on no fixed port, with one flag made wrong.
    static let valid = ["--config", "/nonexistent/gateway-config.json", "--allow-unsigned", "--port", "0"]

    /// Usage errors and a phrase of the message each must print.
    static let usageErrors: [(arguments: [String], message: String)] = [
        ([], "give exactly one of --config FILE and --config-url URL"),
        (valid + ["--port", "70000"], "--port must be 0...65535"),
        (valid + ["--port", "-1"], "--port"),
        (valid + ["--poll-interval", "1e16"], "--poll-interval must be a number of seconds above 0 and at most 86400"),
        (valid + ["--poll-interval", "9.3e15"], "--poll-interval must be"),
        (valid + ["--poll-interval", "1e300"], "--poll-interval must be"),
        (valid + ["--poll-interval", "0"], "--poll-interval must be"),
        (valid + ["--poll-interval", "nan"], "--poll-interval must be"),
        (valid + ["--poll-interval", "inf"], "--poll-interval must be"),
        (valid + ["--poll-interval", "86400.5"], "--poll-interval must be"),
        (valid + ["--header-timeout", "1e16"], "--header-timeout must be"),
        (valid + ["--body-timeout", "0"], "--body-timeout must be"),
        (valid + ["--idle-timeout", "-5"], "--idle-timeout"),
        (valid + ["--max-connections", "0"], "--max-connections must be at least 1"),
        (valid + ["--decision-log-sample", "2"], "--decision-log-sample"),
        (valid + ["--decision-log-queue", "0"], "--decision-log-queue must be at least 1"),
        (valid + ["--no-such-flag"], "--no-such-flag"),
        (["--config", "a.json"], "--trust"),
        (["--config-url", "ftp://releases.example/a.json", "--allow-unsigned"], "--config-url must be an http:// or https:// URL"),
    ]

    @Test(arguments: usageErrors.map { $0.arguments.joined(separator: " ") })
    func aUsageErrorExits2WithAMessage(_ joined: String) throws {
        let testCase = try #require(Self.usageErrors.first { $0.arguments.joined(separator: " ") == joined })
        let run = try Self.run(testCase.arguments)
        #expect(run.reason == .exit, "regiond \(joined) ended on signal \(run.status)")
        #expect(run.status == 2, "regiond \(joined): \(run.stderr)")
        #expect(run.stderr.contains(testCase.message), "regiond \(joined): \(run.stderr)")
        #expect(run.stdout.isEmpty, "\(run.stdout)")
    }

    @Test func helpExits0AndNamesTheFlags() throws {
        let run = try Self.run(["--help"])
        #expect(run.reason == .exit && run.status == 0, "\(run.stderr)")
        for flag in ["--config", "--poll-interval", "--header-timeout", "--body-timeout", "--idle-timeout", "--max-connections"] {
            #expect(run.stdout.contains(flag), "--help does not name \(flag)")
        }
    }
}
