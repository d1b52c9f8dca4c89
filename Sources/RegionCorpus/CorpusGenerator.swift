import GatewayConfig

/// Writes synthetic, valid region descriptors from a seed, deterministically, so the compiler
/// and runtime can be measured at scale. A regions directory holds at most one descriptor per
/// ISO 3166 code (249), so larger corpora are split into shards of whole regions directories.
public struct CorpusGenerator: Sendable {
    package var regionCount: Int
    package var methodCount: Int
    package var seed: UInt64

    public init(regionCount: Int, methodCount: Int = 500, seed: UInt64 = 1) {
        self.regionCount = max(1, regionCount)
        self.methodCount = max(5, methodCount)
        self.seed = seed
    }

    /// One regions directory's files: relative name -> text.
    public typealias Directory = [String: String]

    /// The shards, each a complete regions directory (catalog, defaults, up to 249 regions).
    public func generate() -> [Directory] {
        var random = SplitMix64(seed: seed)
        let codes = ISO3166.names.keys.sorted()
        let currencies = Self.currencies
        let catalog = catalogText(currencies: currencies)
        var shards: [Directory] = []
        var remaining = regionCount
        var shardIndex = 0
        while remaining > 0 {
            let count = min(remaining, codes.count)
            var directory: Directory = ["catalog.yaml": catalog, "defaults.yaml": Self.defaults]
            var shuffled = codes
            shuffled.shuffle(using: &random)
            for code in shuffled.prefix(count) {
                directory["\(code.lowercased()).yaml"] = region(code: code, shard: shardIndex, random: &random)
            }
            shards.append(directory)
            remaining -= count
            shardIndex += 1
        }
        return shards
    }

    /// Currencies with their minor units, spread across 0, 2 and 3 decimals.
    static let currencies = ["USD", "EUR", "HKD", "SGD", "KRW", "JPY", "INR", "IDR", "PHP", "MYR", "THB", "PKR", "BDT",
                             "BHD", "KWD", "CNY", "GBP", "AUD", "CAD", "CHF"].compactMap(CurrencyCode.init)

    static let zones = ["America/New_York", "America/Chicago", "America/Los_Angeles", "Europe/London", "Europe/Berlin",
                        "Asia/Hong_Kong", "Asia/Kolkata", "Asia/Seoul", "Asia/Jakarta", "Asia/Manila", "Asia/Dhaka",
                        "Asia/Karachi", "Asia/Bangkok", "Australia/Sydney", "Pacific/Auckland", "Asia/Kathmandu"]

    static let defaults = """
        # yaml-language-server: $schema=../schemas/defaults.schema.json
        weekend: [sat, sun]
        settlement:
          schedule: T+2
          cutoff: "17:00"
        availability:
          status: planned

        """

    func methodId(_ index: Int) -> String { "WALLET_\(index)" }

    /// Two acquirers per currency, each settling only that currency.
    func acquirerId(_ currency: CurrencyCode, _ index: Int) -> String { "acq-\(currency.rawValue.lowercased())-\(index)" }

