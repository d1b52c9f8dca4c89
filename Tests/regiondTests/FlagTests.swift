import Dispatch
import Foundation
import Synchronization
import Testing

/// `regiond`'s flags as an operator meets them: every usage error exits 2 with a message naming the
/// flag (never 64, never a trap), and `--help` exits 0.
@Suite struct FlagTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    final class Marker {}

    static var executable: URL {
        // The test bundle sits in the build products directory, next to `regiond`.
        let candidates = [Bundle.main.bundleURL, Bundle(for: Marker.self).bundleURL.deletingLastPathComponent()]
        for directory in candidates {
            let url = directory.appendingPathComponent("regiond")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return root.appendingPathComponent(".build/debug/regiond")
    }

    struct Run {
        let status: Int32
        let reason: Process.TerminationReason
        let stdout: String
        let stderr: String
    }

    /// Runs `regiond`; one that is still running after `bound` (it started serving) is stopped and fails the test.
    static func run(_ arguments: [String], bound: Duration = .seconds(60)) throws -> Run {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        try process.run()
        // Read while it runs, so a full pipe cannot hold it.
        let stdout = Pipe.collect(out)
        let stderr = Pipe.collect(err)
        if exited.wait(timeout: .now() + .seconds(Int(bound.components.seconds))) == .timedOut {
            process.terminate()
            exited.wait()
            Issue.record("regiond \(arguments.joined(separator: " ")) was still running after \(bound)")
        }
        return Run(status: process.terminationStatus, reason: process.terminationReason,
                   stdout: String(decoding: stdout.wait(), as: UTF8.self), stderr: String(decoding: stderr.wait(), as: UTF8.self))
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

extension Pipe {
    /// Reads the pipe to its end on a thread of its own.
    static func collect(_ pipe: Pipe) -> Collected {
        let collected = Collected()
        Thread.detachNewThread {
            collected.finish(pipe.fileHandleForReading.readDataToEndOfFile())
        }
        return collected
    }

    final class Collected: Sendable {
        private let data = Mutex(Data())
        private let done = DispatchSemaphore(value: 0)

        func finish(_ bytes: Data) {
            data.withLock { $0 = bytes }
            done.signal()
        }

        func wait() -> Data {
            done.wait()
            return data.withLock { $0 }
        }
    }
}
