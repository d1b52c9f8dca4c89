/// The compiled `gateway-config.json`. See docs/artifact.md for the format.
public struct GatewayArtifact: Sendable, Hashable, Codable {
    /// 2: banking calendars (`calendars`, `settlement.calendars`); a version-1 runtime must refuse it.
    package static let currentFormatVersion = 2

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

    package init(name: String, region: RegionCode, settlementCurrencies: [CurrencyCode]) {
        self.name = name
        self.region = region
        self.settlementCurrencies = settlementCurrencies
    }

    enum CodingKeys: String, CodingKey {
        case name, region
        case settlementCurrencies = "settlement_currencies"
    }
}
