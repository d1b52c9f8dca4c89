import Foundation
import GatewayConfig
import Logging
import PaymentRouting
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// The audit trail: one JSON line per sampled decision, keys sorted,
/// `{"config_digest":…,"decision":{…},"logged_at":…,"request":{"amount":…,"at":…,"merchant":…,"method":…,"region":…}}`,
/// where `decision` is the object `regionc route --format json` prints and `config_digest` the
/// SHA-256 of the artifact that decided. `regionc diff --traffic` replays these lines.
///
/// A decision never waits on the log: `record` puts the line in a bounded queue and returns, and a
/// thread of the log's own writes the queue out. When the queue is full (a reader that stopped
/// reading, a slow disk) or a write fails (`/dev/full`, a reader gone), lines are dropped and
/// counted in `regiond_decision_log_dropped_total`, and the failure is logged once per burst with
/// its reason. Lines are appended without seeking, so any writable file serves: a regular file, a
/// pipe (`-` is standard output), a FIFO with a reader, a terminal. SIGHUP reopens a file path
/// (after rotation); `finish(within:)` flushes at shutdown, waiting no longer than its bound.
final class DecisionLog: Sendable {
    /// Fraction of decisions written, 0...1.
    let sampleRate: Double
    let path: String
    private let logger: Logger
    private let metrics: ServiceMetrics
    private let capacity: Int
    private let queue: Mutex<Queue>
    private let wakeUp = DispatchSemaphore(value: 0)

    private struct Queue {
        var lines: [[UInt8]] = []
        var stopping = false
        var reopenRequested = false
        /// The writer has written out everything and closed.
        var finished = false
        /// `finish(within:)` callers waiting: resumed with `true` by the writer, or `false` at their bound.
        var waiters: [Int: CheckedContinuation<Bool, Never>] = [:]
        var nextWaiter = 0
    }

    /// Opens `path` (`-`: standard output) for appending, or throws why it cannot be written.
    init(path: String, sampleRate: Double, capacity: Int = 16_384, metrics: ServiceMetrics, logger: Logger) throws(ServiceSetupError) {
        self.sampleRate = min(1, max(0, sampleRate))
        self.path = path
        self.capacity = max(1, capacity)
        self.metrics = metrics
        self.logger = logger
        queue = Mutex(Queue())
        // A write to a pipe whose reader is gone must fail with EPIPE, not kill the process.
        signal(SIGPIPE, SIG_IGN)
        let descriptor: Int32
        do {
            descriptor = try Self.open(path)
        } catch {
            throw ServiceSetupError("cannot write the decision log \(path): \(error.reason)")
        }
        metrics.decisionLogDropped(0)
        let thread = Thread { [self] in writeUntilFinished(descriptor: descriptor) }
        thread.name = "regiond decision log"
        thread.start()
    }

    /// Whether this decision is one of the sampled.
    func sampled() -> Bool { sampleRate >= 1 || (sampleRate > 0 && Double.random(in: 0..<1) < sampleRate) }

    /// Queues the decision's line; never blocks. A full queue drops the line and counts it.
    func record(configDigest: String, request: RouteRequest, decision: RouteDecision, at date: Date) {
        let line = Self.line(configDigest: configDigest, request: request, decision: decision, loggedAt: date)
        let (queued, first) = queue.withLock { queue -> (Bool, Bool) in
            guard !queue.stopping, queue.lines.count < capacity else { return (false, false) }
            queue.lines.append(line)
            return (true, queue.lines.count == 1)
        }
        if !queued {
            metrics.decisionLogDropped(1)
        } else if first {
            wakeUp.signal()
        }
    }

    /// Reopens a file path at the next write (SIGHUP, after the file was rotated).
    func reopen() {
        queue.withLock { $0.reopenRequested = true }
        wakeUp.signal()
    }

