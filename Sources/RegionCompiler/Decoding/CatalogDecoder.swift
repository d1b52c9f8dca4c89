import GatewayConfig

/// Reads `catalog.yaml`.
package struct CatalogDecoder {
    package static let rootKeys = ["payment_methods", "acquirers"]
    package static let methodKeys = ["name", "wallet_region", "wallet_currency", "alipay_plus", "caps"]
    package static let acquirerKeys = ["name", "region", "settlement_currencies", "enabled", "health"]
    package static let capsKeys = ["per_payment", "per_day", "per_month", "per_year", "source"]

    let reader: FieldReader
    /// defaults.yaml's `acquirer_health`, already read and reported there.
    var acquirerHealth: DefaultHealthPolicy? = nil

    func decode(_ root: YAMLNode) -> Catalog {
        var catalog = Catalog()
        guard let fields = reader.mapping(root, path: "", introducedAt: root.location, known: Self.rootKeys,
                                          required: ["payment_methods", "acquirers"]) else { return catalog }
        var declared: [String: SourceLocation] = [:]
        readSection("payment_methods", of: fields, into: \.methods, rule: .method, known: Self.methodKeys,
                    required: ["name", "wallet_region", "wallet_currency"], declared: &declared, catalog: &catalog) { id, entry in
            guard let name = entry["name"].flatMap({ reader.text($0, path: "name") }),
                  let region = entry["wallet_region"].flatMap({ reader.regionCode($0, path: "wallet_region") }),
                  let currency = entry["wallet_currency"].flatMap({ reader.currency($0, path: "wallet_currency") })
            else { return nil }
            let alipayPlus = entry["alipay_plus"].flatMap { reader.boolean($0, path: "alipay_plus") }
            let caps = entry["caps"].flatMap { node in
                decodeCaps(node, id: id.value, currency: currency.value, keyLocation: entry.keyLocation("caps") ?? node.location)
            }
            return Catalog.Method(id: id, name: name.value, walletRegion: region.value, walletCurrency: currency.value,
                                  alipayPlus: alipayPlus?.value, caps: caps)
        }
        readSection("acquirers", of: fields, into: \.acquirers, rule: .acquirer, known: Self.acquirerKeys,
                    required: ["name", "region", "settlement_currencies"], declared: &declared, catalog: &catalog) { id, entry in
            guard let name = entry["name"].flatMap({ reader.text($0, path: "name") }),
                  let region = entry["region"].flatMap({ reader.regionCode($0, path: "region") }),
                  let currencies = entry["settlement_currencies"].flatMap({ list in
                      reader.list(list, path: "settlement_currencies") { reader.currency($0, path: "settlement_currencies")?.value }
                  })
            else { return nil }
            return Catalog.Acquirer(
                id: id, name: name.value, region: region.value, settlementCurrencies: currencies.map(\.value),
                enabled: entry["enabled"].flatMap { reader.boolean($0, path: "enabled") },
                health: health(entry, id: id.value))
        }
        return catalog
    }

    /// The acquirer's `health` merged key by key over defaults.yaml's `acquirer_health`, or that
    /// policy alone when it names none.
    private func health(_ entry: Fields, id: String) -> Catalog.HealthPolicy? {
        guard let own = entry["health"] else { return acquirerHealth?.policy }
        let merged = acquirerHealth.map { DefaultsMerger.merge(defaults: HealthPolicyDecoder.knownPairs(of: $0.node), into: own) } ?? own
        return HealthPolicyDecoder(reader: reader).decode(merged, path: "acquirers.\(id).health",
                                                          keyLocation: entry.keyLocation("health") ?? own.location)
    }

    /// `caps`: the wallet's own limits, every amount in its wallet currency, with the source they come from.
    private func decodeCaps(_ node: YAMLNode, id: String, currency: CurrencyCode, keyLocation: SourceLocation) -> Catalog.WalletCaps? {
        let path = "payment_methods.\(id).caps"
        guard let fields = reader.mapping(node, path: path, introducedAt: keyLocation,
                                          known: Self.capsKeys,
                                          required: ["source"]) else { return nil }
        func amount(_ node: YAMLNode?, _ name: String) -> Located<Money>? {
            guard let node, let money = reader.money(node, path: name) else { return nil }
            guard money.value.currency == currency else {
                reader.error(.amountCurrencyMismatch, "`\(name)` \(money.value) is not in \(id)'s wallet currency \(currency)",
                             at: money.location, hint: "a wallet's caps are in the currency its balances are held in")
                return nil
            }
            return money
        }
        var caps = Catalog.WalletCaps(keyLocation: keyLocation)
        caps.source = fields["source"].flatMap { reader.text($0, path: "source") }
        if let perPayment = fields["per_payment"],
           let range = reader.mapping(perPayment, path: "\(path).per_payment", introducedAt: fields.keyLocation("per_payment"),
                                      known: RegionDecoder.rangeKeys) {
            caps.perPaymentMin = amount(range["min"], "min")
            caps.perPaymentMax = amount(range["max"], "max")
            if range["min"] == nil, range["max"] == nil {
                reader.error(.emptyRange, "`per_payment` has neither `min` nor `max`", at: perPayment.location,
                             hint: "write the wallet's minimum and/or maximum per payment, or drop `per_payment`")
            }
            if let min = caps.perPaymentMin, let max = caps.perPaymentMax, min.value.minorUnits >= max.value.minorUnits {
                reader.error(.minNotBelowMax, "`min` \(min.value) is not below `max` \(max.value)", at: min.location,
                             hint: "swap them, or fix the amount")
            }
        }
        caps.perDay = amount(fields["per_day"], "per_day")
        caps.perMonth = amount(fields["per_month"], "per_month")
        caps.perYear = amount(fields["per_year"], "per_year")
        return caps
    }

    /// Each entry of a catalog section, in file order: its id registered (no id twice across
    /// sections), its mapping read (`known` keys only, the `required` ones present), then `read`.
    /// An id whose mapping or fields do not read is unreadable, not absent.
    private func readSection<Entry>(_ section: String, of fields: Fields, into table: WritableKeyPath<Catalog, [String: Entry]>,
                                    rule: IdentifierRule, known: [String], required: [String],
                                    declared: inout [String: SourceLocation], catalog: inout Catalog,
                                    _ read: (Located<String>, Fields) -> Entry?) {
        for (key, value) in entries(fields[section], path: section) {
            guard let id = register(key, rule: rule, declared: &declared, catalog: &catalog) else { continue }
            guard let entry = reader.mapping(value, path: "\(section).\(id.value)", introducedAt: key.location,
                                             known: known, required: required),
                  let decoded = read(id, entry)
            else { catalog.unreadableIds.insert(id.value); continue }
            catalog[keyPath: table][id.value] = decoded
        }
    }

    private func entries(_ node: YAMLNode?, path: String) -> [(key: YAMLNode, value: YAMLNode)] {
        guard let node else { return [] }
        guard case .mapping(let pairs) = node.kind else {
            reader.wrongType(node, expected: "a mapping of id to entry", path: path)
            return []
        }
        return pairs.map { ($0.key, $0.value) }
    }

    /// Checks that no other entry (of either kind, ignoring case) already uses the id, then its spelling.
    private func register(_ key: YAMLNode, rule: IdentifierRule, declared: inout [String: SourceLocation],
                          catalog: inout Catalog) -> Located<String>? {
        if let text = key.scalarText, !key.isNull {
            let folded = text.lowercased()
            if let first = declared[folded] {
                reader.error(.duplicateCatalogId, "id `\(text)` is declared twice in the catalog", at: key.location,
                             hint: "every payment method and acquirer needs its own id, whatever the case",
                             related: [RelatedNote(location: first, message: "first declared here")])
                _ = reader.identifier(key, path: rule.noun, rule: rule)
                catalog.unreadableIds.insert(text)
                return nil
            }
            declared[folded] = key.location
        }
        guard let id = reader.identifier(key, path: rule.noun, rule: rule) else {
            if let text = key.scalarText { catalog.unreadableIds.insert(text) }
            return nil
        }
        return id
    }
}
