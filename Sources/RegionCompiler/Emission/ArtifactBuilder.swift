import GatewayConfig

/// Turns checked descriptors into the artifact. Runs only when there are no errors, so every
/// required value is present; a missing one is still reported, never assumed.
enum ArtifactBuilder {
    static func build(regions: [RegionDescriptor], catalog: Catalog, calendars: CalendarResolution = CalendarResolution(),
                      sourceDigest: String) -> Result<GatewayArtifact, Diagnostic> {
        var built: [String: RegionArtifact] = [:]
        for region in regions {
            switch buildRegion(region, calendars: calendars) {
            case .success(let artifact): built[artifact.region.rawValue] = artifact
            case .failure(let diagnostic): return .failure(diagnostic)
            }
        }
        let methods = catalog.methods.mapValues {
            PaymentMethodEntry(name: $0.name, walletRegion: $0.walletRegion, walletCurrency: $0.walletCurrency)
        }
        let acquirers = catalog.acquirers.mapValues {
            AcquirerEntry(name: $0.name, region: $0.region, settlementCurrencies: $0.settlementCurrencies, enabled: $0.isEnabled,
                          health: $0.health?.artifact)
        }
        return .success(GatewayArtifact(compilerVersion: CompilerVersion.current, sourceDigest: sourceDigest,
                                        catalog: CatalogArtifact(paymentMethods: methods, acquirers: acquirers),
                                        regions: built,
                                        calendars: Dictionary(uniqueKeysWithValues: calendars.calendars.map {
                                            ($0.key.rawValue, calendarArtifact($0.value))
                                        })))
    }

    static func calendarArtifact(_ calendar: ResolvedCalendar) -> CalendarArtifact {
        CalendarArtifact(
            market: calendar.market, name: calendar.name, source: calendar.source, unsourced: calendar.unsourced ? true : nil,
            timezone: calendar.timezone, weekend: calendar.weekend,
            holidays: calendar.holidays.map { HolidayArtifact(date: $0.date.value, name: $0.name, estimated: $0.estimated ? true : nil) },
            halfDays: calendar.halfDays.isEmpty ? nil
                : calendar.halfDays.map { HalfDayArtifact(date: $0.date.value, cutoff: $0.cutoff, name: $0.name) },
            from: calendar.from, through: calendar.through)
    }

    static func buildRegion(_ region: RegionDescriptor, calendars: CalendarResolution = CalendarResolution())
        -> Result<RegionArtifact, Diagnostic> {
        guard let code = region.region, let name = region.name, let timezone = region.timezone,
              let availability = region.availability, let status = availability.status,
              let settlementCurrency = region.settlementCurrency, let schedule = region.schedule,
              let cutoff = region.cutoff, !region.presentment.isEmpty else {
            return .failure(.error(.missingField, "internal: \(region.file.name) passed its checks with a required field unread",
                                   at: region.rootLocation))
        }
        let methods: [MethodArtifact]
        let routes: [RouteArtifact]
        switch (methodArtifacts(region), routeArtifacts(region)) {
        case (.success(let builtMethods), .success(let builtRoutes)): (methods, routes) = (builtMethods, builtRoutes)
        case (.failure(let diagnostic), _), (_, .failure(let diagnostic)): return .failure(diagnostic)
        }
        // The region's own lists add to its calendars (and, lent to a market without a file, are that calendar too).
        let weekend = region.weekend.map { $0.value.sorted() }
        let holidays = region.holidays.isEmpty ? nil : region.holidays.map(\.value).sorted()
        return .success(RegionArtifact(
            region: code.value,
            name: name.value,
            source: region.file.name,
            timezone: timezone.value,
            weekend: weekend,
            holidays: holidays,
            availability: availabilityArtifact(availability, status: status.value),
            currencies: CurrenciesArtifact(presentment: region.presentment.map(\.value), settlement: settlementCurrency.value),
            settlement: SettlementArtifact(schedule: schedule.value, cutoff: cutoff.value,
                                           minimumPayout: region.minimumPayout.map { MoneyArtifact($0.value) },
                                           calendars: calendars.markets[code.value] ?? []),
            limits: region.limits.flatMap { $0.ranges.isEmpty ? nil : limitsArtifact($0) },
            paymentMethods: methods,
            routes: routes,
            changeFreezes: changeFreezeArtifacts(region)))
    }

    /// defaults.yaml's freezes and the region's, in time order, each naming its file.
    static func changeFreezeArtifacts(_ region: RegionDescriptor) -> [ChangeFreezeArtifact]? {
        let freezes = region.changeFreezes.compactMap { freeze -> ChangeFreezeArtifact? in
            guard let from = freeze.from, let until = freeze.until else { return nil }
            let file = freeze.location.file.split(separator: "/").last.map(String.init) ?? freeze.location.file
            return ChangeFreezeArtifact(from: from.value, until: until.value, reason: freeze.reason, source: file)
        }.sorted { ($0.from, $0.until, $0.source) < ($1.from, $1.until, $1.source) }
        return freezes.isEmpty ? nil : freezes
    }

