/// Applies `defaults.yaml` under a region: mappings merge key by key, lists and scalars
/// are replaced, a null in the region leaves the default. Merged values keep their own
/// positions, so a bad default is reported in defaults.yaml.
enum DefaultsMerger {
    /// Keys of defaults.yaml that are not a region's: `acquirer_health` is the catalog's acquirers'.
    static let catalogKeys: Set<String> = ["acquirer_health"]

    /// defaults.yaml under a region file: the region keys merged in, the catalog's left out.
    static func mergeIntoRegion(defaults: YAMLNode?, into region: YAMLNode) -> YAMLNode {
        guard let defaults, case .mapping(let pairs) = defaults.kind else { return region }
        let regionDefaults = YAMLNode(.mapping(pairs.filter { !catalogKeys.contains($0.keyText) }), at: defaults.location)
        return merge(defaults: regionDefaults, into: region)
    }

    static func merge(defaults: YAMLNode?, into region: YAMLNode) -> YAMLNode {
        guard let defaults, case .mapping(let defaultPairs) = defaults.kind,
              case .mapping(let regionPairs) = region.kind else { return region }
        var merged: [YAMLPair] = []
        var used = Set<String>()
        let defaultsByKey = Dictionary(defaultPairs.map { ($0.keyText, $0) }, uniquingKeysWith: { first, _ in first })
        for pair in regionPairs {
            used.insert(pair.keyText)
            guard let inherited = defaultsByKey[pair.keyText] else {
                merged.append(pair)
                continue
            }
            if pair.value.isNull {
                merged.append(YAMLPair(key: pair.key, value: inherited.value))
            } else if case .mapping = pair.value.kind, case .mapping = inherited.value.kind {
                merged.append(YAMLPair(key: pair.key, value: merge(defaults: inherited.value, into: pair.value)))
            } else {
                merged.append(pair)
            }
        }
        merged += defaultPairs.filter { !used.contains($0.keyText) }
        return YAMLNode(.mapping(merged), at: region.location)
    }
}
