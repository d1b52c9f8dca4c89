/// One family of cross-field rules over a decoded region. Checks never print; they return findings.
protocol RegionCheck: Sendable {
    static func run(_ region: RegionDescriptor, catalog: Catalog) -> [Diagnostic]
}

/// Every region check, in the order their findings are easiest to read.
enum RegionChecks {
    static let all: [any RegionCheck.Type] = [
        CalendarCheck.self,
        ReferenceCheck.self,
        CurrencyCheck.self,
        LimitCheck.self,
        WalletCapCheck.self,
        CashGranularityCheck.self,
        AvailabilityCheck.self,
        ScheduleCheck.self,
        RouteCheck.self,
        FailoverCheck.self,
    ]

    static func run(_ region: RegionDescriptor, catalog: Catalog) -> [Diagnostic] {
        all.flatMap { $0.run(region, catalog: catalog) }
    }
}
