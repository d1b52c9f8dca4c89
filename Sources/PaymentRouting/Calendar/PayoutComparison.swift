import GatewayConfig

/// Capture days whose payout date differs between two configs, for `regionc diff`.
package enum PayoutComparison {
    package struct Move: Sendable, Hashable {
        package var region: String
        package var capture: CalendarDate
        /// nil before the cutoff; the (new) cutoff for a capture at or after it.
        package var fromCutoff: LocalTime?
        package var was: CalendarDate
        package var now: CalendarDate
    }

    /// For every region in both configs, each capture day over the span their calendars vouch for
    /// (first `from` to last `through` of either side), before and from the cutoff.
    package static func moves(old: CheckoutRouter, new: CheckoutRouter) -> [Move] {
        var moves: [Move] = []
        for code in Set(old.artifact.regions.keys).intersection(new.artifact.regions.keys).sorted() {
            guard let window = span(of: code, in: [old.artifact, new.artifact]) else { continue }
            var day = window.lowerBound
            while day <= window.upperBound {
                let date = CalendarDate(clampingDaysSinceEpoch: day)
                if let was = old.settlementWalk(region: code, capture: date), let now = new.settlementWalk(region: code, capture: date) {
                    if was.settlesBeforeCutoff != now.settlesBeforeCutoff {
                        moves.append(Move(region: code, capture: date, fromCutoff: nil, was: was.settlesBeforeCutoff,
                                          now: now.settlesBeforeCutoff))
                    }
                    if was.settlesAfterCutoff != now.settlesAfterCutoff {
                        moves.append(Move(region: code, capture: date, fromCutoff: now.cutoff, was: was.settlesAfterCutoff,
                                          now: now.settlesAfterCutoff))
                    }
                }
                day += 1
            }
        }
        return moves
    }

    /// Day numbers from the earliest `from` to the latest `through` of the region's calendars on
    /// either side, at most ten years; nil when no calendar names a span.
    static func span(of code: String, in artifacts: [GatewayArtifact]) -> ClosedRange<Int>? {
        var first: Int?
        var last: Int?
        for artifact in artifacts {
            for market in artifact.regions[code]?.settlement.calendars ?? [] {
                guard let calendar = artifact.calendars[market.rawValue] else { continue }
                if let from = calendar.from?.daysSinceEpoch { first = min(first ?? from, from) }
                if let through = calendar.through?.daysSinceEpoch { last = max(last ?? through, through) }
            }
        }
        guard let last else { return nil }
        let start = max(first ?? last - 365, last - 3660)
        return start <= last ? start...last : nil
    }
}
