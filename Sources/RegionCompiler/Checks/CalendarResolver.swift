import GatewayConfig

/// Decides which calendars each region's payouts follow: `settlement.calendars`, or by default the
/// region's own market and its settlement currency's home market. A market's calendar is its file in
/// `calendars/`; without one, the region of that market lends its own `weekend`/`holidays` (unsourced,
/// with 31 December of the last year they name as horizon; a region's own market always has its lists,
/// with the weekend [sat, sun] when it names none, as before calendars existed).
enum CalendarResolver {
    static func resolve(calendars files: [CalendarDescriptor], regions: [RegionDescriptor]) -> CalendarResolution {
        var result = CalendarResolution()
        var byMarket: [RegionCode: CalendarDescriptor] = [:]
        for calendar in files {
            guard let market = calendar.market?.value, byMarket[market] == nil else { continue }
            byMarket[market] = calendar
        }
        var regionsByCode: [RegionCode: RegionDescriptor] = [:]
        for region in regions {
            if let code = region.region?.value, regionsByCode[code] == nil { regionsByCode[code] = region }
        }

        for region in regions {
            guard let code = region.region?.value else { continue }
            var markets: [RegionCode] = []
            let requested: [(market: RegionCode, location: SourceLocation, explicit: Bool)]
            if let explicit = region.settlementCalendars {
                requested = explicit.map { ($0.value, $0.location, true) }
            } else {
                var defaults = [(code, region.region?.location ?? region.rootLocation, false)]
                if let currency = region.settlementCurrency, let home = currency.value.homeMarket, home != code {
                    defaults.append((home, currency.location, false))
                }
                requested = defaults
            }
            for (market, location, explicit) in requested where !markets.contains(market) {
                if result.calendars[market] == nil {
                    if let file = byMarket[market] {
                        result.calendars[market] = fromFile(file, market: market)
                    } else if let lender = regionsByCode[market], market == code || hasOwnLists(lender),
                              let lent = fromRegionLists(lender, market: market) {
                        result.calendars[market] = lent
                        // Dated lists run out: say they are unsourced. A weekend alone (or the default
                        // [sat, sun]) has no horizon to run past.
                        if !lender.holidays.isEmpty {
                            result.diagnostics.append(.warning(
                                .unsourcedCalendar,
                                "there is no calendars/\(market.rawValue.lowercased()).yaml: \(lender.file.name)'s own weekend and holidays are the \(market) banking calendar, unsourced, through \(lent.through.map(String.init(describing:)) ?? "no date")",
                                at: lent.horizonLocation,
                                hint: "move them into calendars/\(market.rawValue.lowercased()).yaml, each year with its official source"))
                        }
                    }
                }
                guard result.calendars[market] != nil else {
                    let file = "calendars/\(market.rawValue.lowercased()).yaml"
                    if explicit {
                        result.diagnostics.append(.error(.unknownCalendar, "no banking calendar for \(market): there is no \(file)",
                                                         at: location, hint: "add \(file), or remove \(market) from `settlement.calendars`"))
                    } else {
                        result.diagnostics.append(.warning(
                            .calendarNotFollowed,
                            "payouts in \(region.settlementCurrency?.value.rawValue ?? "") also need \(market) banking days, but there is no \(file)",
                            at: location, hint: "add \(file), or set `settlement.calendars` to say which markets payouts follow"))
                    }
                    continue
                }
                markets.append(market)
            }
            result.markets[code] = markets
        }
        // Once every calendar is resolved: a market's lists may be lent by a region listed later.
        for region in regions {
            if let diagnostic = joinedWeekendCovering(region, resolution: result) { result.diagnostics.append(diagnostic) }
        }
        return result
    }

    /// The weekends of the calendars a region's payouts follow, joined with its own lists when they
    /// are a layer, must leave a business day (`JoinedWeekend`, which the artifact reader asks too).
    /// One weekend of all seven days is reported where it is written (`CalendarCheck`, the calendar
    /// decoder); this finds weekends that only cover the week together.
    static func joinedWeekendCovering(_ region: RegionDescriptor, resolution: CalendarResolution) -> Diagnostic? {
        guard let code = region.region?.value else { return nil }
        let markets = resolution.markets[code] ?? []
        let ownListsAreALayer = resolution.ownListsAreALayer(region)
        let weekends = markets.compactMap { resolution.calendars[$0]?.weekend }
            + (ownListsAreALayer ? [region.weekend?.value ?? []] : [])
        guard JoinedWeekend(joining: weekends) == nil, weekends.allSatisfy({ JoinedWeekend(joining: [$0]) != nil }) else {
            return nil
        }
        let joined = markets.map(\.rawValue) + (ownListsAreALayer ? ["\(region.file.name)'s own"] : [])
        return .error(.noBusinessDays,
                      "together, the weekends of \(joined.joined(separator: " and ")) cover all seven days, so no payment could ever settle",
                      at: region.weekend?.location ?? region.settlementCalendars?.first?.location ?? region.rootLocation,
                      hint: "a payout day must be a business day in every calendar followed; list fewer weekend days, or follow fewer calendars")
    }

    static func hasOwnLists(_ region: RegionDescriptor) -> Bool {
        region.weekend != nil || !region.holidays.isEmpty
    }

    static func fromFile(_ file: CalendarDescriptor, market: RegionCode) -> ResolvedCalendar {
        var holidays: [ResolvedCalendar.Holiday] = []
        var halfDays: [ResolvedCalendar.HalfDay] = []
        for year in file.years {
            holidays += year.holidays.map { .init(date: $0.date, name: $0.name, estimated: $0.estimated) }
            halfDays += year.halfDays.map { .init(date: $0.date, cutoff: $0.cutoff.value, name: $0.name, estimated: $0.estimated) }
        }
        return ResolvedCalendar(
            market: market, name: file.name?.value ?? market.rawValue, source: file.file.name, unsourced: false,
            timezone: file.timezone?.value ?? "UTC", weekend: (file.weekend?.value ?? []).sorted(),
            holidays: holidays.sorted { $0.date.value < $1.date.value },
            halfDays: halfDays.sorted { $0.date.value < $1.date.value },
            from: file.firstDay, through: file.through?.value,
            horizonLocation: file.through?.location ?? file.rootLocation,
            listedYears: Set(file.years.map(\.year.value)))
    }

    static func fromRegionLists(_ region: RegionDescriptor, market: RegionCode) -> ResolvedCalendar? {
        let dates = region.holidays.map(\.value)
        let years = Set(dates.map(\.year))
        let last = years.max().flatMap { CalendarDate(year: $0, month: 12, day: 31) }
        let first = years.min().flatMap { CalendarDate(year: $0, month: 1, day: 1) }
        return ResolvedCalendar(
            market: market, name: region.name?.value ?? market.rawValue, source: region.file.name, unsourced: true,
            timezone: region.timezone?.value ?? "UTC", weekend: (region.weekend?.value ?? [.sat, .sun]).sorted(),
            holidays: region.holidays.sorted { $0.value < $1.value }
                .map { .init(date: $0, name: "holiday listed in \(region.file.name)", estimated: false) },
            halfDays: [], from: first, through: last,
            horizonLocation: region.holidaysLocation ?? region.weekend?.location ?? region.rootLocation,
            listedYears: years)
    }
}
