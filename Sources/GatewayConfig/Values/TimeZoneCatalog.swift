import Foundation

/// IANA zone identifiers known to this machine's tz database, read once: the compiler's
/// `timezone` reader and the artifact reader accept the same names.
package enum TimeZoneCatalog {
    package static let identifiers: Set<String> = Set(TimeZone.knownTimeZoneIdentifiers)

    /// ICU's list lags the tz database (it has `Asia/Calcutta`, not `Asia/Kolkata`), so any
    /// `Area/City` name the tz data resolves to itself counts; offsets like `GMT+8` and
    /// abbreviations like `EST` do not, since they carry no daylight-saving rules.
    package static func isIANA(_ identifier: String) -> Bool {
        zone(identifier) != nil
    }

    /// The zone named `identifier`, or nil when it is not an IANA name (see `isIANA`).
    package static func zone(_ identifier: String) -> TimeZone? {
        // `UTC` is an IANA zone (a link to Etc/UTC) though not every platform lists it.
        if identifier == "UTC" { return TimeZone(identifier: identifier) }
        guard identifier.contains("/"), let zone = TimeZone(identifier: identifier) else { return nil }
        if identifiers.contains(identifier) { return zone }
        guard !identifier.hasPrefix("GMT"), zone.identifier == identifier else { return nil }
        return zone
    }
}
