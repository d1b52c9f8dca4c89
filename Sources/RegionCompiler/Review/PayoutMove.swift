/// A capture day whose payout date differs between OLD and NEW (a holiday added or moved, a calendar
/// followed or dropped, a cutoff or schedule changed). Computed by the runtime's calendars; data here.
package struct PayoutMove: Sendable, Equatable {
    package var region: String
    /// The capture's local date.
    package var capture: String
    /// nil: a capture before the cutoff; otherwise the cutoff it is at or after, e.g. `17:00`.
    package var fromCutoff: String?
    package var was: String
    package var now: String

    package init(region: String, capture: String, fromCutoff: String?, was: String, now: String) {
        self.region = region
        self.capture = capture
        self.fromCutoff = fromCutoff
        self.was = was
        self.now = now
    }

    /// `HK captures on 2027-02-05 now settle 2027-02-11, were 2027-02-09`.
    package var line: String {
        "\(region) captures on \(capture)\(fromCutoff.map { " from \($0)" } ?? "") now settle \(now), were \(was)"
    }
}
