import GatewayConfig

/// `catalog.yaml`: the payment method and acquirer ids regions refer to.
public struct Catalog: Sendable {
    public struct Method: Sendable {
        public var id: Located<String>
        public var name: String
        public var walletRegion: RegionCode
        public var walletCurrency: CurrencyCode
        /// Whether the wallet is an Alipay+ payment method; nil when the catalog does not say.
        public var alipayPlus: Bool?
        /// The wallet's own limits, as its operator publishes them; nil when the catalog records none.
        public var caps: WalletCaps?
    }

    /// What a wallet itself accepts, in its own currency, with where that was read.
    /// Period caps (per day, month, year) are not per-payment caps, but no single payment can exceed them either.
    public struct WalletCaps: Sendable {
        public var keyLocation: SourceLocation
        public var perPaymentMin: Located<Money>?
        public var perPaymentMax: Located<Money>?
        public var perDay: Located<Money>?
        public var perMonth: Located<Money>?
        public var perYear: Located<Money>?
        public var source: Located<String>?

        /// The tightest cap on one payment and what kind of cap it is ("per payment", "per day"...).
        public var singlePaymentBound: (amount: Located<Money>, kind: String)? {
            let candidates: [(Located<Money>?, String)] = [(perPaymentMax, "per payment"), (perDay, "per day"),
                                                           (perMonth, "per month"), (perYear, "per year")]
            return candidates.compactMap { cap, kind in cap.map { ($0, kind) } }
                .min { $0.0.value.minorUnits < $1.0.value.minorUnits }
        }
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
