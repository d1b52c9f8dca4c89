import Foundation
import GatewayConfig

/// Readers for the domain values: each turns a scalar into a validated value or a diagnostic.
extension FieldReader {
    func regionCode(_ node: YAMLNode, path: String) -> Located<RegionCode>? {
        guard let text = text(node, path: path) else { return nil }
        if let code = RegionCode(text.value) { return Located(code, at: text.location) }
        let upper = text.value.uppercased()
        let byName = ISO3166.names.first { $0.value.lowercased() == text.value.lowercased() }
        let correction = RegionCode(upper) != nil && upper != text.value
            ? Correction(replacement: upper, hint: "region codes are upper case: `\(upper)`")
            : byName.map { Correction(replacement: $0.key, hint: "the code for \($0.value) is `\($0.key)`") }
        error(.unknownRegionCode, "`\(text.value)` is not an ISO 3166-1 alpha-2 region code", at: text.location,
              hint: correction?.hint ?? "use a two-letter code such as `HK`, `IN` or `BD`", fix: correction?.replacement)
        return nil
    }

    func currency(_ node: YAMLNode, path: String) -> Located<CurrencyCode>? {
        guard let text = text(node, path: path) else { return nil }
        if let code = CurrencyCode(text.value) { return Located(code, at: text.location) }
        let upper = text.value.uppercased()
        let correction = CurrencyCode(upper) != nil && upper != text.value
            ? Correction(replacement: upper, hint: "currency codes are upper case: `\(upper)`")
            : Suggestion.correction(for: text.value, among: ISO4217.entries.keys)
        error(.unknownCurrency, "`\(text.value)` is not an active ISO 4217 currency code", at: text.location,
              hint: correction?.hint ?? "use a three-letter code such as `HKD` or `USD`", fix: correction?.replacement)
        return nil
    }

    func date(_ node: YAMLNode, path: String) -> Located<CalendarDate>? {
        parsed(node, path: path, { CalendarDate($0) }, or: .invalidDate, "is not a real calendar date",
               hint: "write YYYY-MM-DD, e.g. `2026-07-01`")
    }

    func localTime(_ node: YAMLNode, path: String) -> Located<LocalTime>? {
        parsed(node, path: path, { LocalTime($0) }, or: .invalidTime, "is not a local time HH:MM",
               hint: "write a 24-hour time from 00:00 to 23:59 in quotes, e.g. \"17:00\"")
    }

    /// The text at `node` read by `parse`; when it reads nothing, `code` with "`text` <refusal>" and `hint`.
    private func parsed<Value>(_ node: YAMLNode, path: String, _ parse: (String) -> Value?, or code: DiagnosticCode,
                               _ refusal: String, hint: String) -> Located<Value>? {
        guard let text = text(node, path: path) else { return nil }
        if let value = parse(text.value) { return Located(value, at: text.location) }
        error(code, "`\(text.value)` \(refusal)", at: text.location, hint: hint)
        return nil
    }

    /// The earliest and latest instants a descriptor may name: anything else is a typo.
    static let instantRange = (Instant("2000-01-01T00:00:00Z") ?? Instant(secondsSinceEpoch: 946_684_800))
        ... (Instant("2199-12-31T23:59:59Z") ?? Instant(secondsSinceEpoch: 7_258_118_399))

    func instant(_ node: YAMLNode, path: String) -> Located<Instant>? {
        guard let text = text(node, path: path) else { return nil }
        switch Instant.parse(text.value) {
        case .success(let instant):
            guard Self.instantRange.contains(instant) else {
                error(.instantOutOfRange, "`\(text.value)` is outside the years 2000 to 2199", at: text.location,
                      hint: "check the year")
                return nil
            }
            return Located(instant, at: text.location)
        case .failure(let failure):
            let hint = switch failure {
            case .missingOffset: "add the UTC offset, e.g. `\(text.value)+08:00` or `\(text.value)Z`"
            case .fractionalSeconds: "availability instants are whole seconds; drop the fraction"
            case .invalidDate: "the date part is not a real calendar date"
            case .invalidTime: "the time part must be 00:00:00 to 23:59:59"
            case .beforeFirstDate, .afterLastDate: "check the year"
            case .malformed: "write RFC 3339 with an offset, e.g. `2026-12-01T00:00:00+08:00`"
            }
            error(.invalidInstant, "`\(text.value)` is not an RFC 3339 instant with a UTC offset", at: text.location,
                  hint: hint)
            return nil
        }
    }

