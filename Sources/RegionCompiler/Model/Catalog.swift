import GatewayConfig

/// `catalog.yaml`: the payment method and acquirer ids regions refer to.
package struct Catalog: Sendable {
    package struct Method: Sendable {
        package var id: Located<String>
        package var name: String
        package var walletRegion: RegionCode
        package var walletCurrency: CurrencyCode
        /// Whether the wallet is an Alipay+ payment method; nil when the catalog does not say.
        package var alipayPlus: Bool?
        /// The wallet's own limits, as its operator publishes them; nil when the catalog records none.
        package var caps: WalletCaps?
    }

    /// What a wallet itself accepts, in its own currency, with where that was read.
    /// Period caps (per day, month, year) are not per-payment caps, but no single payment can exceed them either.
    package struct WalletCaps: Sendable {
        package var keyLocation: SourceLocation
        package var perPaymentMin: Located<Money>?
        package var perPaymentMax: Located<Money>?
        package var perDay: Located<Money>?
        package var perMonth: Located<Money>?
        package var perYear: Located<Money>?
        package var source: Located<String>?

        /// The tightest cap on one payment and what kind of cap it is ("per payment", "per day"...).
        package var singlePaymentBound: (amount: Located<Money>, kind: String)? {
            let candidates: [(Located<Money>?, String)] = [(perPaymentMax, "per payment"), (perDay, "per day"),
                                                           (perMonth, "per month"), (perYear, "per year")]
            return candidates.compactMap { cap, kind in cap.map { ($0, kind) } }
                .min { $0.0.value.minorUnits < $1.0.value.minorUnits }
        }
    }

    package struct Acquirer: Sendable {
        package var id: Located<String>
        package var name: String
        package var region: RegionCode
        package var settlementCurrencies: [CurrencyCode]
    }

    package var methods: [String: Method] = [:]
    package var acquirers: [String: Acquirer] = [:]
    /// Ids that were declared but could not be read: references to them are not reported again.
    package var unreadableIds: Set<String> = []
    /// No catalog.yaml at all: that is reported once, not as every reference failing.
    package var isMissing = false
    /// "Did you mean" over the method and acquirer ids, prepared once after decoding (`prepareSuggestions`).
    package var methodSuggestions = SuggestionIndex([String]())
    package var acquirerSuggestions = SuggestionIndex([String]())

    /// Prepares the suggestion indices from the decoded ids.
    package mutating func prepareSuggestions() {
        methodSuggestions = SuggestionIndex(methods.keys)
        acquirerSuggestions = SuggestionIndex(acquirers.keys)
    }

    package init() {}
}
