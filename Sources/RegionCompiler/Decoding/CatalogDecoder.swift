import GatewayConfig

/// Reads `catalog.yaml`.
struct CatalogDecoder {
    let reader: FieldReader

    func decode(_ root: YAMLNode) -> Catalog {
        var catalog = Catalog()
        guard let fields = reader.mapping(root, path: "", anchor: root.location, known: ["payment_methods", "acquirers"],
                                          required: ["payment_methods", "acquirers"]) else { return catalog }
        var declared: [String: SourceLocation] = [:]
        for (key, value) in entries(fields["payment_methods"], path: "payment_methods") {
            guard let id = register(key, rule: .method, declared: &declared, catalog: &catalog) else { continue }
            guard let entry = reader.mapping(value, path: "payment_methods.\(id.value)", anchor: key.location,
                                             known: ["name", "wallet_region", "wallet_currency"],
                                             required: ["name", "wallet_region", "wallet_currency"]),
                  let name = entry["name"].flatMap({ reader.text($0, path: "name") }),
                  let region = entry["wallet_region"].flatMap({ reader.regionCode($0, path: "wallet_region") }),
                  let currency = entry["wallet_currency"].flatMap({ reader.currency($0, path: "wallet_currency") })
            else { catalog.unreadableIds.insert(id.value); continue }
            catalog.methods[id.value] = Catalog.Method(id: id, name: name.value, walletRegion: region.value,
                                                       walletCurrency: currency.value)
        }
        for (key, value) in entries(fields["acquirers"], path: "acquirers") {
            guard let id = register(key, rule: .acquirer, declared: &declared, catalog: &catalog) else { continue }
            guard let entry = reader.mapping(value, path: "acquirers.\(id.value)", anchor: key.location,
                                             known: ["name", "region", "settlement_currencies"],
                                             required: ["name", "region", "settlement_currencies"]),
                  let name = entry["name"].flatMap({ reader.text($0, path: "name") }),
                  let region = entry["region"].flatMap({ reader.regionCode($0, path: "region") }),
                  let currencies = entry["settlement_currencies"].flatMap({ list in
                      reader.list(list, path: "settlement_currencies") { reader.currency($0, path: "settlement_currencies")?.value }
                  })
            else { catalog.unreadableIds.insert(id.value); continue }
            catalog.acquirers[id.value] = Catalog.Acquirer(id: id, name: name.value, region: region.value,
                                                           settlementCurrencies: currencies.map(\.value))
        }
        return catalog
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
