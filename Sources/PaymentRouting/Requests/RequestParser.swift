import GatewayConfig

/// A request that cannot be decided because it is malformed (not a decline: a caller bug).
public struct RequestError: Error, Sendable, Equatable, CustomStringConvertible {
    public let description: String
    /// The request field at fault (`region`, `merchant`, `method`, `amount`, `at`), or nil when the
    /// request as a whole is malformed: lets a service name the field in its answer.
    public let field: String?
    package init(_ description: String, field: String? = nil) {
        self.description = description
        self.field = field
    }
}

/// Builds `RouteRequest`s from the text forms the CLI and batch files use.
public enum RequestParser {
    /// The last capture instant decided, exclusive: settlement (at most T+10 business days later)
    /// then stays inside the year 9999 that dates can be written in.
    package static let latestCapture = Instant(secondsSinceEpoch: 253_370_764_800) // 9999-01-01T00:00:00Z

    /// The capture instant of a request: RFC 3339 with an offset; a fraction of a second is dropped
    /// (a capture at 10:00:00.999 is decided as 10:00:00).
    package static func captureInstant(_ at: String) -> Result<Instant, RequestError> {
        switch Instant.parse(at, fractions: .truncate) {
        case .success(let instant) where instant < latestCapture: return .success(instant)
        case .success, .failure(.outOfRange):
            return .failure(RequestError("`\(at)` is too late: captures from 9999-01-01T00:00:00Z on are not routed", field: "at"))
        case .failure(.missingOffset):
            return .failure(RequestError("`\(at)` has no UTC offset; add one, e.g. `Z` or `+08:00`", field: "at"))
        case .failure(.invalidDate):
            return .failure(RequestError("`\(at)` is not a real calendar date", field: "at"))
        case .failure(.invalidTime):
            return .failure(RequestError("`\(at)` has a time outside 00:00:00 to 23:59:59", field: "at"))
        case .failure(.fractionalSeconds), .failure(.malformed):
            return .failure(RequestError("`\(at)` is not an RFC 3339 instant with offset, e.g. 2026-12-01T10:00:00Z", field: "at"))
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
        guard !merchant.isEmpty else { return .failure(RequestError("the merchant id is empty", field: "merchant")) }
        let money: Money
        switch Money.parse(amount) {
        case .success(let parsed): money = parsed
        case .failure(.unknownCurrency(let code)): return .failure(RequestError("`\(code)` is not an ISO 4217 currency code", field: "amount"))
        case .failure(.tooManyDecimals(let code, let found, let allowed)):
            return .failure(RequestError("`\(amount)` has \(found) decimals; \(code) has \(allowed)", field: "amount"))
        case .failure(.overflow): return .failure(RequestError("`\(amount)` does not fit in 64-bit minor units", field: "amount"))
        case .failure(.malformed): return .failure(RequestError("`\(amount)` is not an amount like \"120.50 HKD\"", field: "amount"))
        }
        guard money.minorUnits >= 0 else { return .failure(RequestError("`\(amount)` is negative", field: "amount")) }
        let instant: Instant
        if let at {
            switch captureInstant(at) {
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
}