    func schedule(_ node: YAMLNode, path: String) -> Located<SettlementSchedule>? {
        parsed(node, path: path, { SettlementSchedule($0) }, or: .invalidSchedule, "is not a settlement schedule",
               hint: "write T+N with N from 0 to \(SettlementSchedule.maximumDays), e.g. `T+2`")
    }

    /// Money `"<decimal> <CODE>"`; `allowed` restricts the currency when the field demands one.
    func money(_ node: YAMLNode, path: String) -> Located<Money>? {
        guard let text = text(node, path: path) else { return nil }
        switch Money.parse(text.value) {
        case .success(let money):
            guard money.minorUnits >= 0 else {
                error(.negativeMoney, "`\(path)` is negative: `\(text.value)`", at: text.location,
                      hint: "amounts and limits are zero or more")
                return nil
            }
            return Located(money, at: text.location)
        case .failure(.malformed):
            let looksNumeric = !text.value.isEmpty && text.value.allSatisfy { $0.isASCIIDigit || $0 == "." }
            error(.invalidMoney, "`\(text.value)` is not money", at: text.location,
                  hint: looksNumeric ? "add the currency: `\(text.value) HKD`"
                      : "write `<amount> <ISO 4217 code>`, e.g. `100.00 HKD` or `1000 KRW`")
        case .failure(.unknownCurrency(let code)):
            // The span is the whole amount: the fix writes the amount again with the code corrected.
            let correction = Suggestion.correction(for: code, among: ISO4217.entries.keys)
            error(.unknownCurrency, "`\(code)` in `\(text.value)` is not an active ISO 4217 currency code",
                  at: text.location, hint: correction?.hint,
                  fix: correction.flatMap { text.value.hasSuffix(code) ? text.value.dropLast(code.count) + $0.replacement : nil })
        case .failure(.tooManyDecimals(let code, let found, let allowed)):
            error(.tooManyDecimals, "`\(text.value)` has \(found) decimal\(found == 1 ? "" : "s"); \(code) has \(allowed)",
                  at: text.location,
                  hint: allowed == 0 ? "\(code) has no minor unit: write a whole amount" : "round to \(allowed) decimal\(allowed == 1 ? "" : "s")")
        case .failure(.overflow):
            error(.moneyOverflow, "`\(text.value)` does not fit in 64-bit minor units", at: text.location,
                  hint: "the largest amount is 9223372036854775807 minor units")
        }
        return nil
    }

    /// A duration `<integer>s|m|h` in whole seconds (`DurationText`); its range is the field's rule.
    func duration(_ node: YAMLNode, path: String) -> Located<Int64>? {
        guard let text = text(node, path: path) else { return nil }
        let hint: String
        switch DurationText.seconds(text.value) {
        case .success(let seconds): return Located(seconds, at: text.location)
        case .failure(.malformed):
            let bare = !text.value.isEmpty && text.value.allSatisfy(\.isASCIIDigit)
            hint = bare ? "add the unit: `\(text.value)s`" : "write a whole number and one unit, s, m or h: `30s`, `5m`, `1h`"
        case .failure(.unknownUnit(let unit)):
            hint = unit == "d" ? "write days in hours, e.g. `24h`" : "the units are s, m and h; `\(unit)` is not one of them"
        case .failure(.leadingZero):
            hint = "drop the leading zero"
        case .failure(.overflow):
            hint = "that does not fit in 64-bit seconds; policies last at most days"
        }
        error(.invalidDuration, "`\(path)` is `\(text.value)`, not a duration", at: text.location, hint: hint)
        return nil
    }

