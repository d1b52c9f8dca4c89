import Dispatch

/// Runs blocking or long CPU work (reading and judging a release, deciding a chunk of a batch) on
/// a Dispatch worker and awaits it, so it never holds one of the few threads Swift tasks share.
package enum BlockingWork {
    package static func run<Value: Sendable>(_ body: @escaping @Sendable () -> Value) async -> Value {
        await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async { continuation.resume(returning: body()) }
        }
    }
}
