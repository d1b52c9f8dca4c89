import Dispatch
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import PaymentRouting
@testable import RoutingService
import Synchronization
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The decision log is off the request path: a reader that stops reading, a full disk or a vanished
/// reader never hold a decision, lines that cannot be written are dropped and counted (and the
/// failure logged once), shutdown waits no longer than its bound, and SIGHUP reopens a rotated file.
@Suite struct DecisionLogTests {
    /// A FIFO with a reader that never reads: once the pipe's buffer is full, a write to it blocks.
    final class StuckReader {
        let path: String
        private var descriptor: Int32 = -1

        init(in directory: URL) throws {
            path = directory.appendingPathComponent("decisions.fifo").path
            try #require(mkfifo(path, 0o600) == 0, "mkfifo: \(String(cString: strerror(errno)))")
            descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
            try #require(descriptor >= 0, "open the FIFO's reading end: \(String(cString: strerror(errno)))")
        }

        /// Fills the pipe to the brim, so that the log's first write blocks, however few lines reach it.
        func fill() throws {
            let writer = open(path, O_WRONLY | O_NONBLOCK | O_CLOEXEC)
            try #require(writer >= 0, "open the FIFO's writing end: \(String(cString: strerror(errno)))")
            defer { close(writer) }
            let chunk = [UInt8](repeating: UInt8(ascii: "x"), count: 4096)
            while chunk.withUnsafeBytes({ write(writer, $0.baseAddress, $0.count) }) > 0 {}
            try #require(errno == EAGAIN, "filling the FIFO: \(String(cString: strerror(errno)))")
        }

        /// The reader goes away: a blocked writer gets EPIPE and the log's thread can end.
        func leave() {
            if descriptor >= 0 { close(descriptor) }
            descriptor = -1
        }

        deinit { leave() }
    }

    /// One decision over the fixture regions, as a handler would record it.
    static func decision() throws -> (request: RouteRequest, decision: RouteDecision) {
        let router = try RouterLoader.load(data: try ServiceFixture.artifact())
        let request = try RequestParser.parse(region: "US", merchant: "shop_1", method: "ALIPAY_CN", amount: "120.50 USD",
                                              at: "2026-12-01T15:00:00Z").get()
        return (request, router.route(request))
    }

    static func logger(_ sink: LogSink) -> Logger { Logger(label: "decision-log-test") { JSONLineLogHandler(label: $0, sink: sink) } }

    static func dropped(_ metrics: ServiceMetrics) -> Double? {
        MetricsTests.value(String(decoding: metrics.render(), as: UTF8.self), "regiond_decision_log_dropped_total")
    }

