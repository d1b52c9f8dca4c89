import Dispatch
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `regionc lsp`'s entry: the server over standard input and output, run to its end.
package enum LanguageServerMain {
    /// Blocks the calling (main) thread until the server ends; returns its exit status.
    package static func runOnStandardStreams(configuration: ServerConfiguration = ServerConfiguration()) -> Int32 {
        // An editor that quits closes our standard output: a write then fails with EPIPE (the
        // connection stops writing, and the end of input ends the server) instead of killing it.
        signal(SIGPIPE, SIG_IGN)
        let status = ExitStatusBox()
        let done = DispatchSemaphore(value: 0)
        Task {
            let server = LanguageServer(configuration: configuration, channel: StandardOutputChannel())
            let result = await server.run(StandardInput.chunks())
            status.value.withLock { $0 = result }
            done.signal()
        }
        done.wait()
        return status.value.withLock { $0 }
    }
}

/// The status the server's task hands the waiting main thread.
private final class ExitStatusBox: Sendable {
    let value = Mutex<Int32>(1)
}
