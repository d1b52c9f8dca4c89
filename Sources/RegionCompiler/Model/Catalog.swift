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
        /// `enabled: false` drains the acquirer fleet-wide; nil when not written (enabled).
        package var enabled: Located<Bool>?
        /// Its own `health` merged key by key over defaults.yaml's `acquirer_health`; nil: neither
        /// is written, or the policy could not be read (already reported).
        package var health: HealthPolicy?

        package var isEnabled: Bool { enabled?.value ?? true }
    }

    /// An acquirer health policy, each value with where it was written (catalog.yaml or defaults.yaml).
    package struct HealthPolicy: Sendable {
        /// The `health:` key in catalog.yaml, or `acquirer_health:` in defaults.yaml when the acquirer names none.
        package var keyLocation: SourceLocation
        package var consecutiveFailures: Located<Int>
        package var failureRate: Located<Int>
        package var minOutcomes: Located<Int>
        package var windowSeconds: Located<Int64>
        package var ejectionSeconds: Located<Int64>
        package var maxEjectionSeconds: Located<Int64>

        package var artifact: HealthPolicyArtifact {
            HealthPolicyArtifact(consecutiveFailures: consecutiveFailures.value, failureRate: failureRate.value,
                                 minOutcomes: minOutcomes.value, windowSeconds: windowSeconds.value,
                                 ejectionSeconds: ejectionSeconds.value, maxEjectionSeconds: maxEjectionSeconds.value)
        }

        /// Where the YAML field `field` (`window`, `failure_rate`...) has its value.
        package func location(of field: String) -> SourceLocation {
            switch field {
            case "consecutive_failures": consecutiveFailures.location
            case "failure_rate": failureRate.location
            case "min_outcomes": minOutcomes.location
            case "window": windowSeconds.location
            case "ejection": ejectionSeconds.location
            case "max_ejection": maxEjectionSeconds.location
            default: keyLocation
            }
        }
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
