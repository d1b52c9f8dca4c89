import RegionCompiler

/// What a scalar means by where it is written: hover, definition, references and completion all
/// ask this, by the keys on the way to it (indices left out) and the kind of file.
enum ValueRole: Equatable {
    /// A catalog payment method id used in a region (`method:`, `match.methods`).
    case methodID
    /// An acquirer id used in a region (`acquirer:`, `fallback:`).
    case acquirerID
    /// An id declared in catalog.yaml (the key of its entry).
    case methodDeclaration, acquirerDeclaration
    case currency, money, calendarMarket, date, instant, status, timeZone, weekday

    /// The role of a value (`isKey` false) or a key at `keys` in a document of `role`.
    static func of(keys: [String], isKey: Bool, in role: FeatureDocument.Role) -> ValueRole? {
        if role == .catalog {
            if isKey, keys.count == 2 { return keys[0] == "payment_methods" ? .methodDeclaration : keys[0] == "acquirers" ? .acquirerDeclaration : nil }
            guard !isKey, let last = keys.last else { return nil }
            switch last {
            case "wallet_currency", "settlement_currencies": return .currency
            case "min", "max", "per_day", "per_month", "per_year": return .money
            default: return nil
            }
        }
        guard !isKey, let last = keys.last else { return nil }
        let parent = keys.dropLast().last
        if role == .calendar {
            switch last {
            case "timezone": return .timeZone
            case "weekend": return .weekday
            case "date": return .date
            default: return nil
            }
        }
        switch last {
        case "method": return parent == "payment_methods" ? .methodID : nil
        case "methods": return parent == "match" ? .methodID : nil
        case "acquirer", "fallback": return parent == "routes" ? .acquirerID : nil
        case "presentment": return .currency
        case "settlement": return parent == "currencies" ? .currency : nil
        case "currencies": return parent == "payment_methods" || parent == "match" ? .currency : nil
        case "min", "max", "minimum_payout": return .money
        case "calendars": return parent == "settlement" ? .calendarMarket : nil
        case "holidays": return keys.count == 1 ? .date : nil
        case "at", "from", "until": return parent == "business_hours" ? nil : .instant
        case "status": return .status
        case "timezone": return keys.count == 1 ? .timeZone : nil
        case "weekend": return keys.count == 1 ? .weekday : nil
        default: return nil
        }
    }
}
