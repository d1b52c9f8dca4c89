import Dispatch

/// `map` over all cores, results in input order. For independent, CPU-bound work per element:
/// checking regions, deciding chunks of a batch.
package enum ParallelMap {
    package static func map<Element: Sendable, Result: Sendable>(_ elements: [Element],
                                                                _ transform: @Sendable (Element) -> Result) -> [Result] {
        guard elements.count > 1 else { return elements.map(transform) }
        let slots = ResultSlots<Result>(count: elements.count)
        DispatchQueue.concurrentPerform(iterations: elements.count) { index in
            slots.fill(index, with: transform(elements[index]))
        }
        return slots.collect()
    }
}

/// One slot per element, written once each by `concurrentPerform`'s iterations.
///
/// `@unchecked Sendable` is sound here: every iteration writes only its own index (distinct
/// addresses, no two writers), `concurrentPerform` returns only after all iterations finished
/// (which orders every write before `collect`), and `collect` runs on the calling thread alone.
/// `collect` checks every slot was filled, so a lost result is a trap, never a shorter array.
private final class ResultSlots<Result>: @unchecked Sendable {
    private let base: UnsafeMutablePointer<Result?>
    private let count: Int

    init(count: Int) {
        self.count = count
        base = UnsafeMutablePointer<Result?>.allocate(capacity: count)
        base.initialize(repeating: nil, count: count)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    func fill(_ index: Int, with result: Result) {
        precondition(index >= 0 && index < count, "ParallelMap: slot \(index) out of 0..<\(count)")
        base[index] = result
    }

    func collect() -> [Result] {
        (0..<count).map { index in
            guard let result = base[index] else { preconditionFailure("ParallelMap: slot \(index) was never filled") }
            return result
        }
    }
}
