import Foundation

/// A time zone's UTC offsets as a table of transitions, built once from the tz database so a
/// decision converts an instant to local time with a binary search: no Foundation, no locks,
/// no allocation on the hot path.
package struct UTCOffsetTable: Sendable {
    /// Instants (seconds since epoch) where the offset changes, ascending.
    let transitions: [Int64]
    /// `offsets[i]` applies from `transitions[i - 1]` (or forever before) until `transitions[i]`.
    let offsets: [Int32]

    /// The span covered exactly; outside it the nearest known offset is used.
    static let start: Int64 = 946_684_800      // 2000-01-01T00:00:00Z
    static let end: Int64 = 7_258_118_400      // 2200-01-01T00:00:00Z
    /// Offsets are sampled this often, then each change is located to the second.
    /// Real-world offset periods last weeks at least.
    static let step: Int64 = 7 * 86_400

    package init?(identifier: String) {
        guard let zone = TimeZone(identifier: identifier) else { return nil }
        self.init(zone: zone)
    }

    init(zone: TimeZone) {
        func offset(_ instant: Int64) -> Int32 {
            Int32(zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant))))
        }
        var transitions: [Int64] = []
        var offsets: [Int32] = [offset(Self.start)]
        var previous = Self.start
        var previousOffset = offsets[0]
        var sample = Self.start + Self.step
        while sample <= Self.end {
            let current = offset(sample)
            if current != previousOffset {
                // Bisect (previous, sample] to find the first second with the new offset.
                var low = previous
                var high = sample
                while high - low > 1 {
                    let middle = low + (high - low) / 2
                    if offset(middle) == previousOffset { low = middle } else { high = middle }
                }
                transitions.append(high)
                offsets.append(current)
                previousOffset = current
            }
            previous = sample
            sample += Self.step
        }
        self.transitions = transitions
        self.offsets = offsets
    }

    /// The UTC offset in seconds at `instant`.

    package func offset(at instant: Int64) -> Int64 {
        var low = 0
        var high = transitions.count
        while low < high {
            let middle = (low + high) / 2
            if transitions[middle] <= instant { low = middle + 1 } else { high = middle }
        }
        return Int64(offsets[low])
    }
}
