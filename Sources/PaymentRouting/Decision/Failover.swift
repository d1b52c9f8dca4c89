/// The acquirers a routed payment may fall back to, in order: the route's usable acquirers after
/// the one chosen. The caller tries the next when its attempt fails with a `failure`. A view of
/// the route's list (shared, never copied) and a bit per usable position: a decision allocates
/// nothing for it.
public struct FallbackAcquirers: Sequence, Sendable, Hashable, CustomStringConvertible {
    let ids: [String]
    /// Bit `i` set: `ids[i]` is a fallback. Routes name at most 64 acquirers (`HealthPolicyRule`).
    let usable: UInt64

    init(ids: [String], usable: UInt64) {
        self.ids = ids
        self.usable = usable
    }

    /// None, for a route with one acquirer.
    public static let none = FallbackAcquirers(ids: [], usable: 0)

    public var count: Int { usable.nonzeroBitCount }
    public var isEmpty: Bool { usable == 0 }

    public struct Iterator: IteratorProtocol {
        let ids: [String]
        var remaining: UInt64

        public mutating func next() -> String? {
            guard remaining != 0 else { return nil }
            let index = remaining.trailingZeroBitCount
            remaining &= remaining - 1
            return ids.indices.contains(index) ? ids[index] : nil
        }
    }

    public func makeIterator() -> Iterator { Iterator(ids: ids, remaining: usable) }

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.elementsEqual(rhs) }

    public func hash(into hasher: inout Hasher) {
        for id in self { hasher.combine(id) }
    }

    public var description: String { "[" + joined(separator: ", ") + "]" }
}

/// The primary acquirer of a routed payment's route was skipped, and why.
public struct Failover: Sendable, Hashable {
    /// The route's primary acquirer.
    public var from: String
    public var reason: SkipReason
}
