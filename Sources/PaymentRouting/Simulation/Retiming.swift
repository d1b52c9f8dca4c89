import GatewayConfig

/// When a replayed checkout is decided: as logged, every one at one instant, or each moved by
/// whole days.
package enum Retiming: Sendable, Equatable {
    case asLogged
    case at(Instant)
    /// Whole days, keeping each checkout's local time of day in its region's zone (see `ZoneShift`).
    case shift(days: Int)

    /// Days a shift may move: a hundred years either way.
    package static let maximumShiftDays = 36_500

    /// `--at TEXT`, by the runtime's own rule for a capture instant: one it would refuse (too
    /// late, too early, no offset) decides nothing.
    package static func at(parsing text: String) -> Result<Retiming, RequestError> {
        RequestParser.captureInstant(utf8: Array(text.utf8)[...]).map(Retiming.at)
    }
}

/// Moves instants by whole days in one zone, keeping the local time of day.
///
/// The rule, across a daylight-saving change: the local date moves by N days and the local
/// wall-clock time stays; the instant is that wall time in the zone on the new date. A wall
/// time that does not exist on the new date (inside a spring-forward gap) moves later by the
/// gap's length (02:30 becomes 03:30), and one that exists twice (inside a fall-back overlap)
/// takes the earlier instant. These are the choices of RFC 5545 and java.time's
/// `ZonedDateTime.plusDays`. In a zone without such changes it is N x 24 hours.
struct ZoneShift: Sendable {
    let offsets: UTCOffsetTable

    func shift(_ instant: Instant, days: Int) -> Instant {
        let seconds = instant.secondsSinceEpoch
        let local = seconds &+ offsets.offset(at: seconds)
        // |days| <= 36,500 and instants are years 0...9999: no overflow.
        let target = local + Int64(days) * 86_400
        return Instant(secondsSinceEpoch: Self.instant(ofLocal: target, offsets: offsets))
    }

    /// The instant of a local wall-clock time (seconds since the epoch, as if UTC), by the rule above.
    static func instant(ofLocal local: Int64, offsets: UTCOffsetTable) -> Int64 {
        // Offsets a day either side: a zone changes offset at most once within a day.
        let before = offsets.offset(at: local - 86_400 - 14 * 3600)
        let after = offsets.offset(at: local + 86_400 + 14 * 3600)
        let early = local - max(before, after)
        let late = local - min(before, after)
        let earlyFits = offsets.offset(at: early) == local - early
        let lateFits = offsets.offset(at: late) == local - late
        if earlyFits { return early }          // one fit, or the earlier of two (overlap)
        if lateFits { return late }
        // A gap: read the wall time with the offset in force before it, which lands after the gap.
        return local - before
    }
}
