import GatewayConfig

/// What changed among the catalog's acquirers, for `regionc diff`: added or removed, drained
/// (`enabled`), or given another health policy. Listed under the pseudo-region `catalog`.
enum CatalogComparison {
    /// Where catalog changes are listed: not a region, so never frozen by a region's change freeze.
    static let pseudoRegion = "catalog"

    static func compare(_ old: CatalogArtifact, _ new: CatalogArtifact, newRegions: [String: RegionArtifact]) -> [ConfigDiff.FieldChange] {
        var changes: [ConfigDiff.FieldChange] = []
        for id in Set(old.acquirers.keys).union(new.acquirers.keys).sorted() {
            let field = "acquirers[\(id)]"
            switch (old.acquirers[id], new.acquirers[id]) {
            case (nil, .some):
                changes.append(change("\(field)", "added", breaking: false))
            case (.some, nil):
                changes.append(change("\(field)", "removed", breaking: false))
            case (.some(let before), .some(let after)):
                if before.enabled != after.enabled {
                    // Draining is breaking when a route it is on has no other enabled acquirer: its
                    // checkouts are declined (ACQUIRER_UNAVAILABLE) instead of failing over.
                    let stranded = !after.enabled && newRegions.values.contains { region in
                        region.availability.status.offersPayments && region.routes.contains { route in
                            route.candidates.contains(id) && !route.candidates.contains { new.acquirers[$0]?.enabled == true }
                        }
                    }
                    changes.append(change("\(field).enabled", "\(before.enabled) -> \(after.enabled)", breaking: stranded))
                }
                if before.health != after.health {
                    changes.append(change("\(field).health", "\(policyText(before.health)) -> \(policyText(after.health))", breaking: false))
                }
            case (nil, nil):
                break
            }
        }
        return changes
    }

    static func change(_ field: String, _ text: String, breaking: Bool) -> ConfigDiff.FieldChange {
        ConfigDiff.FieldChange(region: pseudoRegion, field: field, change: text, breaking: breaking)
    }

    /// `5 in a row or 50% of >= 20 in 1m; ejection 30s .. 5m`, or `none` (never ejected).
    static func policyText(_ policy: HealthPolicyArtifact?) -> String {
        guard let policy else { return "none" }
        let rate = policy.failureRate == 0 ? "" : " or \(policy.failureRate)% of >= \(policy.minOutcomes) in \(DurationText.text(seconds: policy.windowSeconds))"
        return "\(policy.consecutiveFailures) in a row\(rate); ejection \(DurationText.text(seconds: policy.ejectionSeconds)) .. \(DurationText.text(seconds: policy.maxEjectionSeconds))"
    }
}
