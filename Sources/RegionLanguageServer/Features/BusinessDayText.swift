import Foundation
import GatewayConfig
import RegionCompiler

/// Whether a date is a business day in the calendars a region's payouts follow, as the schedule
/// check judges a step's date (`ScheduleCalendarCheck.closure`), with the holiday named.
enum BusinessDayText {
    /// `date` (already local to the region, `local` says how it was found) in `region`'s calendars.
    static func status(of date: CalendarDate, localNote: String?, region: RegionDescriptor,
                       calendars resolution: CalendarResolution) -> String? {
        guard let code = region.region?.value else { return nil }
        let markets = resolution.markets[code] ?? []
        var lines = ["**\(date)** (\(date.weekday))\(localNote.map { ", \($0)" } ?? ""): in \(code)'s settlement calendars"]
        if markets.isEmpty { lines.append("- no banking calendar is followed") }
        for market in markets {
            guard let calendar = resolution.calendars[market] else { continue }
            let status: String
            if let through = calendar.through, date > through {
                status = "unknown: after the calendar's horizon (\(through))"
            } else if let from = calendar.from, date < from {
                status = "unknown: before the calendar's first year (\(from))"
            } else if let closed = ScheduleCalendarCheck.closure(of: date, in: calendar) {
                status = "not a business day: \(closed.reason)"
            } else if let half = calendar.halfDays.first(where: { $0.date.value == date }) {
                status = "a half day (cutoff \(half.cutoff)): \(half.name)"
            } else {
                status = "a business day"
            }
            lines.append("- \(market) (\(calendar.source)\(calendar.unsourced ? ", unsourced" : "")): \(status)")
        }
        return lines.joined(separator: "\n")
    }

    /// The same for an instant, on its local date in the region's time zone.
    static func status(of instant: Instant, region: RegionDescriptor, calendars: CalendarResolution) -> String? {
        guard let zoneName = region.timezone?.value, let zone = TimeZoneCatalog.zone(zoneName) else { return nil }
        let local = instant.local(in: zone)
        return status(of: local.date, localNote: "\(local.time) in \(zoneName)", region: region, calendars: calendars)
    }
}
