import Foundation
import RegionLanguageServer
import Synchronization

/// A debounce the test opens and closes, on a clock the test moves: while closed, sleeps wait;
/// opening wakes them and lets later ones through. A cancelled sleep throws, whenever the
/// cancellation lands.
actor ManualSleeper: Sleeper {
    private let time = Mutex(Duration.zero)

    nonisolated func now() -> Duration { time.withLock { $0 } }

    nonisolated func advance(by duration: Duration) { time.withLock { $0 += duration } }

    private var isOpen = false
    private var waiting: [UUID: CheckedContinuation<Void, any Error>] = [:]
    private var cancelled: Set<UUID> = []

    nonisolated func sleep(for duration: Duration) async throws {
        let id = UUID()
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                Task { await self.wait(id, continuation) }
            }
        } onCancel: {
            Task { await self.cancel(id) }
        }
        try Task.checkCancellation()
    }

    func open() {
        isOpen = true
        for continuation in waiting.values { continuation.resume() }
        waiting = [:]
    }

    func close() { isOpen = false }

    private func wait(_ id: UUID, _ continuation: CheckedContinuation<Void, any Error>) {
        if cancelled.remove(id) != nil {
            continuation.resume(throwing: CancellationError())
        } else if isOpen {
            continuation.resume()
        } else {
            waiting[id] = continuation
        }
    }

    private func cancel(_ id: UUID) {
        if let continuation = waiting.removeValue(forKey: id) {
            continuation.resume(throwing: CancellationError())
        } else {
            cancelled.insert(id)
        }
    }
}