    func weekday(_ node: YAMLNode, path: String) -> Weekday? {
        guard let text = text(node, path: path) else { return nil }
        if let day = Weekday(rawValue: text.value) { return day }
        let lower = String(text.value.lowercased().prefix(3))
        let correction = Weekday(rawValue: lower).map { Correction(replacement: $0.rawValue, hint: "write `\($0.rawValue)`") }
            ?? Suggestion.correction(for: text.value, among: Weekday.allCases.map(\.rawValue))
        error(.unknownWeekday, "`\(text.value)` is not a weekday", at: text.location,
              hint: correction?.hint ?? "use mon, tue, wed, thu, fri, sat or sun", fix: correction?.replacement)
        return nil
    }

    func status(_ node: YAMLNode, path: String) -> Located<AvailabilityStatus>? {
        guard let text = text(node, path: path) else { return nil }
        if let status = AvailabilityStatus(rawValue: text.value) { return Located(status, at: text.location) }
        let correction = Suggestion.correction(for: text.value, among: AvailabilityStatus.allCases.map(\.rawValue))
        error(.unknownStatus, "`\(text.value)` is not an availability status", at: text.location,
              hint: correction?.hint ?? "use planned, pilot, live, paused or retired", fix: correction?.replacement)
        return nil
    }

    func timeZone(_ node: YAMLNode, path: String) -> Located<String>? {
        guard let text = text(node, path: path) else { return nil }
        let known = TimeZoneCatalog.identifiers
        if TimeZoneCatalog.isIANA(text.value) { return Located(text.value, at: text.location) }
        let city = text.value.split(separator: "/").last.map { String($0).replacingOccurrences(of: " ", with: "_") } ?? text.value
        let correction = (known.first { $0.lowercased() == text.value.lowercased() } ?? known.first { $0.hasSuffix("/" + city) })
            .map { Correction(replacement: $0) }
            ?? Suggestion.correction(for: text.value, among: known)
        error(.unknownTimeZone, "`\(text.value)` is not an IANA time zone", at: text.location,
              hint: correction?.hint ?? "use an Area/City name such as `Asia/Hong_Kong`", fix: correction?.replacement)
        return nil
    }

    /// An id that must follow a naming rule, e.g. catalog method ids `ALIPAY_HK`.
    func identifier(_ node: YAMLNode, path: String, rule: IdentifierRule) -> Located<String>? {
        guard let text = text(node, path: path) else { return nil }
        guard rule.accepts(text.value) else {
            error(.invalidIdentifier, "`\(text.value)` is not a valid \(rule.noun)", at: text.location, hint: rule.hint)
            return nil
        }
        return text
    }
}

enum IdentifierRule {
    case method, acquirer, merchant, routeName

    var noun: String {
        switch self {
        case .method: "payment method id"
        case .acquirer: "acquirer id"
        case .merchant: "merchant id"
        case .routeName: "route name"
        }
    }

    var hint: String {
        switch self {
        case .method: "payment method ids are UPPER_SNAKE_CASE, e.g. `ALIPAY_HK`"
        case .acquirer: "acquirer ids are lower-kebab-case, e.g. `antom-hk`"
        case .merchant: "merchant ids are 1 to 128 printable characters without spaces"
        case .routeName: "route names are 1 to 64 characters: letters, digits, `-`, `_` and `.`"
        }
    }

    func accepts(_ text: String) -> Bool {
        let scalars = text.unicodeScalars
        guard let first = scalars.first else { return false }
        switch self {
        case .method:
            return ("A"..."Z").contains(first) && scalars.count <= 64
                && scalars.allSatisfy { ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
        case .acquirer:
            return ("a"..."z").contains(first) && scalars.count <= 64
                && scalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
        case .merchant:
            return scalars.count <= 128 && scalars.allSatisfy { $0.value > 0x20 && $0.value < 0x7F }
        case .routeName:
            return scalars.count <= 64 && scalars.allSatisfy {
                ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0)
            }
        }
    }
}
