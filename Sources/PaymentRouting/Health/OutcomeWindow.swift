/// Successes, failures and declines over a sliding window of whole seconds, in at most 60
/// buckets: a window of 60 s or less slides by the second, a longer one by `window / 60`
/// (rounded up). An outcome older than the window's oldest bucket is not counted.
struct OutcomeWindow: Sendable {
    struct Counts: Sendable, Hashable {
        var successes = 0
        var failures = 0
        var declines = 0

        /// The outcomes that are health signals: successes and failures.
        var signals: Int { successes + failures }
    }

    static let maximumBuckets: Int64 = 60

    let bucketSeconds: Int64
    private var buckets: [(index: Int64, counts: Counts)]

    /// `windowSeconds` is at least 1 (`HealthPolicyRule`); anything less is read as 1.
    init(windowSeconds: Int64) {
        let window = max(1, windowSeconds)
        let count = min(window, Self.maximumBuckets)
        bucketSeconds = (window + count - 1) / count
        buckets = Array(repeating: (Int64.min, Counts()), count: Int(count))
    }

    private func bucketIndex(of second: Int64) -> Int64 {
        // Floor division: instants before 1970 are negative.
        second >= 0 ? second / bucketSeconds : (second + 1) / bucketSeconds - 1
    }

    private func slot(of index: Int64) -> Int {
        let count = Int64(buckets.count)
        return Int(((index % count) + count) % count)
    }

    mutating func add(_ outcome: AcquirerOutcome, at second: Int64) {
        let index = bucketIndex(of: second)
        let slot = slot(of: index)
        if buckets[slot].index != index {
            // The slot holds a newer bucket: this outcome is older than the window.
            guard buckets[slot].index < index else { return }
            buckets[slot] = (index, Counts())
        }
        switch outcome {
        case .success: buckets[slot].counts.successes += 1
        case .failure: buckets[slot].counts.failures += 1
        case .decline: buckets[slot].counts.declines += 1
        }
    }

    /// The counts of the buckets inside the window that ends at `second`.
    func counts(at second: Int64) -> Counts {
        let newest = bucketIndex(of: second)
        let oldest = newest - Int64(buckets.count) + 1
        var total = Counts()
        for bucket in buckets where bucket.index >= oldest && bucket.index <= newest {
            total.successes += bucket.counts.successes
            total.failures += bucket.counts.failures
            total.declines += bucket.counts.declines
        }
        return total
    }

    mutating func reset() {
        for slot in buckets.indices { buckets[slot] = (Int64.min, Counts()) }
    }
}
