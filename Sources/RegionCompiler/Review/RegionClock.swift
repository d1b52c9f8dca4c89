import Foundation
import GatewayConfig

/// An instant on a region's wall clock: launches are planned in local days and hours, so `report`
/// and `timeline` show a step's local date, time and UTC offset beside its UTC instant.
package struct RegionClock: Sendable, Equatable {
    package var date: CalendarDate
    package var time: LocalTime
    /// `+08:00`, `-05:00`.
    package var offset: String

    /// The wall clock of `zone` at `instant` (`Instant.local(in:)`); UTC when the zone is unknown
    /// (the artifact reader refuses such a zone, so only an unchecked artifact gets here).
    package init(_ instant: Instant, zone: String) {
        let timeZone = TimeZoneCatalog.zone(zone) ?? TimeZone(secondsFromGMT: 0) ?? .gmt
        (date, time) = instant.local(in: timeZone)
        let seconds = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant.secondsSinceEpoch)))
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        offset = "\(seconds < 0 ? "-" : "+")\(two(abs(seconds) / 3600)):\(two(abs(seconds) / 60 % 60))"
    }

    /// `Mon 2027-01-11 10:00 +08:00`.
    package var description: String {
        "\(date.weekday.rawValue.prefix(1).uppercased())\(date.weekday.rawValue.dropFirst()) \(date) \(time) \(offset)"
    }

    /// `2027-01-11T10:00+08:00`.
    package var rfc3339Minute: String { "\(date)T\(time)\(offset)" }
}