    /// Stops taking lines and waits, at most `bound`, for the queued ones to be written. Returns
    /// the lines left unwritten (a writer stuck on a reader that stopped reading).
    @discardableResult
    func finish(within bound: Duration) async -> Int {
        let alreadyFinished = queue.withLock { queue in
            queue.stopping = true
            return queue.finished
        }
        guard !alreadyFinished else { return 0 }
        wakeUp.signal()
        // The writer resumes the wait when it is done; a timer resumes it at the bound. Nothing blocks a thread.
        let flushed = await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
            let waiter = queue.withLock { queue -> Int? in
                guard !queue.finished else { return nil }
                let id = queue.nextWaiter
                queue.nextWaiter += 1
                queue.waiters[id] = continuation
                return id
            }
            guard let waiter else { return continuation.resume(returning: true) }
            Task {
                try? await Task.sleep(for: bound)
                self.queue.withLock { $0.waiters.removeValue(forKey: waiter) }?.resume(returning: false)
            }
        }
        guard !flushed else { return 0 }
        let left = queue.withLock { $0.lines.count }
        logger.error("decision log not flushed at shutdown", metadata: [
            "path": "\(path)", "lines_left": "\(left)", "reason": "the writer is still blocked after \(bound.secondsText)",
        ])
        return left
    }

    // MARK: The writer thread

    static let gatherMicroseconds: UInt32 = 2_000

    private func writeUntilFinished(descriptor initial: Int32) {
        var descriptor = initial
        var failing: String?
        var droppedInBurst = 0
        while true {
            wakeUp.wait()
            let (lines, stopping, reopen) = queue.withLock { queue in
                defer {
                    queue.lines.removeAll(keepingCapacity: true)
                    queue.reopenRequested = false
                }
                return (queue.lines, queue.stopping, queue.reopenRequested)
            }
            if reopen, path != "-" { descriptor = reopened(descriptor) }
            if !lines.isEmpty {
                var bytes: [UInt8] = []
                bytes.reserveCapacity(lines.reduce(0) { $0 + $1.count })
                for line in lines { bytes += line }
                let code = DescriptorWriter.writeAll(bytes, to: descriptor)
                if code == 0 {
                    if let reason = failing {
                        logger.info("decision log written again", metadata: [
                            "path": "\(path)", "dropped": "\(droppedInBurst)", "after": "\(reason)",
                        ])
                        failing = nil
                        droppedInBurst = 0
                    }
                } else {
                    // A partly written batch is counted whole: which of its lines reached the reader is unknown.
                    metrics.decisionLogDropped(lines.count)
                    droppedInBurst += lines.count
                    if failing == nil {
                        let reason = SystemError.reason(errno: code)
                        failing = reason
                        logger.error("decision log write failed: lines are dropped and counted until it can be written",
                                     metadata: ["path": "\(path)", "reason": "\(reason)"])
                    }
                }
            }
            if !stopping && !lines.isEmpty {
                // Under a stream of decisions, let lines gather for a moment into the next write rather
                // than waking for each: a wake-up and a write per line cost the request path a fifth of
                // its CPU. A line waits at most this long more to be written; shutdown does not wait.
                usleep(Self.gatherMicroseconds)
            }
            if stopping {
                let waiters = queue.withLock { queue -> [CheckedContinuation<Bool, Never>]? in
                    guard queue.lines.isEmpty else { return nil }
                    queue.finished = true
                    defer { queue.waiters = [:] }
                    return Array(queue.waiters.values)
                }
                if let waiters {
                    if descriptor != STDOUT_FILENO { close(descriptor) }
                    for waiter in waiters { waiter.resume(returning: true) }
                    return
                }
            }
        }
    }

    private func reopened(_ descriptor: Int32) -> Int32 {
        do {
            let fresh = try Self.open(path)
            close(descriptor)
            logger.info("decision log reopened", metadata: ["path": "\(path)"])
            return fresh
        } catch {
            logger.error("decision log not reopened: writing on to the file already open",
                         metadata: ["path": "\(path)", "reason": "\(error.reason)"])
            return descriptor
        }
    }

    struct OpenError: Error {
        let reason: String
    }

    /// Opens for appending: `O_APPEND` writes at the end without a seek, so pipes and FIFOs work too.
    /// `O_NONBLOCK` only for the open itself: a FIFO without a reader fails at once instead of waiting.
    static func open(_ path: String) throws(OpenError) -> Int32 {
        if path == "-" { return STDOUT_FILENO }
        guard !path.isEmpty else { throw OpenError(reason: "the path is empty") }
        let descriptor = Glibc.open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NOCTTY | O_NONBLOCK, 0o640)
        guard descriptor >= 0 else { throw OpenError(reason: SystemError.reason(errno: errno)) }
        let flags = fcntl(descriptor, F_GETFL)
        if flags >= 0 { _ = fcntl(descriptor, F_SETFL, flags & ~O_NONBLOCK) }
        var info = stat()
        if fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
            close(descriptor)
            throw OpenError(reason: "it is a directory")
        }
        return descriptor
    }

    static func line(configDigest: String, request: RouteRequest, decision: RouteDecision, loggedAt: Date) -> [UInt8] {
        var output: [UInt8] = []
        output += Array("{\"config_digest\":".utf8)
        JSONText.writeString(configDigest, into: &output)
        output += Array(",\"decision\":".utf8)
        DecisionReport.write(request: request, decision: decision, into: &output)
        output += Array(",\"logged_at\":\"\(RFC3339.seconds(loggedAt))\",\"request\":{\"amount\":\"".utf8)
        request.amount.write(into: &output)
        output += Array("\",\"at\":\"".utf8)
        request.at.write(into: &output)
        output += Array("\",\"merchant\":".utf8)
        JSONText.writeString(request.merchant, into: &output)
        output += Array(",\"method\":".utf8)
        JSONText.writeString(request.method, into: &output)
        output += Array(",\"region\":".utf8)
        JSONText.writeString(request.region, into: &output)
        output += Array("}}\n".utf8)
        return output
    }
}

/// A flag or file the service cannot start with: regiond prints it and exits 2.
package struct ServiceSetupError: Error, Sendable, CustomStringConvertible {
    package let description: String
    package init(_ description: String) { self.description = description }
}
