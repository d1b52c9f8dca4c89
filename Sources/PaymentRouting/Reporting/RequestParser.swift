import GatewayConfig

/// A request that cannot be decided because it is malformed (not a decline: a caller bug).
public struct RequestError: Error, Sendable, Equatable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// Builds `RouteRequest`s from the text forms the CLI and batch files use.
public enum RequestParser {
    /// `amount` is `"120.50 HKD"`; `at` is RFC 3339 with an offset.
    public static func parse(region: String, merchant: String, method: String, amount: String, at: String)
        -> Result<RouteRequest, RequestError> {
        guard !merchant.isEmpty else { return .failure(RequestError("the merchant id is empty")) }
        let money: Money
        switch Money.parse(amount) {
        case .success(let parsed): money = parsed
        case .failure(.unknownCurrency(let code)): return .failure(RequestError("`\(code)` is not an ISO 4217 currency code"))
        case .failure(.tooManyDecimals(let code, let found, let allowed)):
            return .failure(RequestError("`\(amount)` has \(found) decimals; \(code) has \(allowed)"))
        case .failure(.overflow): return .failure(RequestError("`\(amount)` does not fit in 64-bit minor units"))
        case .failure(.malformed): return .failure(RequestError("`\(amount)` is not an amount like \"120.50 HKD\""))
        }
        guard money.minorUnits >= 0 else { return .failure(RequestError("`\(amount)` is negative")) }
        guard let instant = Instant(at) else {
            return .failure(RequestError("`\(at)` is not an RFC 3339 instant with offset, e.g. 2026-12-01T10:00:00Z"))
        }
        return .success(RouteRequest(region: region, merchant: merchant, method: method, amount: money, at: instant))
    }
}
