import GatewayConfig

/// A region descriptor as read, defaults applied, every value with its position.
/// Fields are nil when absent or when reading them already produced a diagnostic.
package struct RegionDescriptor: Sendable {
    package var file: SourceFile
    package var rootLocation: SourceLocation
    package var region: Located<RegionCode>?
    package var name: Located<String>?
    package var timezone: Located<String>?
    package var weekend: Located<[Weekday]>?
    package var holidays: [Located<CalendarDate>] = []
    /// Where `holidays` is written (its key), for findings about the region's own lists.
    package var holidaysLocation: SourceLocation?
    package var availability: Availability?
    package var presentment: [Located<CurrencyCode>] = []
    package var settlementCurrency: Located<CurrencyCode>?
    package var schedule: Located<SettlementSchedule>?
    package var cutoff: Located<LocalTime>?
    package var minimumPayout: Located<Money>?
    /// `settlement.calendars`: nil when not written (the default applies).
    package var settlementCalendars: [Located<RegionCode>]?
    package var limits: Limits?
    package var methods: [Method] = []
    package var routes: [Route] = []
    /// defaults.yaml's change freezes, then the region's own.
    package var changeFreezes: [ChangeFreeze] = []
    /// The local hours scheduled steps should fall in (`business_hours`); nil: the default.
    package var businessHours: BusinessHours?

    package init(file: SourceFile, rootLocation: SourceLocation) {
        self.file = file
        self.rootLocation = rootLocation
    }

    package struct Availability: Sendable {
        package var keyLocation: SourceLocation
        package var status: Located<AvailabilityStatus>?
        package var from: Located<Instant>?
        package var until: Located<Instant>?
        package var rollout: Rollout?
        package var blackouts: [Blackout] = []
        /// `schedule`: each step with the phase it starts (the steps before it applied).
        package var schedule: [Step] = []
    }

    /// One scheduled step of a region's availability, and the phase it starts.
    package struct Step: Sendable {
        /// The step's item in the list.
        package var location: SourceLocation
        package var at: Located<Instant>?
        /// The keys the step writes (`status`, `rollout`, `blackouts`), with where each is written.
        package var changes: [String: SourceLocation]
        /// The availability from `at` on: the step merged over the phase before it. Its `from`,
        /// `until` and `schedule` are the region's.
        package var phase: Availability
        /// Every position inside the step's item: a finding on the phase that points at one of
        /// them is the step's own; any other was inherited, and is reported at the step.
        package var ownLocations: Set<SourceLocation>
    }

    /// A change freeze: a window, read as a blackout is.
    package typealias ChangeFreeze = Window

    package struct BusinessHours: Sendable {
        package var location: SourceLocation
        package var from: LocalTime
        package var until: LocalTime
    }

    package struct Rollout: Sendable {
        package var keyLocation: SourceLocation
        package var percent: Located<Int>?
        package var allow: [Located<String>] = []
        package var deny: [Located<String>] = []
    }

    /// A half-open window `{ from, until, reason }`: a blackout, or a change freeze.
    package struct Window: Sendable {
        package var location: SourceLocation
        package var from: Located<Instant>?
        package var until: Located<Instant>?
        package var reason: String?
    }

    package typealias Blackout = Window

    package struct Limits: Sendable {
        package var keyLocation: SourceLocation
        package var ranges: [Range] = []
    }

    /// A per-payment range; `min` and `max`, when both present, are in the same currency.
    package struct Range: Sendable {
        package var location: SourceLocation
        package var min: Located<Money>?
        package var max: Located<Money>?

        package var currency: CurrencyCode? { min?.value.currency ?? max?.value.currency }
        /// Where to point at the range as a whole: its first amount.
        package var firstAmountLocation: SourceLocation { min?.location ?? max?.location ?? location }
    }

    package struct Method: Sendable {
        package var location: SourceLocation
        package var method: Located<String>?
        /// nil: all presentment currencies.
        package var currencies: [Located<CurrencyCode>]?
        package var limits: Limits?
        package var availability: MethodAvailability?
    }

    package struct MethodAvailability: Sendable {
        package var keyLocation: SourceLocation
        package var status: Located<AvailabilityStatus>?
        package var from: Located<Instant>?
        package var until: Located<Instant>?
        /// `schedule`: the method's status from each step's `at` on.
        package var schedule: [MethodStep] = []
    }

    package struct MethodStep: Sendable {
        package var location: SourceLocation
        package var at: Located<Instant>?
        package var status: Located<AvailabilityStatus>?
    }

    package struct Route: Sendable {
        package var location: SourceLocation
        package var name: Located<String>?
        package var hasMatch = false
        /// nil: any method.
        package var methods: [Located<String>]?
        /// nil: any currency.
        package var currencies: [Located<CurrencyCode>]?
        package var acquirer: Located<String>?
        /// `fallback`: the acquirers to try, in order, when `acquirer` is disabled or ejected; repeats
        /// are kept (RouteCheck reports them). nil: none written.
        package var fallback: [Located<String>]?
        package var enabled = true
        /// False when the `match` could not be read: reachability is then not judged, to avoid noise.
        package var matchIsReadable = true

        /// The primary, then each fallback, as written (ids that could not be read are left out).
        package var candidates: [Located<String>] { (acquirer.map { [$0] } ?? []) + (fallback ?? []) }
    }
}

extension RegionDescriptor {
    /// The currencies a method offers: its own list, or every presentment currency.
    package func currencies(of method: Method) -> [CurrencyCode] {
        method.currencies.map { $0.map(\.value) } ?? presentment.map(\.value)
    }
}