    /// Runs `body` on a thread of its own and waits for it at most `bound`: false when it is still running
    /// (a call that blocks), which the test reports instead of hanging.
    static func finishes(within bound: Duration, _ body: @escaping @Sendable () -> Void) -> Bool {
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            body()
            done.signal()
        }
        return done.wait(timeout: .now() + .nanoseconds(Int(bound.nanoseconds))) == .success
    }

    /// Polls `condition` until it holds or `bound` passes.
    static func eventually(within bound: Duration = .seconds(10), _ condition: () -> Bool) async throws -> Bool {
        let deadline = ContinuousClock.now + bound
        while !condition(), ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(10)) }
        return condition()
    }

    /// `finish` must return although the writer is stuck for good: the time limit tells "returned" from
    /// "waits forever" (a wall-clock bound would measure the test host's load, not the log).
    @Test(.timeLimit(.minutes(3))) func recordNeverWaitsOnAReaderThatStoppedReadingAndCountsWhatItDrops() async throws {
        let directory = try ServiceFixture.temporaryDirectory()
        let reader = try StuckReader(in: directory)
        try reader.fill()
        let logs = LogSink.capturing()
        let metrics = ServiceMetrics()
        let capacity = 10
        let log = try DecisionLog(path: reader.path, sampleRate: 1, capacity: capacity, metrics: metrics, logger: Self.logger(logs))
        let (request, decision) = try Self.decision()
        let records = 2000
        let returned = Self.finishes(within: .seconds(10)) {
            for _ in 0..<records { log.record(configDigest: "digest", request: request, decision: decision, at: Date()) }
        }
        #expect(returned, "record blocked on a reader that stopped reading")
        // The pipe is full: what is not dropped is in the writer's hands or in the queue.
        let mostKept = 2 * capacity
        let dropped = try #require(Self.dropped(metrics))
        #expect(dropped >= Double(records - mostKept) && dropped <= Double(records), "dropped \(dropped) of \(records)")

        let left = await log.finish(within: .milliseconds(300))
        #expect(left <= capacity)
        #expect(logs.captured.contains { $0.contains("decision log not flushed at shutdown") }, "\(logs.captured)")
        reader.leave()
    }

    @Test(.timeLimit(.minutes(5))) func routeKeepsAnsweringWhileTheLogsReaderStoppedReading() async throws {
        let directory = try ServiceFixture.temporaryDirectory()
        let reader = try StuckReader(in: directory)
        let queueLines = 50
        let harness = try ServiceFixture.harness {
            $0.decisionLogPath = reader.path
            $0.decisionLogQueueLines = queueLines
        }
        await harness.service.pollOnce()
        // Far more than the pipe holds (about 150 lines) and the queue: the rest is dropped, and counted.
        let requests = 2000
        try await harness.service.application().test(.router) { client async throws in
            var answered = 0
            for _ in 0..<requests where try await client.post("/v1/route", RouteTests.cases[0].body).status == .ok {
                answered += 1
            }
            #expect(answered == requests)
            let metrics = try await client.get("/metrics").text
            let dropped = try #require(MetricsTests.value(metrics, "regiond_decision_log_dropped_total"), "\(metrics)")
            let line = DecisionLog.line(configDigest: String(repeating: "0", count: 64), request: try Self.decision().request,
                                        decision: try Self.decision().decision, loggedAt: Date())
            let mostKept = 65_536 / line.count + 1 + 2 * queueLines
            #expect(dropped >= Double(requests - mostKept) && dropped <= Double(requests), "dropped \(dropped) of \(requests)")
        }
        await harness.service.decisionLog?.finish(within: .milliseconds(100))
        reader.leave()
    }

    @Test func linesThatCannotBeWrittenAreDroppedCountedAndLoggedOncePerBurst() async throws {
        let logs = LogSink.capturing()
        let metrics = ServiceMetrics()
        let log = try DecisionLog(path: "/dev/full", sampleRate: 1, capacity: 100, metrics: metrics, logger: Self.logger(logs))
        let (request, decision) = try Self.decision()
        // Three writes in turn, each waited for: three failures in one burst.
        for expected in 1...3 {
            log.record(configDigest: "digest", request: request, decision: decision, at: Date())
            #expect(try await Self.eventually { Self.dropped(metrics) == Double(expected) }, "dropped \(Self.dropped(metrics) ?? -1)")
        }
        #expect(await log.finish(within: .seconds(5)) == 0)
        let failures = logs.captured.filter { $0.contains("decision log write failed") }
        #expect(failures.count == 1, "\(logs.captured)")
        #expect(failures.first?.contains("no space left on the device") == true, "\(failures)")
        #expect(failures.first?.contains("\"level\":\"error\"") == true)
    }

    /// Decision-log paths the service cannot start with, and the reason it must give.
    static let unwritable: [(name: String, path: @Sendable (URL) throws -> String, reason: String)] = [
        ("a directory", { $0.path }, "it is a directory"),
        ("an empty path", { _ in "" }, "the path is empty"),
        ("in a missing directory", { $0.appendingPathComponent("missing/decisions.jsonl").path }, "no such file"),
        ("a FIFO without a reader", { directory in
            let path = directory.appendingPathComponent("nobody-reads.fifo").path
            try #require(mkfifo(path, 0o600) == 0)
            return path
        }, "no process is reading it"),
    ]

    @Test(arguments: unwritable.map(\.name)) func aDecisionLogThatCannotBeWrittenIsASetupErrorWithItsReason(_ name: String) throws {
        let testCase = try #require(Self.unwritable.first { $0.name == name })
        let directory = try ServiceFixture.temporaryDirectory()
        let path = try testCase.path(directory)
        // A FIFO without a reader must be refused at once, not waited on: the open is bounded here.
        let outcome = Mutex<Result<Void, any Error>?>(nil)
        let returned = Self.finishes(within: .seconds(10)) {
            let result = Result { _ = try ServiceFixture.harness { $0.decisionLogPath = path } }
            outcome.withLock { $0 = result }
        }
        #expect(returned, "opening \(name) blocked")
        guard case .failure(let failure) = outcome.withLock({ $0 }) else {
            Issue.record("the service started with a decision log at \(name)")
            return
        }
        let error = try #require(failure as? ServiceSetupError, "not a ServiceSetupError: \(failure)")
        #expect(error.description.contains(testCase.reason), "\(error)")
        #expect(path.isEmpty || error.description.contains(path), "\(error)")
    }

    /// Lines in the file at `path` now (0 when there is none).
    static func lines(_ path: String) -> Int {
        (try? String(contentsOfFile: path, encoding: .utf8))?.split(separator: "\n").count ?? 0
    }

    @Test func hangUpReopensARotatedLogAtItsPath() async throws {
        let harness = try ServiceFixture.harness(decisionLog: true)
        await harness.service.pollOnce()
        let path = harness.directory.appendingPathComponent("decisions.jsonl").path
        let rotated = path + ".1"
        try await harness.service.application().test(.router) { client async throws in
            let route = { try await client.post("/v1/route", RouteTests.cases[0].body).status }
            #expect(try await route() == .ok)
            #expect(try await Self.eventually { Self.lines(path) == 1 })
            try #require(rename(path, rotated) == 0)
            // Written to the file still open, now under its rotated name.
            #expect(try await route() == .ok)
            #expect(try await Self.eventually { Self.lines(rotated) == 2 })
            harness.service.hangUp()
            #expect(try await route() == .ok)
            #expect(try await Self.eventually { Self.lines(path) == 1 }, "no new file at \(path) after SIGHUP")
            #expect(Self.lines(rotated) == 2)
        }
        await harness.service.decisionLog?.finish(within: .seconds(5))
    }
}
