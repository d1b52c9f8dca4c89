/// The acquirers a routed payment may fall back to, in order: the route's usable acquirers after
/// the one chosen. The caller tries the next when its attempt fails with a `failure`. A decision
/// allocates nothing for it: two are held inline, more as a view of the route's shared list.
public struct FallbackAcquirers: Sequence, Sendable, Hashable, CustomStringConvertible {
    /// The first two fallbacks, copied in: acquirer ids are short strings that Swift keeps inline,
    /// so a decision with at most two fallbacks (nearly every route) retains nothing for them.
    let first: String?
    let second: String?
    /// More than two: the route's ids (shared, never copied) and a bit per usable position after
    /// `second`'s. Routes name at most 64 acquirers (`RouteCandidatesRule`).
    let ids: [String]?
    let rest: UInt64

    /// The fallbacks of a route whose ids are `ids`: each position whose bit is set in `usable`.
    init(ids: borrowing [String], usable: UInt64) {
        var remaining = usable
        var inline: (String?, String?) = (nil, nil)
        for slot in 0..<2 where remaining != 0 {
            let position = remaining.trailingZeroBitCount
            remaining &= remaining - 1
            let id = ids.indices.contains(position) ? ids[position] : nil
            if slot == 0 { inline.0 = id } else { inline.1 = id }
        }
        first = inline.0
        second = inline.1
        self.ids = remaining == 0 ? nil : copy ids
        rest = remaining
    }

    private init() {
        first = nil
        second = nil
        ids = nil
        rest = 0
    }

    /// None, for a route with one acquirer.
    package static let none = FallbackAcquirers()

    public var count: Int { (first == nil ? 0 : 1) + (second == nil ? 0 : 1) + rest.nonzeroBitCount }
    public var isEmpty: Bool { first == nil }

    public struct Iterator: IteratorProtocol {
        var inline: (String?, String?)
        let ids: [String]
        var remaining: UInt64

        public mutating func next() -> String? {
            if let first = inline.0 {
                inline = (inline.1, nil)
                return first
            }
            guard remaining != 0 else { return nil }
            let index = remaining.trailingZeroBitCount
            remaining &= remaining - 1
            return ids.indices.contains(index) ? ids[index] : nil
        }
    }

    public func makeIterator() -> Iterator { Iterator(inline: (first, second), ids: ids ?? [], remaining: rest) }

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.elementsEqual(rhs) }

    public func hash(into hasher: inout Hasher) {
        for id in self { hasher.combine(id) }
    }

    public var description: String { "[" + joined(separator: ", ") + "]" }
}

/// The primary acquirer of a routed payment's route was skipped, and why.
public struct Failover: Sendable, Hashable {
    /// The route's primary acquirer.
    public let from: String
    public let reason: SkipReason
}
