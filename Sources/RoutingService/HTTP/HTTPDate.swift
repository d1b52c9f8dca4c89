#if canImport(Glibc)
import Glibc
#endif

/// The `Date` header's text (RFC 9110's IMF-fixdate, `Fri, 04 Dec 2026 23:21:22 GMT`), made again
/// only when the second changes: one per connection, read on its event loop.
struct HTTPDate {
    private var second = -1
    private var text = ""

    private static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    mutating func now() -> String {
        var seconds = time(nil)
        guard Int(seconds) != second else { return text }
        second = Int(seconds)
        text = Self.format(&seconds)
        return text
    }

    static func format(_ seconds: inout time_t) -> String {
        var parts = tm()
        guard gmtime_r(&seconds, &parts) != nil,
              weekdays.indices.contains(Int(parts.tm_wday)), months.indices.contains(Int(parts.tm_mon)) else { return "" }
        return "\(weekdays[Int(parts.tm_wday)]), \(twoDigits(parts.tm_mday)) \(months[Int(parts.tm_mon)]) "
            + "\(1900 + Int(parts.tm_year)) \(twoDigits(parts.tm_hour)):\(twoDigits(parts.tm_min)):\(twoDigits(parts.tm_sec)) GMT"
    }

    private static func twoDigits(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
