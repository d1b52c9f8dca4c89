import GatewayConfig

/// A region descriptor as read, defaults applied, every value with its position.
/// Fields are nil when absent or when reading them already produced a diagnostic.
public struct RegionDescriptor: Sendable {
    public var file: SourceFile
    public var rootLocation: SourceLocation
    public var region: Located<RegionCode>?
    public var name: Located<String>?
    public var timezone: Located<String>?
    public var weekend: Located<[Weekday]>?
    public var holidays: [Located<CalendarDate>] = []
    /// Where `holidays` is written (its key), for findings about the region's own lists.
    public var holidaysLocation: SourceLocation?
    public var availability: Availability?
    public var presentment: [Located<CurrencyCode>] = []
    public var settlementCurrency: Located<CurrencyCode>?
    public var schedule: Located<SettlementSchedule>?
    public var cutoff: Located<LocalTime>?
    public var minimumPayout: Located<Money>?
    /// `settlement.calendars`: nil when not written (the default applies).
    public var settlementCalendars: [Located<RegionCode>]?
    public var limits: Limits?
    public var methods: [Method] = []
    public var routes: [Route] = []

    public init(file: SourceFile, rootLocation: SourceLocation) {
        self.file = file
        self.rootLocation = rootLocation
    }

    public struct Availability: Sendable {
        public var keyLocation: SourceLocation
        public var status: Located<AvailabilityStatus>?
        public var from: Located<Instant>?
        public var until: Located<Instant>?
        public var rollout: Rollout?
        public var blackouts: [Blackout] = []
    }

    public struct Rollout: Sendable {
        public var keyLocation: SourceLocation
        public var percent: Located<Int>?
        public var allow: [Located<String>] = []
        public var deny: [Located<String>] = []
    }

    public struct Blackout: Sendable {
        public var location: SourceLocation
        public var from: Located<Instant>?
        public var until: Located<Instant>?
        public var reason: String?
    }

    public struct Limits: Sendable {
        public var keyLocation: SourceLocation
        public var ranges: [Range] = []
    }

    /// A per-payment range; `min` and `max`, when both present, are in the same currency.
    public struct Range: Sendable {
        public var location: SourceLocation
        public var min: Located<Money>?
        public var max: Located<Money>?

        public var currency: CurrencyCode? { min?.value.currency ?? max?.value.currency }
        /// Where to point at the range as a whole: its first amount.
        public var firstAmountLocation: SourceLocation { min?.location ?? max?.location ?? location }
    }

    public struct Method: Sendable {
        public var location: SourceLocation
        public var method: Located<String>?
        /// nil: all presentment currencies.
        public var currencies: [Located<CurrencyCode>]?
        public var limits: Limits?
        public var availability: MethodAvailability?
    }

    public struct MethodAvailability: Sendable {
        public var keyLocation: SourceLocation
        public var status: Located<AvailabilityStatus>?
        public var from: Located<Instant>?
        public var until: Located<Instant>?
    }

    public struct Route: Sendable {
        public var location: SourceLocation
        public var name: Located<String>?
        public var hasMatch = false
        /// nil: any method.
        public var methods: [Located<String>]?
        /// nil: any currency.
        public var currencies: [Located<CurrencyCode>]?
        public var acquirer: Located<String>?
        public var enabled = true
        /// False when the `match` could not be read: reachability is then not judged, to avoid noise.
        public var matchIsReadable = true
    }
}

extension RegionDescriptor {
    /// The currencies a method offers: its own list, or every presentment currency.
    public func currencies(of method: Method) -> [CurrencyCode] {
        method.currencies.map { $0.map(\.value) } ?? presentment.map(\.value)
    }
}
