import ArgumentParser
import Foundation
import GatewayConfig

/// Standard output with its errors seen: a full disk or a closed pipe is exit 2 with the reason,
/// never a silently short output.
enum StandardOutput {
    /// Writes bytes straight to descriptor 1 (after what `print` buffered).
    static func write(_ bytes: [UInt8]) throws {
        flush()
        let failure = DescriptorWriter.writeAll(bytes, to: STDOUT_FILENO)
        if failure != 0 { fail(failure) }
    }

    /// Writes `text` straight to descriptor 1. A command's output goes this way, not through
    /// `print`: once the C stream's buffer (4 KiB) fills, a write error inside `print` is lost and
    /// the final flush has nothing left to fail on, so a report to a full disk would exit 0.
    static func write(_ text: String) throws {
        try write(Array(text.utf8))
    }

    /// Flushes what `print` buffered; on failure reports it and exits 2. (`fflush(nil)` flushes
    /// every stream; only standard output is buffered, and the global `stdout` is not Sendable.)
    static func flush() {
        if fflush(nil) != 0 { fail(errno) }
    }

    static func fail(_ code: Int32) -> Never {
        let reason = code == 0 ? "an output error" : SystemError.reason(errno: code)
        Terminal.printError("regionc: cannot write standard output: \(reason)")
        Foundation.exit(ExitStatus.usage)
    }
}