    func catalogText(currencies: [CurrencyCode]) -> String {
        var lines = ["# yaml-language-server: $schema=../schemas/catalog.schema.json", "payment_methods:"]
        let codes = ISO3166.names.keys.sorted()
        for index in 0..<methodCount {
            let currency = currencies[index % currencies.count]
            lines.append("  \(methodId(index)): { name: Wallet \(index), wallet_region: \(codes[index % codes.count]), wallet_currency: \(currency) }")
        }
        lines.append("acquirers:")
        for currency in currencies {
            for index in 0..<2 {
                lines.append("  \(acquirerId(currency, index)): { name: Acquirer \(currency) \(index), region: SG, settlement_currencies: [\(currency)] }")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func region(code: String, shard: Int, random: inout SplitMix64) -> String {
        let currencies = Self.currencies
        let settlement = currencies[Int(random.next() % UInt64(currencies.count))]
        var presentment = [settlement]
        for _ in 0..<Int(random.next() % 4) {
            let extra = currencies[Int(random.next() % UInt64(currencies.count))]
            if !presentment.contains(extra) { presentment.append(extra) }
        }
        let statuses: [AvailabilityStatus] = [.planned, .pilot, .pilot, .live]
        let status = statuses[Int(random.next() % UInt64(statuses.count))]
        let zone = Self.zones[Int(random.next() % UInt64(Self.zones.count))]
        // Never more than the catalog holds: the loop below picks distinct methods.
        let methodTotal = min(methodCount, 5 + Int(random.next() % 26))
        var methods: [Int] = []
        while methods.count < methodTotal {
            let candidate = Int(random.next() % UInt64(methodCount))
            if !methods.contains(candidate) { methods.append(candidate) }
        }

        var lines = ["# yaml-language-server: $schema=../schemas/region.schema.json",
                     "region: \(code)", "name: Synthetic \(code) \(shard)", "timezone: \(zone)"]
        var holidays = Set<String>()
        for _ in 0..<(5 + Int(random.next() % 11)) {
            holidays.insert(CalendarDate(clampingDaysSinceEpoch: 20_454 + Int(random.next() % 730)).description)
        }
        lines.append("holidays: [\(holidays.sorted().joined(separator: ", "))]")
        lines.append("availability:")
        lines.append("  status: \(status.rawValue)")
        lines.append("  from: 2026-\(twoDigits(1 + Int(random.next() % 12)))-01T00:00:00+00:00")
        if status == .pilot {
            let allow = (0..<Int(random.next() % 5)).map { "m-\(code)-\($0)" }
            lines.append("  rollout: { percent: \(random.next() % 101), allow: [\(allow.joined(separator: ", "))], deny: [blocked-\(code)] }")
        }
        let blackoutCount = Int(random.next() % 4)
        if blackoutCount > 0 {
            lines.append("  blackouts:")
            for index in 0..<blackoutCount {
                let day = twoDigits(1 + index * 9)
                lines.append("    - { from: 2027-03-\(day)T01:00:00+00:00, until: 2027-03-\(day)T05:00:00+00:00, reason: maintenance \(index) }")
            }
        }
        lines.append("currencies:")
        lines.append("  presentment: [\(presentment.map(\.rawValue).joined(separator: ", "))]")
        lines.append("  settlement: \(settlement)")
        lines.append("settlement:")
        lines.append("  schedule: T+\(random.next() % 4)")
        lines.append("  minimum_payout: \(amount(100, settlement))")
        lines.append("limits:")
        lines.append("  per_payment:")
        for currency in presentment {
            lines.append("    - { min: \(amount(1, currency)), max: \(amount(50_000, currency)) }")
        }
        lines.append("payment_methods:")
        for method in methods {
            lines.append("  - method: \(methodId(method))")
        }
        // Specific (method, currency) routes first, each reachable because its pair is new, then a
        // catch-all that still receives the pairs no specific route took.
        let pairs = methods.flatMap { method in presentment.map { (method, $0) } }
        let specific = min(4 + Int(random.next() % 46), pairs.count - 1)
        var shuffledPairs = pairs
        shuffledPairs.shuffle(using: &random)
        lines.append("routes:")
        for (index, pair) in shuffledPairs.prefix(specific).enumerated() {
            lines.append("  - { name: r\(index), match: { methods: [\(methodId(pair.0))], currencies: [\(pair.1)] }, acquirer: \(acquirerId(settlement, index % 2)) }")
        }
        lines.append("  - { name: default, acquirer: \(acquirerId(settlement, 0)) }")
        return lines.joined(separator: "\n") + "\n"
    }

    func amount(_ units: Int, _ currency: CurrencyCode) -> String {
        currency.minorUnits == 0 ? "\(units * 100) \(currency)" : "\(units).\(String(repeating: "0", count: currency.minorUnits)) \(currency)"
    }

    func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}

/// A small, fast, seedable generator: the same seed gives the same corpus on every platform.
package struct SplitMix64: RandomNumberGenerator, Sendable {
    var state: UInt64

    package init(seed: UInt64) { state = seed }

    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
