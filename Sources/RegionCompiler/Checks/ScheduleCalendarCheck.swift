import GatewayConfig

/// Scheduled steps judged against the region's banking calendars and hours, in its own zone: a
/// step that takes effect on a day the banks its payouts follow are closed, outside local business
/// hours, or past a calendar's horizon (where nobody can say whether the banks are open) is a
/// warning. These need the resolved calendars, so they run after `CalendarResolver`.
package enum ScheduleCalendarCheck {
    /// When steps should take effect when a region names no `business_hours`: a business choice, a
    /// working day's hours, when the acquirer's and our operations staff are at their desks.
    static let defaultHours = (from: LocalTime(minuteOfSecond: 9 * 3600), until: LocalTime(minuteOfSecond: 18 * 3600))

    static func run(_ resolution: CalendarResolution, regions: [RegionDescriptor]) -> [Diagnostic] {
        regions.flatMap { region in check(region, resolution: resolution) }
    }

    static func check(_ region: RegionDescriptor, resolution: CalendarResolution) -> [Diagnostic] {
        guard let code = region.region?.value, let zoneName = region.timezone?.value,
              let zone = TimeZoneCatalog.zone(zoneName) else { return [] }
        let steps = (region.availability?.schedule ?? []).compactMap(\.at)
            + region.methods.flatMap { ($0.availability?.schedule ?? []).compactMap(\.at) }
        let calendars = (resolution.markets[code] ?? []).compactMap { resolution.calendars[$0] }
        let hours = region.businessHours.map { (from: $0.from, until: $0.until) } ?? defaultHours
        var diagnostics: [Diagnostic] = []
        for at in steps {
            let local = at.value.local(in: zone)
            let when = "the step at \(at.value) (\(local.date) \(local.time) \(zoneName))"
            for calendar in calendars {
                if let through = calendar.through, local.date > through {
                    diagnostics.append(.warning(
                        .stepPastCalendarHorizon, "\(when) is after the \(calendar.market) calendar's horizon (\(through))",
                        at: at.location, hint: "add the next year to \(calendar.source) from its official source, or schedule the step earlier",
                        related: [RelatedNote(location: calendar.horizonLocation, message: "the horizon")]))
                } else if let closed = closure(of: local.date, in: calendar) {
                    diagnostics.append(.warning(
                        .stepOnNonBusinessDay, "\(when) falls on \(closed.reason) in the \(calendar.market) calendar: not a business day",
                        at: at.location, hint: "schedule it on a business day, when the acquirer's staff can answer",
                        related: closed.location.map { [RelatedNote(location: $0, message: "the holiday")] } ?? []))
                }
            }
            if local.time < hours.from || local.time >= hours.until {
                diagnostics.append(.warning(
                    .stepOutsideBusinessHours, "\(when) is outside local business hours \(hours.from)-\(hours.until)",
                    at: at.location,
                    hint: region.businessHours == nil ? "schedule it within the hours, or set `business_hours` in the region or defaults.yaml"
                        : "schedule it within `business_hours`",
                    related: region.businessHours.map { [RelatedNote(location: $0.location, message: "business_hours")] } ?? []))
            }
        }
        return diagnostics
    }

    /// Why `date` is not a business day in `calendar` (a holiday's name, or the weekend), or nil.
    package static func closure(of date: CalendarDate, in calendar: ResolvedCalendar) -> (reason: String, location: SourceLocation?)? {
        if let holiday = calendar.holidays.first(where: { $0.date.value == date }) {
            return ("\(holiday.name) (\(date))", holiday.date.location)
        }
        if calendar.weekend.contains(date.weekday) { return ("a weekend day (\(date), \(date.weekday))", nil) }
        return nil
    }
}
