/// The acquirers a route names, its primary then each fallback: each at most once, and at most
/// `maximum` of them. For the compiler's check (with positions) and
/// the artifact's invariants alike.
package enum RouteCandidatesRule {
    /// The most acquirers a route may name (primary and fallbacks): the runtime keeps which are
    /// usable in one 64-bit mask.
    package static let maximum = 64

    /// A candidate that names an acquirer already named: its index and the earlier one's (index 0
    /// is the primary, so `first == 0` is a fallback repeating the primary).
    package struct Repeat: Sendable, Hashable {
        package var id: String
        package var index: Int
        package var first: Int
    }

    package static func repeats(_ candidates: [String]) -> [Repeat] {
        var firstIndex: [String: Int] = [:]
        var found: [Repeat] = []
        for (index, id) in candidates.enumerated() {
            if let first = firstIndex[id] {
                found.append(Repeat(id: id, index: index, first: first))
            } else {
                firstIndex[id] = index
            }
        }
        return found
    }

    package static func isTooMany(_ count: Int) -> Bool { count > maximum }
}
