/// Why a checkout is not offered. Raw values are stable codes for logs, JSON and dashboards.
public enum DeclineReason: String, Sendable, CaseIterable, Codable {
    case unknownRegion = "UNKNOWN_REGION"
    /// Status planned, paused or retired, or the instant is outside `from`/`until`.
    case regionNotLive = "REGION_NOT_LIVE"
    case blackout = "BLACKOUT"
    /// Denied, or a pilot the merchant is not part of.
    case notInRollout = "NOT_IN_ROLLOUT"
    /// The region does not list the method, or the method is not available at that instant.
    case methodNotOffered = "METHOD_NOT_OFFERED"
    /// The method does not take payments in this currency.
    case currencyNotSupported = "CURRENCY_NOT_SUPPORTED"
    case amountBelowMin = "AMOUNT_BELOW_MIN"
    case amountAboveMax = "AMOUNT_ABOVE_MAX"
    /// No route matches. A compiled artifact never does this; a hand-edited one might.
    case noRoute = "NO_ROUTE"
    /// Every acquirer of the matching route (primary and fallbacks) is disabled or ejected: the
    /// gateway is not offered rather than a payment failed.
    case acquirerUnavailable = "ACQUIRER_UNAVAILABLE"
}
