/// The debounce's sense of time. `regionc lsp` reads and sleeps on the continuous clock; tests
/// inject one they move and release themselves, so no test waits on real time.
package protocol Sleeper: Sendable {
    /// Monotonic time since a fixed origin (only differences count).
    func now() -> Duration
    /// Returns after `duration`, or throws `CancellationError` when the task is cancelled first.
    func sleep(for duration: Duration) async throws
}

package struct ClockSleeper: Sleeper {
    private let origin = ContinuousClock.now

    package init() {}

    package func now() -> Duration { ContinuousClock.now - origin }

    package func sleep(for duration: Duration) async throws {
        try await Task.sleep(for: duration)
    }
}