    /// The region's payment methods in descriptor order, each with its currencies, limits and own availability.
    static func methodArtifacts(_ region: RegionDescriptor) -> Result<[MethodArtifact], Diagnostic> {
        var methods: [MethodArtifact] = []
        for method in region.methods {
            guard let id = method.method else {
                return .failure(.error(.missingField, "internal: a payment method without id", at: method.location))
            }
            methods.append(MethodArtifact(
                method: id.value,
                currencies: region.currencies(of: method),
                limits: method.limits.map(limitsArtifact),
                availability: method.availability.flatMap { own in
                    own.status.map {
                        let steps = own.schedule.compactMap { step in
                            step.at.flatMap { at in step.status.map { MethodStepArtifact(at: at.value, status: $0.value) } }
                        }
                        return MethodAvailabilityArtifact(status: $0.value, from: own.from?.value, until: own.until?.value,
                                                          schedule: steps.isEmpty ? nil : steps)
                    }
                }))
        }
        return .success(methods)
    }

    /// The enabled routes in descriptor order, each with its fallbacks; a route without `match` is a catch-all.
    static func routeArtifacts(_ region: RegionDescriptor) -> Result<[RouteArtifact], Diagnostic> {
        var routes: [RouteArtifact] = []
        for route in region.routes where route.enabled {
            guard let routeName = route.name, let acquirer = route.acquirer else {
                return .failure(.error(.missingField, "internal: a route without name or acquirer", at: route.location))
            }
            let match = route.hasMatch
                ? RouteMatchArtifact(methods: route.methods?.map(\.value), currencies: route.currencies?.map(\.value))
                : nil
            // `fallback: []` says "none", as leaving it out does: the artifact carries no empty list.
            let fallback = route.fallback.flatMap { $0.isEmpty ? nil : $0.map(\.value) }
            routes.append(RouteArtifact(name: routeName.value, match: match, acquirer: acquirer.value, fallback: fallback))
        }
        return .success(routes)
    }

    /// Status, window, rollout (a pilot's, or a live region's deny list), blackouts sorted by start,
    /// and each scheduled step's phase, whole.
    static func availabilityArtifact(_ availability: RegionDescriptor.Availability,
                                     status: AvailabilityStatus) -> AvailabilityArtifact {
        let base = phaseArtifact(availability, status: status)
        let steps = availability.schedule.compactMap { step -> AvailabilityStepArtifact? in
            guard let at = step.at, let stepStatus = step.phase.status else { return nil }
            let phase = phaseArtifact(step.phase, status: stepStatus.value)
            return AvailabilityStepArtifact(at: at.value, status: stepStatus.value, rollout: phase.rollout, blackouts: phase.blackouts)
        }
        return AvailabilityArtifact(status: status, from: availability.from?.value, until: availability.until?.value,
                                    rollout: base.rollout, blackouts: base.blackouts, schedule: steps.isEmpty ? nil : steps)
    }

    /// One phase's rollout and blackouts, as the artifact writes them.
    static func phaseArtifact(_ availability: RegionDescriptor.Availability,
                              status: AvailabilityStatus) -> AvailabilityArtifact {
        let deny = (availability.rollout?.deny ?? []).map(\.value).sorted()
        let rollout: RolloutArtifact? = if status == .pilot {
            RolloutArtifact(percent: availability.rollout?.percent?.value ?? 0,
                            allow: (availability.rollout?.allow ?? []).map(\.value).sorted(), deny: deny)
        } else if !deny.isEmpty {
            RolloutArtifact(percent: 0, allow: [], deny: deny)
        } else {
            nil
        }
        let blackouts = availability.blackouts.compactMap { blackout -> BlackoutArtifact? in
            guard let from = blackout.from, let until = blackout.until else { return nil }
            return BlackoutArtifact(from: from.value, until: until.value, reason: blackout.reason)
        }.sorted { $0.from < $1.from }
        return AvailabilityArtifact(status: status, from: availability.from?.value, until: availability.until?.value,
                                    rollout: rollout, blackouts: blackouts.isEmpty ? nil : blackouts)
    }

    static func limitsArtifact(_ limits: RegionDescriptor.Limits) -> LimitsArtifact {
        LimitsArtifact(perPayment: limits.ranges.compactMap { range in
            range.currency.map { RangeArtifact(currency: $0, min: range.min?.value.minorUnits, max: range.max?.value.minorUnits) }
        })
    }
}
