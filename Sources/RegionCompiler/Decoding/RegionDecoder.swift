import GatewayConfig

/// Reads a region descriptor (defaults already merged in) into a `RegionDescriptor`,
/// reporting structure and value errors. Cross-field rules live in `Checks/`.
package struct RegionDecoder {
    enum Mode {
        /// `regions/<code>.yaml`: required fields must be present after defaults.
        case region
        /// `defaults.yaml`: everything optional, `region` and `name` not allowed.
        case defaults
    }

    package static let rootKeys = ["region", "name", "timezone", "weekend", "holidays", "availability", "currencies",
                           "settlement", "limits", "payment_methods", "routes", "change_freezes", "business_hours"]
    /// The base availability's keys but `schedule` (a region's only, never defaults.yaml's).
    package static let availabilityKeys = ["status", "from", "until", "rollout", "blackouts"]
    /// What a scheduled step may change; the window (`from`, `until`) is the region's, not a phase's.
    package static let stepKeys = ["at", "status", "rollout", "blackouts"]
    package static let rolloutKeys = ["percent", "allow", "deny"]
    /// A blackout's and a change freeze's.
    package static let windowKeys = ["from", "until", "reason"]
    package static let businessHoursKeys = ["from", "until"]
    package static let currencyKeys = ["presentment", "settlement"]
    package static let settlementKeys = ["schedule", "cutoff", "minimum_payout", "calendars"]
    package static let limitsKeys = ["per_payment"]
    package static let rangeKeys = ["min", "max"]
    package static let methodKeys = ["method", "currencies", "limits", "availability"]
    package static let methodAvailabilityKeys = ["status", "from", "until", "schedule"]
    package static let methodStepKeys = ["at", "status"]
    package static let routeKeys = ["name", "match", "acquirer", "fallback", "enabled"]
    package static let matchKeys = ["methods", "currencies"]
    /// defaults.yaml: a region's keys but its identity, and the catalog's `acquirer_health` (read by
    /// `DefaultHealthPolicy`, never merged into a region).
    package static let defaultsKeys = rootKeys.filter { $0 != "region" && $0 != "name" } + DefaultsMerger.catalogKeys.sorted()

    let reader: FieldReader
    let mode: Mode

    func decode(_ root: YAMLNode, file: SourceFile) -> RegionDescriptor {
        decodeWithFields(root, file: file).descriptor
    }

    /// The descriptor and the root's fields (defaults.yaml's `acquirer_health` is read from them).
    func decodeWithFields(_ root: YAMLNode, file: SourceFile) -> (descriptor: RegionDescriptor, fields: Fields?) {
        var descriptor = RegionDescriptor(file: file, rootLocation: reader.rootLocation)
        let isRegion = mode == .region
        guard let fields = reader.mapping(root, path: "", introducedAt: root.location,
                                          known: isRegion ? Self.rootKeys : Self.defaultsKeys,
                                          required: isRegion ? ["region", "name", "timezone", "payment_methods", "routes"] : [])
        else { return (descriptor, nil) }

        if let node = fields["region"] { descriptor.region = reader.regionCode(node, path: "region") }
        if let node = fields["name"] { descriptor.name = reader.text(node, path: "name") }
        if let node = fields["timezone"] { descriptor.timezone = reader.timeZone(node, path: "timezone") }
        if let node = fields["weekend"] {
            if let days = reader.list(node, path: "weekend", item: { reader.weekday($0, path: "weekend") }) {
                descriptor.weekend = Located(days.map(\.value), at: node.location)
            }
        }
        if let node = fields["holidays"] {
            descriptor.holidays = reader.list(node, path: "holidays") { reader.date($0, path: "holidays")?.value }
                ?? []
            descriptor.holidaysLocation = fields.keyLocation("holidays") ?? node.location
        }
        decodeAvailability(fields, into: &descriptor)
        decodeChangeFreezes(fields, into: &descriptor)
        decodeBusinessHours(fields, into: &descriptor)
        decodeCurrencies(fields, into: &descriptor)
        decodeSettlement(fields, into: &descriptor)
        if let node = fields["limits"] {
            descriptor.limits = decodeLimits(node, path: "limits", keyLocation: fields.keyLocation("limits") ?? node.location)
        }
        if let node = fields["payment_methods"], let items = reader.sequence(node, path: "payment_methods") {
            if items.isEmpty, isRegion {
                reader.error(.missingField, "`payment_methods` is empty: a region needs at least one payment method",
                             at: node.location, hint: "add `- method: ALIPAY_CN`")
            }
            descriptor.methods = items.compactMap(decodeMethod)
        }
        if let node = fields["routes"], let items = reader.sequence(node, path: "routes") {
            if items.isEmpty, isRegion {
                reader.error(.missingField, "`routes` is empty: a region needs at least one route", at: node.location,
                             hint: "add a catch-all route: `- { name: default, acquirer: <id> }`")
            }
            descriptor.routes = items.compactMap(decodeRoute)
        }
        return (descriptor, fields)
    }

    private func decodeAvailability(_ fields: Fields, into descriptor: inout RegionDescriptor) {
        guard let node = fields["availability"] else {
            if mode == .region { reader.reportMissing("availability.status", at: fields.mappingLocation) }
            return
        }
        let keyLocation = fields.keyLocation("availability") ?? node.location
        // A schedule is a region's plan: defaults.yaml cannot give every region the same steps.
        let known = Self.availabilityKeys + (mode == .region ? ["schedule"] : [])
        guard let inner = reader.mapping(node, path: "availability", introducedAt: keyLocation, known: known,
                                         required: mode == .region ? ["status"] : []) else { return }
        var availability = Self.readAvailability(inner, keyLocation: keyLocation, stepPath: nil, using: reader)
        if let scheduleNode = inner["schedule"], let items = reader.sequence(scheduleNode, path: "availability.schedule") {
            availability.schedule = decodeSteps(items, base: node, baseAvailability: availability)
        }
        descriptor.availability = availability
    }

    /// The fields of an availability mapping. `stepPath` names a scheduled phase being read
    /// (`availability.schedule[1]`), nil the base.
    private static func readAvailability(_ inner: Fields, keyLocation: SourceLocation, stepPath: String?,
                                         using reader: FieldReader) -> RegionDescriptor.Availability {
        let path = stepPath ?? "availability"
        var availability = RegionDescriptor.Availability(keyLocation: keyLocation)
        availability.status = inner["status"].flatMap { reader.status($0, path: "\(path).status") }
        availability.from = inner["from"].flatMap { reader.instant($0, path: "availability.from") }
        availability.until = inner["until"].flatMap { reader.instant($0, path: "availability.until") }
        if let rolloutNode = inner["rollout"] {
            let rolloutKey = inner.keyLocation("rollout") ?? rolloutNode.location
            if let rollout = reader.mapping(rolloutNode, path: "\(path).rollout", introducedAt: rolloutKey,
                                            known: rolloutKeys) {
                var value = RegionDescriptor.Rollout(keyLocation: rolloutKey)
                value.percent = rollout["percent"].flatMap {
                    reader.integer($0, path: "\(path).rollout.percent", range: 0...100, rangeCode: .percentOutOfRange)
                }
                value.allow = rollout["allow"].flatMap { merchantList($0, path: "\(path).rollout.allow", using: reader) } ?? []
                value.deny = rollout["deny"].flatMap { merchantList($0, path: "\(path).rollout.deny", using: reader) } ?? []
                availability.rollout = value
            }
        }
        if let blackoutsNode = inner["blackouts"] {
            availability.blackouts = readWindows(blackoutsNode, path: "\(path).blackouts", valuePath: "blackouts", using: reader)
        }
        return availability
    }

    /// A list of `{ from, until, reason }` windows (blackouts, change freezes); `valuePath` names
    /// their values in messages (`blackouts.from`).
    private static func readWindows(_ node: YAMLNode, path: String, valuePath: String, using reader: FieldReader)
        -> [RegionDescriptor.Window] {
        guard let items = reader.sequence(node, path: path) else { return [] }
        return items.compactMap { item in
            guard let window = reader.mapping(item, path: "\(path)[]", introducedAt: item.location, known: windowKeys,
                                              required: ["from", "until"])
            else { return nil }
            return RegionDescriptor.Window(
                location: item.location,
                from: window["from"].flatMap { reader.instant($0, path: "\(valuePath).from") },
                until: window["until"].flatMap { reader.instant($0, path: "\(valuePath).until") },
                reason: window["reason"].flatMap { reader.text($0, path: "\(valuePath).reason")?.value })
        }
    }

    /// Each step merged over the phase before it (a null removes a key) and read as a whole
    /// availability. Only findings inside the step's own item are reported while reading: the
    /// inherited values were reported where they are written.
    private func decodeSteps(_ items: [YAMLNode], base: YAMLNode, baseAvailability: RegionDescriptor.Availability)
        -> [RegionDescriptor.Step] {
        var phaseNode = base
        var steps: [RegionDescriptor.Step] = []
        for (index, item) in items.enumerated() {
            let path = "availability.schedule[\(index)]"
            guard let fields = reader.mapping(item, path: path, introducedAt: item.location, known: Self.stepKeys,
                                              required: ["at"]) else { continue }
            let at = fields["at"].flatMap { reader.instant($0, path: "\(path).at") }
            if let null = fields.nullValue("status") {
                reader.error(.nullValue, "`\(path).status` is null: a step cannot remove the status", at: null.location,
                             hint: "give the status from this step on, e.g. `status: live`")
            }
            var changes: [String: SourceLocation] = [:]
            if case .mapping(let pairs) = item.kind {
                for pair in pairs where pair.keyText != "at" { changes[pair.keyText] = pair.key.location }
            }
            phaseNode = DefaultsMerger.apply(step: item, to: phaseNode, skipping: ["at"])
            let own = Self.positions(in: item)
            let phaseReader = FieldReader(primaryFile: reader.primaryFile, rootLocation: reader.rootLocation)
            var phase = baseAvailability
            if let inner = phaseReader.mapping(phaseNode, path: path, introducedAt: item.location,
                                               known: Self.availabilityKeys + ["schedule"]) {
                phase = Self.readAvailability(inner, keyLocation: item.location, stepPath: path, using: phaseReader)
                // A status removed (reported above) stays the phase before's, so checks go on.
                if phase.status == nil { phase.status = steps.last?.phase.status ?? baseAvailability.status }
            }
            for diagnostic in phaseReader.diagnostics where own.contains(diagnostic.location.position) {
                reader.report(diagnostic)
            }
            steps.append(RegionDescriptor.Step(location: item.location, at: at, changes: changes, phase: phase,
                                               ownLocations: own))
        }
        return steps
    }

    /// The position (file, line, column) of every node and key inside `node`.
    static func positions(in node: YAMLNode) -> Set<SourceLocation> {
        var found: Set<SourceLocation> = [node.location.position]
        switch node.kind {
        case .mapping(let pairs):
            for pair in pairs {
                found.insert(pair.key.location.position)
                found.formUnion(positions(in: pair.value))
            }
        case .sequence(let items):
            for item in items { found.formUnion(positions(in: item)) }
        case .scalar, .unreadable:
            break
        }
        return found
    }

    private func decodeChangeFreezes(_ fields: Fields, into descriptor: inout RegionDescriptor) {
        guard let node = fields["change_freezes"] else { return }
        descriptor.changeFreezes = Self.readWindows(node, path: "change_freezes", valuePath: "change_freezes", using: reader)
    }

    private func decodeBusinessHours(_ fields: Fields, into descriptor: inout RegionDescriptor) {
        guard let node = fields["business_hours"] else { return }
        let keyLocation = fields.keyLocation("business_hours") ?? node.location
        guard let inner = reader.mapping(node, path: "business_hours", introducedAt: keyLocation, known: Self.businessHoursKeys,
                                         required: ["from", "until"]),
              let from = inner["from"].flatMap({ reader.localTime($0, path: "business_hours.from") }),
              let until = inner["until"].flatMap({ reader.localTime($0, path: "business_hours.until") }) else { return }
        guard from.value < until.value else {
            reader.error(.fromNotBeforeUntil, "`business_hours.until` \(until.value) is not after `from` \(from.value)",
                         at: until.location, hint: "local hours within one day, e.g. { from: \"09:00\", until: \"18:00\" }")
            return
        }
        descriptor.businessHours = RegionDescriptor.BusinessHours(location: keyLocation, from: from.value, until: until.value)
    }

    private static func merchantList(_ node: YAMLNode, path: String, using reader: FieldReader) -> [Located<String>]? {
        reader.list(node, path: path) { reader.identifier($0, path: path, rule: .merchant)?.value }
    }

    private func decodeCurrencies(_ fields: Fields, into descriptor: inout RegionDescriptor) {
        guard let node = fields["currencies"] else {
            if mode == .region { reader.reportMissing("currencies.presentment", at: fields.mappingLocation) }
            return
        }
        let keyLocation = fields.keyLocation("currencies") ?? node.location
        guard let inner = reader.mapping(node, path: "currencies", introducedAt: keyLocation, known: Self.currencyKeys,
                                         required: mode == .region ? ["presentment", "settlement"] : []) else { return }
        if let list = inner["presentment"] {
            descriptor.presentment = reader.list(list, path: "currencies.presentment") {
                reader.currency($0, path: "currencies.presentment")?.value
            } ?? []
            if case .sequence(let items) = list.kind, items.isEmpty {
                reader.error(.missingField, "`currencies.presentment` is empty", at: list.location,
                             hint: "list at least one currency merchants may charge in, e.g. [HKD]")
            }
        }
        descriptor.settlementCurrency = inner["settlement"].flatMap { reader.currency($0, path: "currencies.settlement") }
    }

    private func decodeSettlement(_ fields: Fields, into descriptor: inout RegionDescriptor) {
        guard let node = fields["settlement"] else {
            if mode == .region {
                reader.reportMissing("settlement.schedule", at: fields.mappingLocation)
                reader.reportMissing("settlement.cutoff", at: fields.mappingLocation)
            }
            return
        }
        let keyLocation = fields.keyLocation("settlement") ?? node.location
        guard let inner = reader.mapping(node, path: "settlement", introducedAt: keyLocation,
                                         known: Self.settlementKeys,
                                         required: mode == .region ? ["schedule", "cutoff"] : []) else { return }
        descriptor.schedule = inner["schedule"].flatMap { reader.schedule($0, path: "settlement.schedule") }
        descriptor.cutoff = inner["cutoff"].flatMap { reader.localTime($0, path: "settlement.cutoff") }
        descriptor.minimumPayout = inner["minimum_payout"].flatMap { reader.money($0, path: "settlement.minimum_payout") }
        if let list = inner["calendars"] {
            descriptor.settlementCalendars = reader.list(list, path: "settlement.calendars") {
                reader.regionCode($0, path: "settlement.calendars")?.value
            }
            if case .sequence(let items) = list.kind, items.isEmpty {
                reader.error(.missingField, "`settlement.calendars` is empty: payouts would follow no banking calendar",
                             at: list.location, hint: "list the markets whose banks must be open, e.g. [HK, US], or remove it for the default")
            }
        }
    }

    func decodeLimits(_ node: YAMLNode, path: String, keyLocation: SourceLocation) -> RegionDescriptor.Limits? {
        guard let inner = reader.mapping(node, path: path, introducedAt: keyLocation, known: Self.limitsKeys) else { return nil }
        var limits = RegionDescriptor.Limits(keyLocation: keyLocation)
        guard let list = inner["per_payment"], let items = reader.sequence(list, path: "\(path).per_payment") else {
            return limits
        }
        for item in items {
            guard let range = reader.mapping(item, path: "\(path).per_payment[]", introducedAt: item.location, known: Self.rangeKeys)
            else { continue }
            let min = range["min"].flatMap { reader.money($0, path: "min") }
            let max = range["max"].flatMap { reader.money($0, path: "max") }
            if range["min"] == nil, range["max"] == nil {
                reader.error(.emptyRange, "this range has neither `min` nor `max`", at: item.location,
                             hint: "give `min`, `max` or both, e.g. { min: 1.00 HKD, max: 50000.00 HKD }")
                continue
            }
            if let min, let max, min.value.currency != max.value.currency {
                reader.error(.amountCurrencyMismatch,
                             "`max` is in \(max.value.currency) but `min` is in \(min.value.currency); a range has one currency",
                             at: max.location, hint: "write one range per currency")
                continue
            }
            guard min != nil || max != nil else { continue }
            limits.ranges.append(RegionDescriptor.Range(location: item.location, min: min, max: max))
        }
        return limits
    }

    private func decodeMethod(_ node: YAMLNode) -> RegionDescriptor.Method? {
        guard let fields = reader.mapping(node, path: "payment_methods[]", introducedAt: node.location,
                                          known: Self.methodKeys, required: ["method"])
        else { return nil }
        var method = RegionDescriptor.Method(location: node.location)
        method.method = fields["method"].flatMap { reader.identifier($0, path: "method", rule: .method) }
        method.currencies = fields["currencies"].flatMap { list in
            reader.list(list, path: "payment_methods[].currencies") { reader.currency($0, path: "currencies")?.value }
        }
        if let list = fields["currencies"], case .sequence(let items) = list.kind, items.isEmpty {
            reader.error(.missingField, "`currencies` of this method is empty: it would offer nothing", at: list.location,
                         hint: "list its currencies, or remove `currencies` to offer all presentment currencies")
        }
        if let limits = fields["limits"] {
            method.limits = decodeLimits(limits, path: "payment_methods[].limits",
                                         keyLocation: fields.keyLocation("limits") ?? limits.location)
        }
        if let availabilityNode = fields["availability"] {
            let keyLocation = fields.keyLocation("availability") ?? availabilityNode.location
            if let inner = reader.mapping(availabilityNode, path: "payment_methods[].availability", introducedAt: keyLocation,
                                          known: Self.methodAvailabilityKeys, required: ["status"]) {
                method.availability = RegionDescriptor.MethodAvailability(
                    keyLocation: keyLocation,
                    status: inner["status"].flatMap { reader.status($0, path: "availability.status") },
                    from: inner["from"].flatMap { reader.instant($0, path: "availability.from") },
                    until: inner["until"].flatMap { reader.instant($0, path: "availability.until") },
                    schedule: inner["schedule"].flatMap { reader.sequence($0, path: "availability.schedule") }.map(decodeMethodSteps) ?? [])
            }
        }
        return method
    }

    /// A method's steps change only its status.
    private func decodeMethodSteps(_ items: [YAMLNode]) -> [RegionDescriptor.MethodStep] {
        items.enumerated().compactMap { index, item in
            let path = "availability.schedule[\(index)]"
            guard let fields = reader.mapping(item, path: path, introducedAt: item.location, known: Self.methodStepKeys,
                                              required: ["at", "status"]) else { return nil }
            return RegionDescriptor.MethodStep(location: item.location,
                                               at: fields["at"].flatMap { reader.instant($0, path: "\(path).at") },
                                               status: fields["status"].flatMap { reader.status($0, path: "\(path).status") })
        }
    }

    private func decodeRoute(_ node: YAMLNode) -> RegionDescriptor.Route? {
        guard let fields = reader.mapping(node, path: "routes[]", introducedAt: node.location,
                                          known: Self.routeKeys, required: ["name", "acquirer"])
        else { return nil }
        var route = RegionDescriptor.Route(location: node.location)
        route.name = fields["name"].flatMap { reader.identifier($0, path: "name", rule: .routeName) }
        route.acquirer = fields["acquirer"].flatMap { reader.identifier($0, path: "acquirer", rule: .acquirer) }
        route.enabled = fields["enabled"].flatMap { reader.boolean($0, path: "enabled")?.value } ?? true
        // Read item by item, not with `reader.list`: a repeat, of the primary or of another
        // fallback, is RouteCheck's to report (RC1101), with the primary in view.
        route.fallback = fields["fallback"].flatMap { reader.sequence($0, path: "fallback") }.map { items in
            items.compactMap { reader.identifier($0, path: "fallback", rule: .acquirer) }
        }
        if let matchNode = fields["match"] {
            route.hasMatch = true
            if let match = reader.mapping(matchNode, path: "match", introducedAt: fields.keyLocation("match"),
                                          known: Self.matchKeys) {
                let before = reader.diagnostics.count
                route.methods = match["methods"].flatMap { list in
                    reader.list(list, path: "match.methods") { reader.identifier($0, path: "match.methods", rule: .method)?.value }
                }
                route.currencies = match["currencies"].flatMap { list in
                    reader.list(list, path: "match.currencies") { reader.currency($0, path: "match.currencies")?.value }
                }
                route.matchIsReadable = reader.diagnostics.count == before
            } else {
                route.matchIsReadable = false
            }
        }
        return route
    }
}
