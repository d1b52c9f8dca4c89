extension CurrencyCode {
    /// The banking market a currency clears in, whose business days its payouts need: by ISO 4217's
    /// construction the code's first two letters are the issuing country's ISO 3166 code
    /// (USD -> US, HKD -> HK, KRW -> KR). Nil for currencies of no single market: the euro, the
    /// X-codes (supranational units, CFA francs, funds) and codes whose prefix is not an assigned country.
    package var homeMarket: RegionCode? {
        guard rawValue != "EUR", !rawValue.hasPrefix("X") else { return nil }
        return RegionCode(String(rawValue.prefix(2)))
    }
}
