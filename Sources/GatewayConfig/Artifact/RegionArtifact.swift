/// One region, fully resolved: defaults applied, money in minor units, instants in UTC.
public struct RegionArtifact: Sendable, Hashable, Codable {
    public var region: RegionCode
    public var name: String
    public var source: String
    public var timezone: String
    /// The region's own `weekend` and `holidays`, added to its calendars; absent when it lists none
    /// or when they stand in for its market's missing calendar file (then they are that calendar).
    public var weekend: [Weekday]?
    public var holidays: [CalendarDate]?
    public var availability: AvailabilityArtifact
    public var currencies: CurrenciesArtifact
    public var settlement: SettlementArtifact
    public var limits: LimitsArtifact?
    public var paymentMethods: [MethodArtifact]
    public var routes: [RouteArtifact]

    public init(region: RegionCode, name: String, source: String, timezone: String, weekend: [Weekday]?,
                holidays: [CalendarDate]?, availability: AvailabilityArtifact, currencies: CurrenciesArtifact,
                settlement: SettlementArtifact, limits: LimitsArtifact?, paymentMethods: [MethodArtifact],
                routes: [RouteArtifact]) {
        self.region = region
        self.name = name
        self.source = source
        self.timezone = timezone
        self.weekend = weekend
        self.holidays = holidays
        self.availability = availability
        self.currencies = currencies
        self.settlement = settlement
        self.limits = limits
        self.paymentMethods = paymentMethods
        self.routes = routes
    }

    enum CodingKeys: String, CodingKey {
        case region, name, source, timezone, weekend, holidays, availability, currencies, settlement, limits, routes
        case paymentMethods = "payment_methods"
    }
}

public struct AvailabilityArtifact: Sendable, Hashable, Codable {
    public var status: AvailabilityStatus
    public var from: Instant?
    public var until: Instant?
    public var rollout: RolloutArtifact?
    public var blackouts: [BlackoutArtifact]?

    public init(status: AvailabilityStatus, from: Instant? = nil, until: Instant? = nil,
                rollout: RolloutArtifact? = nil, blackouts: [BlackoutArtifact]? = nil) {
        self.status = status
        self.from = from
        self.until = until
        self.rollout = rollout
        self.blackouts = blackouts
    }
}

public struct RolloutArtifact: Sendable, Hashable, Codable {
    public var percent: Int
    public var allow: [String]
    public var deny: [String]

    public init(percent: Int, allow: [String], deny: [String]) {
        self.percent = percent
        self.allow = allow
        self.deny = deny
    }
}

public struct BlackoutArtifact: Sendable, Hashable, Codable {
    public var from: Instant
    public var until: Instant
    public var reason: String?

    public init(from: Instant, until: Instant, reason: String?) {
        self.from = from
        self.until = until
        self.reason = reason
    }
}

public struct CurrenciesArtifact: Sendable, Hashable, Codable {
    public var presentment: [CurrencyCode]
    public var settlement: CurrencyCode

    public init(presentment: [CurrencyCode], settlement: CurrencyCode) {
        self.presentment = presentment
        self.settlement = settlement
    }
}

public struct SettlementArtifact: Sendable, Hashable, Codable {
    public var schedule: String
    public var businessDays: Int
    public var cutoff: LocalTime
    public var minimumPayout: MoneyArtifact?
    /// The markets whose calendars payouts follow (keys of the artifact's `calendars`): a payout
    /// day is a business day in every one of them.
    public var calendars: [RegionCode]

    public init(schedule: SettlementSchedule, cutoff: LocalTime, minimumPayout: MoneyArtifact?, calendars: [RegionCode]) {
        self.schedule = schedule.description
        self.businessDays = schedule.businessDays
        self.cutoff = cutoff
        self.minimumPayout = minimumPayout
        self.calendars = calendars
    }

    enum CodingKeys: String, CodingKey {
        case schedule, cutoff, calendars
        case businessDays = "business_days"
        case minimumPayout = "minimum_payout"
    }
}

/// Money as it is stored in the artifact: `amount` in minor units.
public struct MoneyArtifact: Sendable, Hashable, Codable {
    public var amount: Int64
    public var currency: CurrencyCode

    public init(_ money: Money) {
        amount = money.minorUnits
        currency = money.currency
    }

    public var money: Money { Money(minorUnits: amount, currency: currency) }
}

public struct LimitsArtifact: Sendable, Hashable, Codable {
    public var perPayment: [RangeArtifact]

    public init(perPayment: [RangeArtifact]) { self.perPayment = perPayment }

    enum CodingKeys: String, CodingKey { case perPayment = "per_payment" }
}

/// A per-payment range in one currency; `min` and `max` are minor units, at least one is present.
public struct RangeArtifact: Sendable, Hashable, Codable {
    public var currency: CurrencyCode
    public var min: Int64?
    public var max: Int64?

    public init(currency: CurrencyCode, min: Int64?, max: Int64?) {
        self.currency = currency
        self.min = min
        self.max = max
    }
}

public struct MethodArtifact: Sendable, Hashable, Codable {
    public var method: String
    public var currencies: [CurrencyCode]
    public var limits: LimitsArtifact?
    public var availability: MethodAvailabilityArtifact?

    public init(method: String, currencies: [CurrencyCode], limits: LimitsArtifact?,
                availability: MethodAvailabilityArtifact?) {
        self.method = method
        self.currencies = currencies
        self.limits = limits
        self.availability = availability
    }
}

public struct MethodAvailabilityArtifact: Sendable, Hashable, Codable {
    public var status: AvailabilityStatus
    public var from: Instant?
    public var until: Instant?

    public init(status: AvailabilityStatus, from: Instant?, until: Instant?) {
        self.status = status
        self.from = from
        self.until = until
    }
}

public struct RouteArtifact: Sendable, Hashable, Codable {
    public var name: String
    public var match: RouteMatchArtifact?
    public var acquirer: String

    public init(name: String, match: RouteMatchArtifact?, acquirer: String) {
        self.name = name
        self.match = match
        self.acquirer = acquirer
    }
}

public struct RouteMatchArtifact: Sendable, Hashable, Codable {
    public var methods: [String]?
    public var currencies: [CurrencyCode]?

    public init(methods: [String]?, currencies: [CurrencyCode]?) {
        self.methods = methods
        self.currencies = currencies
    }
}
