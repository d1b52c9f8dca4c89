import GatewayConfig

/// The acquirers a region's routes name, for `regionc effective`: as YAML comments after the
/// descriptor, whether each is enabled and its health policy as resolved (its own `health` merged
/// key by key over defaults.yaml's `acquirer_health`), each value with the file and line it came from.
package enum EffectiveAcquirers {
    package static func render(_ region: RegionDescriptor, catalog: Catalog) -> String {
        var ids: [String] = []
        for route in region.routes where route.enabled {
            for id in route.candidates.map(\.value) where !ids.contains(id) { ids.append(id) }
        }
        guard !ids.isEmpty else { return "" }
        var lines = ["# acquirers its routes name, in route order (catalog.yaml; health over defaults.yaml's acquirer_health, key by key):"]
        for id in ids {
            guard let acquirer = catalog.acquirers[id] else {
                lines.append("#   \(id): not in the catalog")
                continue
            }
            let state = acquirer.isEnabled ? "enabled" : "disabled"
            lines.append("#   \(id): \(state)  # \(origin(acquirer.enabled?.location ?? acquirer.id.location))")
            guard let health = acquirer.health else {
                lines.append("#     no health policy: never ejected")
                continue
            }
            let values: [(String, String, SourceLocation)] = [
                ("consecutive_failures", "\(health.consecutiveFailures.value)", health.consecutiveFailures.location),
                ("failure_rate", "\(health.failureRate.value)", health.failureRate.location),
                ("min_outcomes", "\(health.minOutcomes.value)", health.minOutcomes.location),
                ("window", DurationText.text(seconds: health.windowSeconds.value), health.windowSeconds.location),
                ("ejection", DurationText.text(seconds: health.ejectionSeconds.value), health.ejectionSeconds.location),
                ("max_ejection", DurationText.text(seconds: health.maxEjectionSeconds.value), health.maxEjectionSeconds.location),
            ]
            for (field, value, location) in values { lines.append("#     \(field): \(value)  # \(origin(location))") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func origin(_ location: SourceLocation) -> String {
        "\(location.file.split(separator: "/").last.map(String.init) ?? location.file):\(location.line)"
    }
}
