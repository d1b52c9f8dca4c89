import GatewayConfig

/// Judges calendars against a date (`validate --as-of`, default today): the horizon of every calendar
/// a live or pilot region follows must reach 90 days past as-of and past the end of the region's
/// window; estimated dates close to as-of need their official announcement. The as-of date only
/// produces findings: it never enters the artifact.
enum HorizonCheck {
    static let horizonMarginDays = 90
    static let estimatedMarginDays = 60

    static func run(_ resolution: CalendarResolution, regions: [RegionDescriptor], asOf: CalendarDate) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var judgedEstimates = Set<RegionCode>()
        let soon = asOf.adding(days: horizonMarginDays)
        for region in regions {
            guard let code = region.region?.value, let status = region.availability?.status?.value,
                  status == .live || status == .pilot else { continue }
            let from = region.availability?.from.map { date(of: $0.value) }
            let until = region.availability?.until.map { date(of: $0.value) }
            // A window already over needs no calendar.
            if let until, until <= asOf { continue }
            let name = region.file.name
            for market in resolution.markets[code] ?? [] {
                guard let calendar = resolution.calendars[market] else { continue }
                let at = calendar.horizonLocation
                if let through = calendar.through {
                    if through < asOf, status == .live {
                        diagnostics.append(.error(
                            .calendarHorizonPassed,
                            "the \(market) calendar ends \(through), before \(asOf), and live region \(code) (\(name)) settles on it",
                            at: at, hint: "add the next year from its official source and move `through` forward"))
                    } else if through < soon {
                        diagnostics.append(.warning(
                            .calendarHorizonSoon,
                            "the \(market) calendar ends \(through), less than \(horizonMarginDays) days after \(asOf); \(status.rawValue) region \(code) (\(name)) settles on it",
                            at: at, hint: "add the next year from its official source and move `through` forward"))
                    } else if let until, through < until.adding(days: -1) {
                        diagnostics.append(.warning(
                            .calendarHorizonInsideWindow,
                            "the \(market) calendar ends \(through), inside region \(code)'s availability window (until \(until))",
                            at: at, hint: "extend the calendar to cover the window, or end the window earlier"))
                    } else if let from, through < from {
                        diagnostics.append(.warning(
                            .calendarHorizonInsideWindow,
                            "the \(market) calendar ends \(through), before region \(code)'s availability window starts (\(from))",
                            at: at, hint: "add the years the window needs from their official source"))
                    }
                }
                let start = max(from ?? asOf, asOf)
                if let first = calendar.from, start < first {
                    let missing = (start.year..<first.year).map(String.init).joined(separator: ", ")
                    diagnostics.append(.error(
                        .calendarMissingYear,
                        "the \(market) calendar starts \(first), but region \(code) (\(name)) settles from \(start): \(missing) is missing",
                        at: at, hint: "add \(missing) with its official source"))
                }
                if judgedEstimates.insert(market).inserted {
                    diagnostics += estimatesDue(calendar, asOf: asOf)
                }
            }
        }
        return diagnostics
    }

    static func estimatesDue(_ calendar: ResolvedCalendar, asOf: CalendarDate) -> [Diagnostic] {
        let last = asOf.adding(days: estimatedMarginDays)
        let dates = calendar.holidays.filter(\.estimated).map { ($0.date, $0.name) }
            + calendar.halfDays.filter(\.estimated).map { ($0.date, $0.name) }
        return dates.filter { $0.0.value >= asOf && $0.0.value <= last }.map { date, name in
            .warning(.estimatedDateSoon,
                     "\(name) on \(date.value) is still estimated, \(date.value.daysSinceEpoch - asOf.daysSinceEpoch) days after \(asOf)",
                     at: date.location, hint: "confirm the date from the official announcement and drop `estimated: true`")
        }
    }

    /// The UTC date of an instant: a window's edge to the day.
    static func date(of instant: Instant) -> CalendarDate {
        instant.utcDate
    }
}
