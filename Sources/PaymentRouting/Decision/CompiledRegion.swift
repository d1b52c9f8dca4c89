import GatewayConfig

/// A half-open window [from, until) in seconds since the epoch; absent ends are unbounded.
struct Window: Sendable {
    var from: Int64 = .min
    var until: Int64 = .max

    init(from: Instant?, until: Instant?) {
        self.from = from?.secondsSinceEpoch ?? .min
        self.until = until?.secondsSinceEpoch ?? .max
    }

    func contains(_ instant: Instant) -> Bool {
        instant.secondsSinceEpoch >= from && instant.secondsSinceEpoch < until
    }
}

/// A per-payment range in minor units; absent ends are unbounded.
struct AmountRange: Sendable {
    var min: Int64 = .min
    var max: Int64 = .max
}

/// One region prepared for deciding: everything looked up by value, nothing parsed.
struct CompiledRegion: Sendable {
    struct Method: Sendable {
        var id: String
        /// Position in the region's method list: routes match by index.
        var index: Int
        var status: AvailabilityStatus?
        var window: Window
        var currencies: [CurrencyCode]
        var limits: [CurrencyCode: AmountRange]
        var walletCurrency: CurrencyCode
    }

    struct Route: Sendable {
        var name: String
        var acquirer: String
        /// nil: any method. Otherwise indexed by `Method.index`.
        var methods: [Bool]?
        /// nil: any currency.
        var currencies: [CurrencyCode]?
    }

    var code: String
    var source: String
    var status: AvailabilityStatus
    var window: Window
    var blackouts: [Window]
    var rolloutPercent: Int
    var allow: Set<String>
    var deny: Set<String>
    var methods: [String: Method]
    var limits: [CurrencyCode: AmountRange]
    var routes: [Route]
    var settlementCurrency: CurrencyCode
    var calendar: BusinessCalendar
    var cutoffSecond: Int
    var businessDays: Int
}
