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

/// A handful of values keyed by currency. A linear scan over a few entries beats hashing
/// a `String` on the hot path (currency codes are small inline strings, compared as bits).
struct CurrencyTable<Value: Sendable>: Sendable {
    private(set) var entries: [(currency: CurrencyCode, value: Value)] = []

    subscript(currency: CurrencyCode) -> Value? {
        get {
            for entry in entries where entry.currency == currency { return entry.value }
            return nil
        }
        set {
            entries.removeAll { $0.currency == currency }
            if let newValue { entries.append((currency, newValue)) }
        }
    }
}

/// One region prepared for deciding. A class with constant fields: a decision takes a reference
/// (one retain) rather than copying dozens of fields, which dominated the hot path.
final class CompiledRegion: Sendable {
    /// What a region offers in one phase of its schedule: the base, or from a step's instant on.
    /// A class with constant fields: picking it at a decision takes one reference.
    final class Phase: Sendable {
        /// Seconds since the epoch the phase starts at; `.min` for the base.
        let start: Int64
        /// The step that starts it (`availability.schedule[stepIndex]`); nil for the base.
        let stepIndex: Int?
        let status: AvailabilityStatus
        let blackouts: [Window]
        let rolloutPercent: Int
        let allow: Set<String>
        let deny: Set<String>

        init(start: Int64, stepIndex: Int?, status: AvailabilityStatus, blackouts: [Window], rolloutPercent: Int,
             allow: Set<String>, deny: Set<String>) {
            self.start = start
            self.stepIndex = stepIndex
            self.status = status
            self.blackouts = blackouts
            self.rolloutPercent = rolloutPercent
            self.allow = allow
            self.deny = deny
        }
    }

    final class Method: Sendable {
        let id: String
        /// Position in the region's method list: routes match by index.
        let index: Int
        /// The method's own status before its first step; nil: it follows its region.
        let status: AvailabilityStatus?
        /// The method's own steps, in time order: the status from `start` on.
        let laterStatuses: [(start: Int64, status: AvailabilityStatus)]
        /// The index in `routes` of the first route that takes this method in each currency; a
        /// currency without one has no route (only a hand-edited artifact).
        let routeIndex: CurrencyTable<Int>
        let window: Window
        let currencies: [CurrencyCode]
        let limits: CurrencyTable<AmountRange>
        let walletCurrency: CurrencyCode

        init(id: String, index: Int, status: AvailabilityStatus?, laterStatuses: [(start: Int64, status: AvailabilityStatus)],
             routeIndex: CurrencyTable<Int>, window: Window, currencies: [CurrencyCode],
             limits: CurrencyTable<AmountRange>, walletCurrency: CurrencyCode) {
            self.id = id
            self.index = index
            self.status = status
            self.laterStatuses = laterStatuses
            self.routeIndex = routeIndex
            self.window = window
            self.currencies = currencies
            self.limits = limits
            self.walletCurrency = walletCurrency
        }

        /// The method's own status at `second` (nil: it follows its region), and the index of the
        /// step that set it (nil: the base).
        @inline(__always)
        func status(at second: Int64) -> (status: AvailabilityStatus?, stepIndex: Int?) {
            guard let index = laterStatuses.lastIndex(where: { $0.start <= second }) else { return (status, nil) }
            return (laterStatuses[index].status, index)
        }
    }

    /// A route with its acquirers. A class with constant fields: a decision takes it with one
    /// reference rather than copying (and retaining) its arrays.
    final class Route: Sendable {
        let name: String
        /// Where the route is in its file, for `explain`.
        let index: Int
        /// The primary, then the fallbacks, in order (at most 64: `RouteCandidatesRule`).
        let candidates: [Candidate]
        /// The candidates' ids, shared by the `fallbacks` of a decision with more than two.
        let ids: [String]

        init(name: String, index: Int, candidates: [Candidate]) {
            self.name = name
            self.index = index
            self.candidates = candidates
            ids = candidates.map(\.id)
        }
    }

    /// One acquirer a route may use: disabled by its release, or ejected by its health.
    struct Candidate: Sendable {
        let id: String
        let disabled: Bool
        /// Nil when the router has no tracker: then only `disabled` makes it unusable. Unmanaged,
        /// so that copying and asking a candidate on the hot path retains nothing: the router
        /// holds its tracker strongly (`CheckoutRouter.health`), and a tracker never lets go of an
        /// acquirer's health once made, so the reference outlives every router that holds it.
        let health: Unmanaged<AcquirerHealth>?

        init(id: String, disabled: Bool, health: AcquirerHealth?) {
            self.id = id
            self.disabled = disabled
            self.health = health.map { Unmanaged.passUnretained($0) }
        }

        /// Whether its health has it ejected at `second`; read without a retain.
        @inline(__always)
        func isEjected(at second: Int64) -> Bool {
            health?._withUnsafeGuaranteedRef { $0.isEjected(at: second) } ?? false
        }

        func ejectionEnd(at second: Int64) -> Int64? {
            health?._withUnsafeGuaranteedRef { $0.ejectionEnd(at: second) }
        }
    }

    let code: String
    let source: String
    let window: Window
    /// The base phase, then each step's, in time order (starts strictly increasing).
    let basePhase: Phase
    let laterPhases: [Phase]
    /// In descriptor order; `Method.index` is the position.
    let methods: [Method]
    let limits: CurrencyTable<AmountRange>
    let routes: [Route]
    let settlementCurrency: CurrencyCode
    let calendar: BusinessCalendar
    let cutoffSecond: Int
    let businessDays: Int

    init(code: String, source: String, window: Window, basePhase: Phase, laterPhases: [Phase], methods: [Method],
         limits: CurrencyTable<AmountRange>, routes: [Route],
         settlementCurrency: CurrencyCode, calendar: BusinessCalendar, cutoffSecond: Int, businessDays: Int) {
        self.code = code
        self.source = source
        self.window = window
        self.basePhase = basePhase
        self.laterPhases = laterPhases
        self.methods = methods
        self.limits = limits
        self.routes = routes
        self.settlementCurrency = settlementCurrency
        self.calendar = calendar
        self.cutoffSecond = cutoffSecond
        self.businessDays = businessDays
    }

    /// The phase in effect at `second`: the last to start at or before it. A backward scan over a
    /// few steps; a region without a schedule takes the base at once.
    @inline(__always)
    func phase(at second: Int64) -> Phase {
        laterPhases.last { $0.start <= second } ?? basePhase
    }

    /// Regions list a few methods: a scan of small strings is cheaper than hashing the id.
    func method(named id: String) -> Method? {
        for method in methods where method.id == id { return method }
        return nil
    }
}
