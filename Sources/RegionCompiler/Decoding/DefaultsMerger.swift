/// Applies `defaults.yaml` under a region: mappings merge key by key, lists and scalars
/// are replaced, a null in the region leaves the default. Merged values keep their own
/// positions, so a bad default is reported in defaults.yaml. Lists under `joinedKeys` join
/// instead: defaults.yaml's change freezes hold for every region, beside its own.
/// A scheduled step applies the same way over the phase before it, except that a null removes.
enum DefaultsMerger {
    /// Keys of defaults.yaml that are not a region's: `acquirer_health` is the catalog's acquirers'.
    static let catalogKeys: Set<String> = ["acquirer_health"]
    /// Lists that join: defaults.yaml's items, then the region's.
    static let joinedKeys: Set<String> = ["change_freezes"]

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
            } else if joinedKeys.contains(pair.keyText), case .sequence(let own) = pair.value.kind,
                      case .sequence(let inheritedItems) = inherited.value.kind {
                merged.append(YAMLPair(key: pair.key, value: YAMLNode(.sequence(inheritedItems + own), at: pair.value.location)))
            } else if case .mapping = pair.value.kind, case .mapping = inherited.value.kind {
                merged.append(YAMLPair(key: pair.key, value: merge(defaults: inherited.value, into: pair.value)))
            } else {
                merged.append(pair)
            }
        }
        merged += defaultPairs.filter { !used.contains($0.keyText) }
        return YAMLNode(.mapping(merged), at: region.location)
    }

    /// A scheduled step over the phase before it: the step's keys but `skipping` merge in (maps key
    /// by key, lists and scalars replaced), and a key given as null is removed.
    static func apply(step: YAMLNode, to phase: YAMLNode, skipping: Set<String>) -> YAMLNode {
        guard case .mapping(let stepPairs) = step.kind, case .mapping(let phasePairs) = phase.kind else { return phase }
        var merged = phasePairs
        for pair in stepPairs where !skipping.contains(pair.keyText) {
            let index = merged.firstIndex { $0.keyText == pair.keyText }
            if pair.value.isNull {
                if let index { merged.remove(at: index) }
            } else if let index, case .mapping = pair.value.kind, case .mapping = merged[index].value.kind {
                merged[index] = YAMLPair(key: merged[index].key,
                                         value: apply(step: pair.value, to: merged[index].value, skipping: []))
            } else if let index {
                merged[index] = pair
            } else {
                merged.append(pair)
            }
        }
        return YAMLNode(.mapping(merged), at: phase.location)
    }
}
