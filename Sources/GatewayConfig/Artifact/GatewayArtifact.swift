/// The compiled `gateway-config.json`. See docs/artifact.md for the format.
public struct GatewayArtifact: Sendable, Hashable, Codable {
    /// 2: banking calendars (`calendars`, `settlement.calendars`); a version-1 runtime must refuse it.
    public static let currentFormatVersion = 2

    public var formatVersion: Int
    public var compilerVersion: String
    public var sourceDigest: String
    public var catalog: CatalogArtifact
    public var regions: [String: RegionArtifact]
    /// Banking calendars by market code.
    public var calendars: [String: CalendarArtifact]

    public init(formatVersion: Int = GatewayArtifact.currentFormatVersion, compilerVersion: String,
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
}

public struct CatalogArtifact: Sendable, Hashable, Codable {
    public var paymentMethods: [String: PaymentMethodEntry]
    public var acquirers: [String: AcquirerEntry]

    public init(paymentMethods: [String: PaymentMethodEntry], acquirers: [String: AcquirerEntry]) {
        self.paymentMethods = paymentMethods
        self.acquirers = acquirers
    }

    enum CodingKeys: String, CodingKey {
        case paymentMethods = "payment_methods"
        case acquirers
    }
}

public struct PaymentMethodEntry: Sendable, Hashable, Codable {
    public var name: String
    public var walletRegion: RegionCode
    public var walletCurrency: CurrencyCode

    public init(name: String, walletRegion: RegionCode, walletCurrency: CurrencyCode) {
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

public struct AcquirerEntry: Sendable, Hashable, Codable {
    public var name: String
    public var region: RegionCode
    public var settlementCurrencies: [CurrencyCode]

    public init(name: String, region: RegionCode, settlementCurrencies: [CurrencyCode]) {
        self.name = name
        self.region = region
        self.settlementCurrencies = settlementCurrencies
    }

    enum CodingKeys: String, CodingKey {
        case name, region
        case settlementCurrencies = "settlement_currencies"
    }
}
