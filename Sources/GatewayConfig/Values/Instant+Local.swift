import Foundation

extension Instant {
    /// The local date and time of day of the instant in `zone` (DST included), for findings and
    /// tools that speak the region's time: a step at 10:00 Hong Kong time, on a holiday or not.
    package func local(in zone: TimeZone) -> (date: CalendarDate, time: LocalTime) {
        let offset = Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(secondsSinceEpoch))))
        let local = secondsSinceEpoch + offset
        // Instants are parsed within years 1...9999: neither sum nor division can overflow.
        let day = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let second = Int(local - day * 86_400)
        return (CalendarDate(clampingDaysSinceEpoch: Int(day)), LocalTime(minuteOfSecond: second))
    }
}
