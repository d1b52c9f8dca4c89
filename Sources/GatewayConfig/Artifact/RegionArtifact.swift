/// One region, fully resolved: defaults applied, money in minor units, instants in UTC.
package struct RegionArtifact: Sendable, Hashable, Codable {
    package var region: RegionCode
    package var name: String
    package var source: String
    package var timezone: String
    /// The region's own `weekend` and `holidays`, absent when it lists none. They add to its
    /// calendars, unless they stand in for its market's missing calendar file and its payouts
    /// follow that market: then they already are one (`SettlementCalendarRule`).
    package var weekend: [Weekday]?
    package var holidays: [CalendarDate]?
    package var availability: AvailabilityArtifact
    package var currencies: CurrenciesArtifact
    package var settlement: SettlementArtifact
    package var limits: LimitsArtifact?
    package var paymentMethods: [MethodArtifact]
    package var routes: [RouteArtifact]
    /// Windows in which no scheduled step takes effect and no release should change the region:
    /// defaults.yaml's, then the region's own, in time order; absent when there are none.
    package var changeFreezes: [ChangeFreezeArtifact]?

    package init(region: RegionCode, name: String, source: String, timezone: String, weekend: [Weekday]?,
                holidays: [CalendarDate]?, availability: AvailabilityArtifact, currencies: CurrenciesArtifact,
                settlement: SettlementArtifact, limits: LimitsArtifact?, paymentMethods: [MethodArtifact],
                routes: [RouteArtifact], changeFreezes: [ChangeFreezeArtifact]? = nil) {
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
        self.changeFreezes = changeFreezes
    }

    enum CodingKeys: String, CodingKey {
        case region, name, source, timezone, weekend, holidays, availability, currencies, settlement, limits, routes
        case paymentMethods = "payment_methods"
        case changeFreezes = "change_freezes"
    }
}

/// When a region takes payments: its status, window, rollout and blackouts, and the later phases
/// its schedule gives them.
package struct AvailabilityArtifact: Sendable, Hashable, Codable {
    package var status: AvailabilityStatus
    package var from: Instant?
    package var until: Instant?
    package var rollout: RolloutArtifact?
    package var blackouts: [BlackoutArtifact]?
    /// `availability.schedule`: each step's phase fully resolved (the steps before it applied), in
    /// time order, strictly inside [from, until); absent when there is no schedule.
    package var schedule: [AvailabilityStepArtifact]?

    package init(status: AvailabilityStatus, from: Instant? = nil, until: Instant? = nil,
                rollout: RolloutArtifact? = nil, blackouts: [BlackoutArtifact]? = nil,
                schedule: [AvailabilityStepArtifact]? = nil) {
        self.status = status
        self.from = from
        self.until = until
        self.rollout = rollout
        self.blackouts = blackouts
        self.schedule = schedule
    }
}

/// The phase a scheduled step starts at `at`: the region's status, rollout and blackouts from then
/// on, whole (not the change), so a reader needs no merge rule.
package struct AvailabilityStepArtifact: Sendable, Hashable, Codable {
    package var at: Instant
    package var status: AvailabilityStatus
    package var rollout: RolloutArtifact?
    package var blackouts: [BlackoutArtifact]?

    package init(at: Instant, status: AvailabilityStatus, rollout: RolloutArtifact? = nil, blackouts: [BlackoutArtifact]? = nil) {
        self.at = at
        self.status = status
        self.rollout = rollout
        self.blackouts = blackouts
    }
}

/// A window in which no scheduled step may take effect and no release should change the region.
package struct ChangeFreezeArtifact: Sendable, Hashable, Codable {
    package var from: Instant
    package var until: Instant
    package var reason: String?
    /// The file that declares it: `defaults.yaml` (every region) or the region's own.
    package var source: String

    package init(from: Instant, until: Instant, reason: String?, source: String) {
        self.from = from
        self.until = until
        self.reason = reason
        self.source = source
    }
}

/// A pilot's rollout: the percent of merchants in it, and the merchant ids always allowed or denied.
package struct RolloutArtifact: Sendable, Hashable, Codable {
    package var percent: Int
    package var allow: [String]
    package var deny: [String]

    package init(percent: Int, allow: [String], deny: [String]) {
        self.percent = percent
        self.allow = allow
        self.deny = deny
    }
}

package struct BlackoutArtifact: Sendable, Hashable, Codable {
    package var from: Instant
    package var until: Instant
    package var reason: String?

    package init(from: Instant, until: Instant, reason: String?) {
        self.from = from
        self.until = until
        self.reason = reason
    }
}

