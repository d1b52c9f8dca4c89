import GatewayConfig

/// What a stretch of the traffic file did to the decisions. Each core tallies its part; parts
/// are merged in input order. Memory grows with the number of groups, never with the lines:
/// line numbers are kept as bounded samples and merchants by a `DistinctCounter`.
struct TrafficTally: Sendable {
    /// Line numbers kept per kind (malformed, blank, drift); the counts are always exact.
    static let sampleLimit = 100
    /// Example lines kept per group.
    static let examplesPerGroup = 3
    /// Groups kept besides the breaking ones; changes of any further (region, method, currency,
    /// before, after) are counted in `ungrouped` (only a file crafted to vary its methods or
    /// dates gets here). Breaking groups are always kept: they route on OLD, so OLD's config
    /// bounds how many there can be, whatever the file holds.
    static let groupLimit = 10_000
    /// A malformed line's message is cut to this many characters: it may quote the line.
    static let messageLimit = 160
    /// Distinct config digests counted; lines logged under any further one go to `otherDigests`.
    static let digestLimit = 16

    struct GroupKey: Sendable, Hashable {
        var region: String
        var method: String
        var currency: CurrencyCode
        var before: DecisionOutcome
        var after: DecisionOutcome

        var breaking: Bool { DecisionOutcome.breaks(before, after) }
        /// The key as one string, to count distinct groups past the limit.
        var text: String { "\(region)\u{0}\(method)\u{0}\(currency)\u{0}\(before.label)\u{0}\(after.label)" }
    }

    struct GroupStats: Sendable {
        var count = 0
        var merchants = DistinctCounter()
        /// Minor units of the key's currency; 128 bits, so no file can overflow the sum.
        var amount: Int128 = 0
        /// The smallest line numbers, ascending.
        var examples: [Int] = []

        mutating func merge(_ other: GroupStats) {
            count += other.count
            merchants.merge(other.merchants)
            amount += other.amount
            examples = Array((examples + other.examples).sorted().prefix(TrafficTally.examplesPerGroup))
        }
    }

    var lines = 0
    var blank = 0
    var blankLines: [Int] = []
    var malformed = 0
    var malformedLines: [TrafficReport.MalformedLine] = []
    var decided = 0
    var changed = 0
    var breaking = 0
    var logged = 0
    var drifted = 0
    var driftLines: [Int] = []
    /// Logged lines by the config digest they name ("" when they name none).
    var configDigests: [String: Int] = [:]
    var otherDigests = 0
    var groups: [GroupKey: GroupStats] = [:]
    /// Groups kept that are not breaking, at most `groupLimit`.
    var nonBreakingGroups = 0
    /// Changed checkouts in no kept group, and how many distinct groups they fall in.
    var ungrouped = 0
    var ungroupedGroups = DistinctCounter()
    /// Checkouts declined or failed over for unavailable acquirers, per side.
    var outage = OutageTally()

    mutating func recordBlank(line: Int) {
        blank += 1
        if blankLines.count < Self.sampleLimit { blankLines.append(line) }
    }

    mutating func recordMalformed(line: Int, message: String) {
        malformed += 1
        if malformedLines.count < Self.sampleLimit {
            let cut = message.count > Self.messageLimit ? String(message.prefix(Self.messageLimit)) + "…" : message
            malformedLines.append(TrafficReport.MalformedLine(line: line, message: cut))
        }
    }

    mutating func recordLogged(line: Int, agrees: Bool, configDigest: String?) {
        logged += 1
        let digest = configDigest.map { $0.count > 80 ? String($0.prefix(80)) + "…" : $0 } ?? ""
        if configDigests[digest] != nil || configDigests.count < Self.digestLimit {
            configDigests[digest, default: 0] += 1
        } else {
            otherDigests += 1
        }
        guard !agrees else { return }
        drifted += 1
        if driftLines.count < Self.sampleLimit { driftLines.append(line) }
    }

    mutating func record(line: Int, request: RouteRequest, old: RouteDecision, new: RouteDecision) {
        decided += 1
        outage.record(request: request, old: old, new: new)
        guard DecisionOutcome.differ(old, new) else { return }
        changed += 1
        let (before, after) = DecisionOutcome.pair(old, new)
        let key = GroupKey(region: request.region, method: request.method, currency: request.amount.currency,
                           before: before, after: after)
        if key.breaking { breaking += 1 }
        if groups[key] == nil {
            guard key.breaking || nonBreakingGroups < Self.groupLimit else {
                ungrouped += 1
                ungroupedGroups.insert(key.text)
                return
            }
            if !key.breaking { nonBreakingGroups += 1 }
        }
        groups[key, default: GroupStats()].add(line: line, merchant: request.merchant, amount: request.amount.minorUnits)
    }

    /// Adds a later part of the file.
    mutating func merge(_ other: TrafficTally) {
        lines += other.lines
        blank += other.blank
        blankLines = Array((blankLines + other.blankLines).prefix(Self.sampleLimit))
        malformed += other.malformed
        malformedLines = Array((malformedLines + other.malformedLines).prefix(Self.sampleLimit))
        decided += other.decided
        changed += other.changed
        breaking += other.breaking
        logged += other.logged
        drifted += other.drifted
        driftLines = Array((driftLines + other.driftLines).prefix(Self.sampleLimit))
        otherDigests += other.otherDigests
        for (digest, count) in other.configDigests {
            if configDigests[digest] != nil || configDigests.count < Self.digestLimit {
                configDigests[digest, default: 0] += count
            } else {
                otherDigests += count
            }
        }
        ungrouped += other.ungrouped
        ungroupedGroups.merge(other.ungroupedGroups)
        outage.merge(other.outage)
        var newcomers: [(key: GroupKey, stats: GroupStats)] = []
        for (key, stats) in other.groups {
            if groups[key] != nil {
                groups[key]?.merge(stats)
            } else if key.breaking {
                groups[key] = stats
            } else {
                newcomers.append((key, stats))
            }
        }
        // Past the limit the groups seen first are kept, whatever order the dictionary hashes to.
        if nonBreakingGroups + newcomers.count > Self.groupLimit {
            newcomers.sort { ($0.stats.examples.first ?? .max) < ($1.stats.examples.first ?? .max) }
        }
        for (key, stats) in newcomers {
            if nonBreakingGroups < Self.groupLimit {
                groups[key] = stats
                nonBreakingGroups += 1
            } else {
                ungrouped += stats.count
                ungroupedGroups.insert(key.text)
            }
        }
    }
}

extension TrafficTally.GroupStats {
    mutating func add(line: Int, merchant: String, amount: Int64) {
        count += 1
        merchants.insert(merchant)
        self.amount += Int128(amount)
        if examples.count < TrafficTally.examplesPerGroup { examples.append(line) }
    }
}
