import GatewayConfig

/// One checkout to decide: who pays whom, with what, how much, when.
public struct RouteRequest: Sendable, Hashable {
    /// ISO 3166-1 alpha-2 code of the merchant's region, e.g. `HK`. Unknown codes decline.
    public var region: String
    public var merchant: String
    /// A catalog payment method id, e.g. `ALIPAY_HK`.
    public var method: String
    /// Amount in the presentment currency.
    public var amount: Money
    /// The capture instant.
    public var at: Instant

    public init(region: String, merchant: String, method: String, amount: Money, at: Instant) {
        self.region = region
        self.merchant = merchant
        self.method = method
        self.amount = amount
        self.at = at
    }
}
