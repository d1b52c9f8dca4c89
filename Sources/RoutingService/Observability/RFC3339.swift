import Foundation
import GatewayConfig

/// UTC timestamps as RFC 3339 text, written by `Instant` (the one formatter of instants), with
/// milliseconds added for log lines.
enum RFC3339 {
    static func seconds(_ date: Date) -> String { instant(date).description }

    static func milliseconds(_ date: Date) -> String {
        let millis = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        let seconds = millis >= 0 ? millis / 1000 : (millis - 999) / 1000
        let fraction = millis - seconds * 1000
        let text = Instant(secondsSinceEpoch: seconds).description
        let padded = fraction < 10 ? "00\(fraction)" : fraction < 100 ? "0\(fraction)" : "\(fraction)"
        return text.hasSuffix("Z") ? String(text.dropLast()) + ".\(padded)Z" : text
    }

    static func instant(_ date: Date) -> Instant {
        Instant(secondsSinceEpoch: Int64(date.timeIntervalSince1970.rounded(.down)))
    }
}
