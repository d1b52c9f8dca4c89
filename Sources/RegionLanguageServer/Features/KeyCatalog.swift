import RegionCompiler

/// The keys valid in a mapping, by where it is (its path, list items as `[]`) and the kind of file:
/// the decoders' own lists (one home: a key the decoder learns, completion offers).
enum KeyCatalog {
    static func keys(at path: [YAMLPathComponent], in role: FeatureDocument.Role) -> [String]? {
        let pattern = path.map { component in
            switch component {
            case .key(let key): key
            case .index: "[]"
            }
        }
        switch role {
        case .region, .defaults: return descriptorKeys(pattern, isRegion: role == .region)
        case .catalog: return catalogKeys(pattern)
        case .calendar: return calendarKeys(pattern)
        }
    }

    private static func descriptorKeys(_ pattern: [String], isRegion: Bool) -> [String]? {
        switch pattern {
        case []: return isRegion ? RegionDecoder.rootKeys : RegionDecoder.defaultsKeys
        case ["availability"]: return RegionDecoder.availabilityKeys + (isRegion ? ["schedule"] : [])
        case ["availability", "schedule", "[]"]: return RegionDecoder.stepKeys
        case ["availability", "rollout"], ["availability", "schedule", "[]", "rollout"]: return RegionDecoder.rolloutKeys
        case ["availability", "blackouts", "[]"], ["availability", "schedule", "[]", "blackouts", "[]"], ["change_freezes", "[]"]:
            return RegionDecoder.windowKeys
        case ["business_hours"]: return RegionDecoder.businessHoursKeys
        case ["currencies"]: return RegionDecoder.currencyKeys
        case ["settlement"]: return RegionDecoder.settlementKeys
        case ["limits"], ["payment_methods", "[]", "limits"]: return RegionDecoder.limitsKeys
        case ["limits", "per_payment", "[]"], ["payment_methods", "[]", "limits", "per_payment", "[]"]: return RegionDecoder.rangeKeys
        case ["payment_methods", "[]"]: return RegionDecoder.methodKeys
        case ["payment_methods", "[]", "availability"]: return RegionDecoder.methodAvailabilityKeys
        case ["payment_methods", "[]", "availability", "schedule", "[]"]: return RegionDecoder.methodStepKeys
        case ["routes", "[]"]: return RegionDecoder.routeKeys
        case ["routes", "[]", "match"]: return RegionDecoder.matchKeys
        case ["acquirer_health"]: return isRegion ? nil : HealthPolicyDecoder.fields
        default: return nil
        }
    }

    private static func catalogKeys(_ pattern: [String]) -> [String]? {
        switch pattern.count {
        case 0: return CatalogDecoder.rootKeys
        case 2 where pattern[0] == "payment_methods": return CatalogDecoder.methodKeys
        case 2 where pattern[0] == "acquirers": return CatalogDecoder.acquirerKeys
        case 3 where pattern[0] == "payment_methods" && pattern[2] == "caps": return CatalogDecoder.capsKeys
        case 4 where pattern[0] == "payment_methods" && pattern[2] == "caps" && pattern[3] == "per_payment": return RegionDecoder.rangeKeys
        case 3 where pattern[0] == "acquirers" && pattern[2] == "health": return HealthPolicyDecoder.fields
        default: return nil
        }
    }

    private static func calendarKeys(_ pattern: [String]) -> [String]? {
        switch pattern.count {
        case 0: return CalendarDecoder.rootKeys
        case 2 where pattern[0] == "years": return CalendarDecoder.yearKeys
        case 4 where pattern[0] == "years" && pattern[2] == "holidays": return CalendarDecoder.holidayKeys
        case 4 where pattern[0] == "years" && pattern[2] == "half_days": return CalendarDecoder.halfDayKeys
        default: return nil
        }
    }
}