package struct CurrenciesArtifact: Sendable, Hashable, Codable {
    package var presentment: [CurrencyCode]
    package var settlement: CurrencyCode

    package init(presentment: [CurrencyCode], settlement: CurrencyCode) {
        self.presentment = presentment
        self.settlement = settlement
    }
}

package struct SettlementArtifact: Sendable, Hashable, Codable {
    package var schedule: String
    package var businessDays: Int
    package var cutoff: LocalTime
    package var minimumPayout: MoneyArtifact?
    /// The markets whose calendars payouts follow (keys of the artifact's `calendars`): a payout
    /// day is a business day in every one of them.
    package var calendars: [RegionCode]

    package init(schedule: SettlementSchedule, cutoff: LocalTime, minimumPayout: MoneyArtifact?, calendars: [RegionCode]) {
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

    /// Format 1 has no `calendars`: read as none (see `GatewayArtifact.init(from:)`).
    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        schedule = try container.decode(String.self, forKey: .schedule)
        businessDays = try container.decode(Int.self, forKey: .businessDays)
        cutoff = try container.decode(LocalTime.self, forKey: .cutoff)
        minimumPayout = try container.decodeIfPresent(MoneyArtifact.self, forKey: .minimumPayout)
        calendars = try container.decodeIfPresent([RegionCode].self, forKey: .calendars) ?? []
    }
}

/// Money as it is stored in the artifact: `amount` in minor units.
package struct MoneyArtifact: Sendable, Hashable, Codable {
    package var amount: Int64
    package var currency: CurrencyCode

    package init(_ money: Money) {
        amount = money.minorUnits
        currency = money.currency
    }

    package var money: Money { Money(minorUnits: amount, currency: currency) }
}

package struct LimitsArtifact: Sendable, Hashable, Codable {
    package var perPayment: [RangeArtifact]

    package init(perPayment: [RangeArtifact]) { self.perPayment = perPayment }

    enum CodingKeys: String, CodingKey { case perPayment = "per_payment" }
}

/// A per-payment range in one currency; `min` and `max` are minor units, at least one is present.
package struct RangeArtifact: Sendable, Hashable, Codable {
    package var currency: CurrencyCode
    package var min: Int64?
    package var max: Int64?

    package init(currency: CurrencyCode, min: Int64?, max: Int64?) {
        self.currency = currency
        self.min = min
        self.max = max
    }
}

package struct MethodArtifact: Sendable, Hashable, Codable {
    package var method: String
    package var currencies: [CurrencyCode]
    package var limits: LimitsArtifact?
    package var availability: MethodAvailabilityArtifact?

    package init(method: String, currencies: [CurrencyCode], limits: LimitsArtifact?,
                availability: MethodAvailabilityArtifact?) {
        self.method = method
        self.currencies = currencies
        self.limits = limits
        self.availability = availability
    }
}

package struct MethodAvailabilityArtifact: Sendable, Hashable, Codable {
    package var status: AvailabilityStatus
    package var from: Instant?
    package var until: Instant?
    /// The method's own `availability.schedule`: the status from each step's `at` on, in time order.
    package var schedule: [MethodStepArtifact]?

    package init(status: AvailabilityStatus, from: Instant?, until: Instant?, schedule: [MethodStepArtifact]? = nil) {
        self.status = status
        self.from = from
        self.until = until
        self.schedule = schedule
    }
}

package struct MethodStepArtifact: Sendable, Hashable, Codable {
    package var at: Instant
    package var status: AvailabilityStatus

    package init(at: Instant, status: AvailabilityStatus) {
        self.at = at
        self.status = status
    }
}

package struct RouteArtifact: Sendable, Hashable, Codable {
    package var name: String
    package var match: RouteMatchArtifact?
    package var acquirer: String
    /// The acquirers to fall back to, in order, when `acquirer` is disabled or ejected; absent: none.
    package var fallback: [String]?

    package init(name: String, match: RouteMatchArtifact?, acquirer: String, fallback: [String]? = nil) {
        self.name = name
        self.match = match
        self.acquirer = acquirer
        self.fallback = fallback
    }

    /// The primary, then each fallback: the order a decision tries them in.
    package var candidates: [String] { [acquirer] + (fallback ?? []) }
}

package struct RouteMatchArtifact: Sendable, Hashable, Codable {
    package var methods: [String]?
    package var currencies: [CurrencyCode]?

    package init(methods: [String]?, currencies: [CurrencyCode]?) {
        self.methods = methods
        self.currencies = currencies
    }
}
