import GatewayConfig

/// `catalog.yaml`: the payment method and acquirer ids regions refer to.
public struct Catalog: Sendable {
    public struct Method: Sendable {
        public var id: Located<String>
        public var name: String
        public var walletRegion: RegionCode
        public var walletCurrency: CurrencyCode
    }

    public struct Acquirer: Sendable {
        public var id: Located<String>
        public var name: String
        public var region: RegionCode
        public var settlementCurrencies: [CurrencyCode]
    }

    public var methods: [String: Method] = [:]
    public var acquirers: [String: Acquirer] = [:]
    /// Ids that were declared but could not be read: references to them are not reported again.
    public var unreadableIds: Set<String> = []
    /// No catalog.yaml at all: that is reported once, not as every reference failing.
    public var isMissing = false

    public init() {}
}
