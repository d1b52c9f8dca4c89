import Foundation
import Synchronization

/// A finished child process: its exit status and everything it wrote.
public struct ProcessRun: Sendable {
    /// The exit status, or the signal's number when `reason` is `.uncaughtSignal`.
    public let status: Int32
    public let reason: Process.TerminationReason
    /// Standard output as written (openssl's signatures are not text).
    public let output: Data
    public let stderr: String
    /// The runner killed it at its deadline; `stderr` ends with a line saying so.
    public let timedOut: Bool

    public var stdout: String { String(decoding: output, as: UTF8.self) }
}

/// The one way the tests start a program and wait for it (the built `regionc`, `sh`, `openssl`, `strace`).
public enum ProcessRunner {
    /// Runs `executable` with `arguments`, feeding it `stdin` (nil: it inherits ours) and `environment` on top
    /// of ours. Both outputs are drained at once, so a child that fills one pipe cannot stall on it. A child
    /// still running after `timeout` is killed, so a hang fails its test instead of stalling the whole run.
    public static func run(_ executable: URL, _ arguments: [String], in directory: URL? = nil, stdin: Data? = nil,
                           environment: [String: String] = [:], timeout: Duration = .seconds(300)) throws -> ProcessRun {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let input = Pipe()
        if stdin != nil { process.standardInput = input }
        try process.run()

        // Blocking reads and writes get threads of their own: on Dispatch's shared workers they would starve
        // the Dispatch work of tests running beside this one.
        let collected = Collected()
        let helpersDone = DispatchSemaphore(value: 0)
        var helpers = 1
        let errors = err.fileHandleForReading
        Thread.detachNewThread {
            collected.stderr.withLock { $0 = errors.readDataToEndOfFile() }
            helpersDone.signal()
        }
        if let stdin {
            helpers += 1
            let writer = input.fileHandleForWriting
            Thread.detachNewThread {
                writer.write(stdin)
                try? writer.close()
                helpersDone.signal()
            }
        }
        let pid = process.processIdentifier
        let deadline = DispatchWorkItem {
            collected.timedOut.withLock { $0 = true }
            kill(pid, SIGKILL)
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(milliseconds(timeout)), execute: deadline)
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        deadline.cancel()
        for _ in 0..<helpers { helpersDone.wait() }
        let timedOut = collected.timedOut.withLock { $0 }
        let stderr = String(decoding: collected.stderr.withLock { $0 }, as: UTF8.self)
            + (timedOut ? "\n[ProcessRunner: \(executable.lastPathComponent) killed after \(timeout)]\n" : "")
        return ProcessRun(status: process.terminationStatus, reason: process.terminationReason, output: stdout,
                          stderr: stderr, timedOut: timedOut)
    }

    private static func milliseconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        guard seconds < Int64(Int32.max) else { return Int(Int32.max) }
        return Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
    }
}

/// What the reader and deadline threads hand back to the waiting one.
private final class Collected: Sendable {
    let stderr = Mutex(Data())
    let timedOut = Mutex(false)
}
