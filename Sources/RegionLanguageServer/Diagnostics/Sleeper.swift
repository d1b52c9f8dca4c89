/// Waits out a debounce. `regionc lsp` sleeps on the clock; tests inject a sleeper they release
/// themselves, so no test waits on real time.
package protocol Sleeper: Sendable {
    /// Returns after `duration`, or throws `CancellationError` when the task is cancelled first.
    func sleep(for duration: Duration) async throws
}

package struct ClockSleeper: Sleeper {
    package init() {}

    package func sleep(for duration: Duration) async throws {
        try await Task.sleep(for: duration)
    }
}
