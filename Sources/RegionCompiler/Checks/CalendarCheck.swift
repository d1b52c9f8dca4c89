import GatewayConfig

/// The settlement calendar must leave business days to settle on.
enum CalendarCheck: RegionCheck {
    static func run(_ region: RegionDescriptor, catalog: Catalog) -> [Diagnostic] {
        guard let weekend = region.weekend, JoinedWeekend(joining: [weekend.value]) == nil else { return [] }
        return [.error(.noBusinessDays, "`weekend` covers all seven days, so no payment could ever settle",
                       at: weekend.location, hint: "list only the days banks are closed, e.g. [sat, sun]")]
    }
}
