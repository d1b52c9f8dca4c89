import ArgumentParser
import Foundation
import GatewayConfig

/// Standard output with its errors seen: a full disk or a closed pipe is exit 2 with the reason,
/// never a silently short output.
enum StandardOutput {
    /// Writes bytes straight to descriptor 1 (after what `print` buffered).
    static func write(_ bytes: [UInt8]) throws {
        flush()
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                fail(errno)
            }
            offset += written
        }
    }

    /// Flushes what `print` buffered; on failure reports it and exits 2. (`fflush(nil)` flushes
    /// every stream; only standard output is buffered, and the global `stdout` is not Sendable.)
    static func flush() {
        if fflush(nil) != 0 { fail(errno) }
    }

    static func fail(_ code: Int32) -> Never {
        let reason = code == 0 ? "an output error" : FileReader.reason(errno: code)
        Terminal.printError("regionc: cannot write standard output: \(code == ENOSPC ? "no space left on the device" : reason)")
        Foundation.exit(ExitStatus.usage)
    }
}
