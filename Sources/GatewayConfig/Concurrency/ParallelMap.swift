import Dispatch
import Synchronization

/// `map` over all cores, results in input order. For independent, CPU-bound work per element:
/// checking regions, deciding chunks of a batch.
package enum ParallelMap {
    package static func map<Element: Sendable, Result: Sendable>(_ elements: [Element],
                                                         _ transform: @Sendable (Element) -> Result) -> [Result] {
        guard elements.count > 1 else { return elements.map(transform) }
        let results = Mutex<[Int: Result]>([:])
        DispatchQueue.concurrentPerform(iterations: elements.count) { index in
            let result = transform(elements[index])
            results.withLock { $0[index] = result }
        }
        let collected = results.withLock { $0 }
        return elements.indices.compactMap { collected[$0] }
    }
}
