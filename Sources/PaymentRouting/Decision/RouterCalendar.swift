import GatewayConfig

extension CheckoutRouter {
    /// How captures on `capture` (a local date in the region's zone) settle, with every day skipped
    /// and why: for `regionc calendar`. Nil for a region the config does not have.
    package func settlementWalk(region: String, capture: CalendarDate) -> SettlementWalk? {
        guard let slot = Self.slot(region), let compiled = regionSlots[slot],
              let cutoff = LocalTime(hour: compiled.cutoffSecond / 3600, minute: compiled.cutoffSecond / 60 % 60) else { return nil }
        return compiled.calendar.walk(capture: capture, cutoff: cutoff, businessDays: compiled.businessDays)
    }

    /// The joined settlement calendar of a region, or nil for a region the config does not have.
    package func calendar(region: String) -> BusinessCalendar? {
        guard let slot = Self.slot(region) else { return nil }
        return regionSlots[slot]?.calendar
    }
}
