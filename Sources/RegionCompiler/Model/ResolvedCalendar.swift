import GatewayConfig

/// A market's calendar as the regions use it: from its file, or from the region of that market
/// whose own `weekend`/`holidays` stand in for a missing file (then `unsourced`).
package struct ResolvedCalendar: Sendable {
    package struct Holiday: Sendable {
        package var date: Located<CalendarDate>
        package var name: String
        package var estimated: Bool
    }

    package struct HalfDay: Sendable {
        package var date: Located<CalendarDate>
        package var cutoff: LocalTime
        package var name: String
        package var estimated: Bool
    }

    package var market: RegionCode
    package var name: String
    /// `calendars/hk.yaml`, or the region file (`hk.yaml`) whose lists stand in.
    package var source: String
    package var unsourced: Bool
    package var timezone: String
    package var weekend: [Weekday]
    /// Sorted by date.
    package var holidays: [Holiday]
    package var halfDays: [HalfDay]
    package var from: CalendarDate?
    package var through: CalendarDate?
    /// Where findings about the horizon point: the file's `through:` value, or the region's `holidays`.
    package var horizonLocation: SourceLocation
    package var listedYears: Set<Int>
}

/// Which calendars each region's payouts follow, and the calendars themselves.
package struct CalendarResolution: Sendable {
    /// By market code: every calendar at least one region follows.
    package var calendars: [RegionCode: ResolvedCalendar] = [:]
    /// By region code: the markets its payouts follow, in the order written (default: own market, then
    /// the settlement currency's home market).
    package var markets: [RegionCode: [RegionCode]] = [:]
    package var diagnostics: [Diagnostic] = []

    package init() {}
}

extension CalendarResolution {
    /// `SettlementCalendarRule.ownListsAreALayer` for `region`, as its artifact will answer it
    /// (`RegionArtifact.ownListsAreALayer`): a lent calendar's source is the lender's file, and the
    /// artifact keeps a weekend or holidays only when they list something.
    package func ownListsAreALayer(_ region: RegionDescriptor) -> Bool {
        guard let code = region.region?.value else { return false }
        return SettlementCalendarRule.ownListsAreALayer(
            hasOwnLists: region.weekend?.value.isEmpty == false || !region.holidays.isEmpty,
            followsOwnMarket: markets[code]?.contains(code) == true,
            ownMarketCalendarIsItsLists: calendars[code]?.source == region.file.name)
    }
}
