/// The compiled `gateway-config.json`. See docs/artifact.md for the format.
public struct GatewayArtifact: Sendable, Hashable, Codable {
    /// 2: banking calendars (`calendars`, `settlement.calendars`); a version-1 runtime must refuse it.
    /// 3: failover (a route's `fallback`, an acquirer's `enabled` and `health`); a version-2 runtime
    /// refuses it, since it would route to a drained acquirer and never fall back.
    /// 4: scheduled changes (`availability.schedule` on regions and methods, `change_freezes`); a
    /// version-3 runtime refuses it, since it would keep a pilot at its first step forever.
    package static let currentFormatVersion = 4

    package var formatVersion: Int
    package var compilerVersion: String
    package var sourceDigest: String
    package var catalog: CatalogArtifact
    package var regions: [String: RegionArtifact]
    /// Banking calendars by market code.
    package var calendars: [String: CalendarArtifact]

    package init(formatVersion: Int = GatewayArtifact.currentFormatVersion, compilerVersion: String,
                sourceDigest: String, catalog: CatalogArtifact, regions: [String: RegionArtifact],
                calendars: [String: CalendarArtifact] = [:]) {
        self.formatVersion = formatVersion
        self.compilerVersion = compilerVersion
        self.sourceDigest = sourceDigest
        self.catalog = catalog
        self.regions = regions
        self.calendars = calendars
    }

    enum CodingKeys: String, CodingKey {
        case formatVersion = "format_version"
        case compilerVersion = "compiler_version"
        case sourceDigest = "source_digest"
        case catalog, regions, calendars
    }

    /// Reads format 1 too (no `calendars`), so review tools can compare an old build with a new
    /// one; the runtime refuses any version but the current before decoding, and refuses an
    /// artifact whose re-encoding differs from its bytes (a missing `calendars` included).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        formatVersion = try container.decode(Int.self, forKey: .formatVersion)
        compilerVersion = try container.decode(String.self, forKey: .compilerVersion)
        sourceDigest = try container.decode(String.self, forKey: .sourceDigest)
        catalog = try container.decode(CatalogArtifact.self, forKey: .catalog)
        regions = try container.decode([String: RegionArtifact].self, forKey: .regions)
        calendars = try container.decodeIfPresent([String: CalendarArtifact].self, forKey: .calendars) ?? [:]
    }
}

package struct CatalogArtifact: Sendable, Hashable, Codable {
    package var paymentMethods: [String: PaymentMethodEntry]
    package var acquirers: [String: AcquirerEntry]

    package init(paymentMethods: [String: PaymentMethodEntry], acquirers: [String: AcquirerEntry]) {
        self.paymentMethods = paymentMethods
        self.acquirers = acquirers
    }

    enum CodingKeys: String, CodingKey {
        case paymentMethods = "payment_methods"
        case acquirers
    }
}

package struct PaymentMethodEntry: Sendable, Hashable, Codable {
    package var name: String
    package var walletRegion: RegionCode
    package var walletCurrency: CurrencyCode

    package init(name: String, walletRegion: RegionCode, walletCurrency: CurrencyCode) {
        self.name = name
        self.walletRegion = walletRegion
        self.walletCurrency = walletCurrency
    }

    enum CodingKeys: String, CodingKey {
        case name
        case walletRegion = "wallet_region"
        case walletCurrency = "wallet_currency"
    }
}

package struct AcquirerEntry: Sendable, Hashable, Codable {
    package var name: String
    package var region: RegionCode
    package var settlementCurrencies: [CurrencyCode]
    /// False drains the acquirer fleet-wide: every route treats it as unavailable. Written only
    /// when false (absent is enabled, as in formats 1 and 2).
    package var enabled: Bool
    /// The acquirer's own policy, or `acquirer_health` from defaults; nil: never ejected.
    package var health: HealthPolicyArtifact?

    package init(name: String, region: RegionCode, settlementCurrencies: [CurrencyCode], enabled: Bool = true,
                 health: HealthPolicyArtifact? = nil) {
        self.name = name
        self.region = region
        self.settlementCurrencies = settlementCurrencies
        self.enabled = enabled
        self.health = health
    }

    enum CodingKeys: String, CodingKey {
        case name, region, enabled, health
        case settlementCurrencies = "settlement_currencies"
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        region = try container.decode(RegionCode.self, forKey: .region)
        settlementCurrencies = try container.decode([CurrencyCode].self, forKey: .settlementCurrencies)
        enabled = try container.decodeIfPresent(Bool.self, forKey: .enabled) ?? true
        health = try container.decodeIfPresent(HealthPolicyArtifact.self, forKey: .health)
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(region, forKey: .region)
        try container.encode(settlementCurrencies, forKey: .settlementCurrencies)
        if !enabled { try container.encode(false, forKey: .enabled) }
        try container.encodeIfPresent(health, forKey: .health)
    }
}

/// When outcomes eject an acquirer (docs/failover.md): `consecutiveFailures` in a row, or
/// failures reaching `failureRate` percent of at least `minOutcomes` successes and failures in the
/// sliding `windowSeconds`. The first ejection lasts `ejectionSeconds`, each consecutive one twice
/// the last, at most `maxEjectionSeconds`. Ranges: `HealthPolicyRule`.
package struct HealthPolicyArtifact: Sendable, Hashable, Codable {
    package var consecutiveFailures: Int
    /// 0 turns the rate rule off (only consecutive failures eject).
    package var failureRate: Int
    package var minOutcomes: Int
    package var windowSeconds: Int64
    package var ejectionSeconds: Int64
    package var maxEjectionSeconds: Int64

    package init(consecutiveFailures: Int, failureRate: Int, minOutcomes: Int, windowSeconds: Int64,
                 ejectionSeconds: Int64, maxEjectionSeconds: Int64) {
        self.consecutiveFailures = consecutiveFailures
        self.failureRate = failureRate
        self.minOutcomes = minOutcomes
        self.windowSeconds = windowSeconds
        self.ejectionSeconds = ejectionSeconds
        self.maxEjectionSeconds = maxEjectionSeconds
    }

    enum CodingKeys: String, CodingKey {
        case consecutiveFailures = "consecutive_failures"
        case failureRate = "failure_rate"
        case minOutcomes = "min_outcomes"
        case windowSeconds = "window_seconds"
        case ejectionSeconds = "ejection_seconds"
        case maxEjectionSeconds = "max_ejection_seconds"
    }
}
