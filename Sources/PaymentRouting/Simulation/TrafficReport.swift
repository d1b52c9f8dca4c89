import GatewayConfig

/// What replaying a traffic file through OLD and NEW found: counts, the changed decisions in
/// groups (breaking ones first, then those that route money, then decline-reason changes, the
/// largest first in each), bad lines by number, and drift between a decision log and OLD.
public struct TrafficReport: Sendable {
    public struct MalformedLine: Sendable, Equatable {
        public var line: Int
        public var message: String
    }

    /// Changed checkouts of one (region, method, currency, before, after).
    public struct Group: Sendable, Equatable {
        public var region: String
        public var method: String
        public var currency: CurrencyCode
        public var before: DecisionOutcome
        public var after: DecisionOutcome
        public var count: Int
        /// Distinct merchants; an estimate (about 1.6% error) when `merchantsEstimated`.
        public var merchants: Int
        public var merchantsEstimated: Bool
        /// Summed amounts in minor units of `currency`.
        public var amountMinorUnits: Int128
        /// Up to three line numbers, ascending.
        public var examples: [Int]

        /// Routed before, declined after: payments that work today would stop.
        public var breaking: Bool { before.isRouted && !after.isRouted }
    }

    public var retiming: Retiming
    /// Lines read, blank and malformed ones included.
    public var lines: Int
    public var blank: Int
    /// The first blank lines' numbers (at most 100).
    public var blankLines: [Int]
    public var malformed: Int
    /// The first malformed lines (at most 100).
    public var malformedLines: [MalformedLine]
    /// Checkouts decided on both sides.
    public var decided: Int
    public var changed: Int
    /// Changed checkouts that were routed and are now declined.
    public var breaking: Int
    public var groups: [Group]
    /// Changed checkouts past the group limit, counted in `changed` but in no group.
    public var ungrouped: Int
    /// Decision-log lines whose logged decision was compared with OLD, and how many differ.
    public var logged: Int
    public var drifted: Int
    /// The first differing lines' numbers (at most 100).
    public var driftLines: [Int]
    /// Logged lines by the config digest they name ("" for none), most lines first; at most 16,
    /// the rest counted in `otherDigests`.
    public var configDigests: [(digest: String, lines: Int)]
    public var otherDigests: Int
    /// SHA-256 (hex) of OLD's artifact, when known: the digest a log written by OLD names.
    public var oldDigest: String?

    init(_ tally: TrafficTally, retiming: Retiming, oldDigest: String?) {
        self.retiming = retiming
        self.oldDigest = oldDigest
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

    /// Share of decided checkouts that changed, 0 ... 1.
    public var changedShare: Double { decided == 0 ? 0 : Double(changed) / Double(decided) }

    /// For CI: 0 nothing changes, 3 decisions change, 4 a checkout that was routed is now declined.
    public var exitStatus: Int32 { breaking > 0 ? 4 : (changed > 0 ? 3 : 0) }
}
