/// How a region's payout calendar is joined, as the compiler (`effective`, `RC0319`) and the
/// runtime (loading) both judge it.
package enum SettlementCalendarRule {
    /// Whether a region's own `weekend`/`holidays` join its settlement calendars as a layer of their
    /// own. They add to its calendars (PRODUCT.md, "Banking calendars") unless they already are one:
    /// with no calendar file for its market they are that market's calendar, and when its payouts
    /// follow that market, joining them again would say every holiday twice.
    package static func ownListsAreALayer(hasOwnLists: Bool, followsOwnMarket: Bool,
                                          ownMarketCalendarIsItsLists: Bool) -> Bool {
        hasOwnLists && !(followsOwnMarket && ownMarketCalendarIsItsLists)
    }
}

/// The weekdays any of a region's joined calendars rests on, never all seven: a settlement walk
/// looks for the next business day, and a week without one would never end. Only the failable
/// initializer makes one, so holding one is the proof.
package struct JoinedWeekend: Sendable, Equatable {
    /// Bit `isoNumber - 1` set for each weekend day of any calendar joined.
    package let mask: UInt8

    /// nil when the weekends together cover every day.
    package init?(joining weekends: some Sequence<[Weekday]>) {
        var mask: UInt8 = 0
        for weekend in weekends { for day in weekend { mask |= 1 << UInt8(day.isoNumber - 1) } }
        guard mask != 0x7F else { return nil }
        self.mask = mask
    }
}

extension RegionArtifact {
    /// Whether the region lists a weekend day or a holiday of its own.
    package var hasOwnLists: Bool { weekend?.isEmpty == false || holidays?.isEmpty == false }

    /// `SettlementCalendarRule.ownListsAreALayer` for this region: its market's calendar is its own
    /// lists when the artifact's calendar for its market was compiled from its file.
    package func ownListsAreALayer(calendars: [String: CalendarArtifact]) -> Bool {
        SettlementCalendarRule.ownListsAreALayer(hasOwnLists: hasOwnLists,
                                                 followsOwnMarket: settlement.calendars.contains(region),
                                                 ownMarketCalendarIsItsLists: calendars[region.rawValue]?.source == source)
    }
}
