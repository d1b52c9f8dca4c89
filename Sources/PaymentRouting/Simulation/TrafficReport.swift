import GatewayConfig

/// What replaying a traffic file through OLD and NEW found: counts, the changed decisions in
/// groups (breaking ones first, then those that route money, then decline-reason changes, the
/// largest first in each), bad lines by number, and drift between a decision log and OLD.
package struct TrafficReport: Sendable {
    package struct MalformedLine: Sendable, Equatable {
        package var line: Int
        package var message: String
    }

    /// Changed checkouts of one (region, method, currency, before, after).
    package struct Group: Sendable, Equatable {
        package var region: String
        package var method: String
        package var currency: CurrencyCode
        package var before: DecisionOutcome
        package var after: DecisionOutcome
        package var count: Int
        /// Distinct merchants; an estimate (about 1.6% error) when `merchantsEstimated`.
        package var merchants: Int
        package var merchantsEstimated: Bool
        /// Summed amounts in minor units of `currency`.
        package var amountMinorUnits: Int128
        /// Up to three line numbers, ascending.
        package var examples: [Int]

        /// Routed before, declined after: payments that work today would stop.
        package var breaking: Bool { DecisionOutcome.breaks(before, after) }
    }

    package var retiming: Retiming
    /// Lines read, blank and malformed ones included.
    package var lines: Int
    package var blank: Int
    /// The first blank lines' numbers (at most 100).
    package var blankLines: [Int]
    package var malformed: Int
    /// The first malformed lines (at most 100).
    package var malformedLines: [MalformedLine]
    /// Checkouts decided on both sides.
    package var decided: Int
    package var changed: Int
    /// Changed checkouts that were routed and are now declined.
    package var breaking: Int
    /// Every breaking group, then the first `groupLimit` others.
    package var groups: [Group]
    /// Changed checkouts past the group limit, counted in `changed` but in no group.
    package var ungrouped: Int
    /// The distinct groups those checkouts fall in; an estimate (about 1.6% error) when
    /// `ungroupedGroupsEstimated`.
    package var ungroupedGroups: Int
    package var ungroupedGroupsEstimated: Bool
    /// Decision-log lines whose logged decision was compared with OLD, and how many differ.
    package var logged: Int
    package var drifted: Int
    /// The first differing lines' numbers (at most 100).
    package var driftLines: [Int]
    /// Logged lines by the config digest they name ("" for none), most lines first; at most 16,
    /// the rest counted in `otherDigests`.
    package var configDigests: [(digest: String, lines: Int)]
    package var otherDigests: Int
    /// SHA-256 (hex) of OLD's artifact, when known: the digest a log written by OLD names.
    package var oldDigest: String?
    /// The acquirers replayed as down on both sides (`--down`), sorted.
    package var down: [String]
    /// Checkouts declined for unavailable acquirers, or failed over, on each side.
    package var outage: OutageTally

    init(_ tally: TrafficTally, retiming: Retiming, oldDigest: String?, down: [String]) {
        self.retiming = retiming
        self.oldDigest = oldDigest
        self.down = down
        outage = tally.outage
        configDigests = tally.configDigests.map { (digest: $0.key, lines: $0.value) }
            .sorted { ($1.lines, $0.digest) < ($0.lines, $1.digest) }
        otherDigests = tally.otherDigests
        lines = tally.lines
        blank = tally.blank
        blankLines = tally.blankLines
        malformed = tally.malformed
        malformedLines = tally.malformedLines
        decided = tally.decided
        changed = tally.changed
        breaking = tally.breaking
        ungrouped = tally.ungrouped
        ungroupedGroups = tally.ungroupedGroups.count
        ungroupedGroupsEstimated = tally.ungroupedGroups.isEstimate
        logged = tally.logged
        drifted = tally.drifted
        driftLines = tally.driftLines
        groups = tally.groups.map { key, stats in
            Group(region: key.region, method: key.method, currency: key.currency, before: key.before, after: key.after,
                  count: stats.count, merchants: stats.merchants.count, merchantsEstimated: stats.merchants.isEstimate,
                  amountMinorUnits: stats.amount, examples: stats.examples)
        }
        // Breaking first, then changes that route or reroute money, then changes of decline
        // reason only; the largest first within each.
        func rank(_ group: Group) -> Int { group.breaking ? 0 : (group.before.isRouted || group.after.isRouted ? 1 : 2) }
        groups.sort { a, b in
            if rank(a) != rank(b) { return rank(a) < rank(b) }
            if a.count != b.count { return a.count > b.count }
            return (a.region, a.method, a.currency.rawValue, a.before.label, a.after.label)
                < (b.region, b.method, b.currency.rawValue, b.before.label, b.after.label)
        }
    }

    /// Groups of changed checkouts, listed or not: `~` before an estimate.
    package var groupTotal: String {
        (ungroupedGroupsEstimated ? "~" : "") + TrafficFormatting.grouped(groups.count + ungroupedGroups)
    }

    /// Share of decided checkouts that changed, 0 ... 1.
    package var changedShare: Double { decided == 0 ? 0 : Double(changed) / Double(decided) }

    /// For CI: 0 nothing changes, 3 decisions change, 4 a checkout that was routed is now declined.
    package var exitStatus: Int32 { breaking > 0 ? 4 : (changed > 0 ? 3 : 0) }
}
