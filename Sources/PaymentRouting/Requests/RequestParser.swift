import GatewayConfig

/// A request that cannot be decided because it is malformed (not a decline: a caller bug).
public struct RequestError: Error, Sendable, Equatable, CustomStringConvertible {
    public let description: String
    /// The request field at fault (`region`, `merchant`, `method`, `amount`, `at`), or the key of
    /// the member at fault (one given twice, one that is not a string), or nil when the request as
    /// a whole is malformed: lets a service name the field in its answer.
    public let field: String?
    package init(_ description: String, field: String? = nil) {
        self.description = description
        self.field = field
    }
}

/// The request validator: builds `RouteRequest`s from the fields' text, given as the command
/// line's flags or read from JSON by `RequestReader`.
public enum RequestParser {
    /// The last capture instant decided, exclusive: settlement (at most T+10 business days later)
    /// then stays inside the year 9999 that dates can be written in.
    package static let latestCapture = Instant(secondsSinceEpoch: 253_370_764_800) // 9999-01-01T00:00:00Z

    /// The capture instant of a request: RFC 3339 with an offset; a fraction of a second is dropped
    /// (a capture at 10:00:00.999 is decided as 10:00:00).
    static func captureInstant(utf8 at: ArraySlice<UInt8>) -> Result<Instant, RequestError> {
        let parsed = Instant.parse(utf8: at, fractions: .truncate)
        if case .success(let instant) = parsed, instant < latestCapture { return .success(instant) }
        let text = String(decoding: at, as: UTF8.self)
        switch parsed {
        case .failure(.beforeFirstDate):
            return .failure(RequestError("`\(text)` is too early: captures before 0001-01-01T00:00:00Z are not routed", field: "at"))
        case .success, .failure(.afterLastDate):
            return .failure(RequestError("`\(text)` is too late: captures from 9999-01-01T00:00:00Z on are not routed", field: "at"))
        case .failure(.missingOffset):
            return .failure(RequestError("`\(text)` has no UTC offset; add one, e.g. `Z` or `+08:00`", field: "at"))
        case .failure(.invalidDate):
            return .failure(RequestError("`\(text)` is not a real calendar date", field: "at"))
        case .failure(.invalidTime):
            return .failure(RequestError("`\(text)` has a time outside 00:00:00 to 23:59:59", field: "at"))
        case .failure(.fractionalSeconds), .failure(.malformed):
            return .failure(RequestError("`\(text)` is not an RFC 3339 instant with offset, e.g. 2026-12-01T10:00:00Z", field: "at"))
        }
    }

    /// `amount` is `"120.50 HKD"`; `at` is RFC 3339 with an offset.
    public static func parse(region: String, merchant: String, method: String, amount: String, at: String)
        -> Result<RouteRequest, RequestError> {
        parse(region: region, merchant: merchant, method: method, amount: amount, at: at, defaultAt: nil)
    }

    /// The same with `at` optional: `defaultAt` (the caller's "now", an instant, never text) stands in
    /// for a missing one; without either the request is refused.
    package static func parse(region: String, merchant: String, method: String, amount: String, at: String?,
                              defaultAt: Instant?) -> Result<RouteRequest, RequestError> {
        request(region: region, merchant: merchant, method: method, amount: Array(amount.utf8)[...],
                at: at.map { Array($0.utf8)[...] }, defaultAt: defaultAt)
    }

    /// The rules every request meets, from the command line's flags or `RequestReader`'s JSON:
    /// the one home of the request validator. `amount` and `at` come as UTF-8 bytes, so a batch
    /// line's are parsed where they lie; text is made only for a message.
    package static func request(region: String, merchant: String, method: String, amount: ArraySlice<UInt8>,
                                at: ArraySlice<UInt8>?, defaultAt: Instant?) -> Result<RouteRequest, RequestError> {
        if let error = controlCharacter(in: region, field: "region") { return .failure(error) }
        guard !merchant.isEmpty else { return .failure(RequestError("the merchant id is empty", field: "merchant")) }
        if let error = controlCharacter(in: merchant, field: "merchant") ?? controlCharacter(in: method, field: "method") {
            return .failure(error)
        }
        let money: Money
        switch Money.parse(utf8: amount) {
        case .success(let parsed) where parsed.minorUnits >= 0: money = parsed
        case .success: return .failure(RequestError("`\(String(decoding: amount, as: UTF8.self))` is negative", field: "amount"))
        case .failure(let error): return .failure(amountError(error, String(decoding: amount, as: UTF8.self)))
        }
        let instant: Instant
        if let at {
            switch captureInstant(utf8: at) {
            case .success(let parsed): instant = parsed
            case .failure(let error): return .failure(error)
            }
        } else if let defaultAt {
            instant = defaultAt
        } else {
            return .failure(RequestError("missing \"at\"", field: "at"))
        }
        return .success(RouteRequest(region: region, merchant: merchant, method: method, amount: money, at: instant))
    }

    static func amountError(_ error: Money.ParseError, _ amount: String) -> RequestError {
        switch error {
        case .unknownCurrency(let code): RequestError("`\(code)` is not an ISO 4217 currency code", field: "amount")
        case .tooManyDecimals(let code, let found, let allowed):
            RequestError("`\(amount)` has \(found) decimals; \(code) has \(allowed)", field: "amount")
        case .overflow: RequestError("`\(amount)` does not fit in 64-bit minor units", field: "amount")
        case .malformed: RequestError("`\(amount)` is not an amount like \"120.50 HKD\"", field: "amount")
        }
    }

    /// An id holding a C0 control character or DEL (a NUL in a merchant id, a newline in a method)
    /// is refused: it would be routed, logged and bucketed as a different id than it shows as.
    static func controlCharacter(in value: String, field: String) -> RequestError? {
        // Below 0x80 a UTF-8 byte is its scalar, and no longer scalar has such a byte.
        guard let byte = value.utf8.first(where: { $0 < 0x20 || $0 == 0x7F }) else { return nil }
        let hex = String(byte, radix: 16, uppercase: true)
        return RequestError("\"\(field)\" holds control character U+\(String(repeating: "0", count: max(0, 4 - hex.count)))\(hex)", field: field)
    }
}
