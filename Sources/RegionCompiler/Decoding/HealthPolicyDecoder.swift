import GatewayConfig

/// Reads an acquirer health policy: `acquirer_health` in defaults.yaml, or an acquirer's own
/// `health` in catalog.yaml merged key by key over it (as defaults.yaml merges every map). Each
/// value is reported where it is written; the ranges are `HealthPolicyRule`'s.
package struct HealthPolicyDecoder {
    package static let fields = ["consecutive_failures", "failure_rate", "min_outcomes", "window", "ejection", "max_ejection"]

    let reader: FieldReader

    /// The whole policy, or nil when a field is missing, unreadable or out of range (each reported).
    /// Messages name a field by its own key, so a value inherited from defaults.yaml and read again
    /// for every acquirer is one diagnostic, not one per acquirer.
    func decode(_ node: YAMLNode, path: String, keyLocation: SourceLocation) -> Catalog.HealthPolicy? {
        guard let fields = reader.mapping(node, path: path, introducedAt: keyLocation, known: Self.fields, required: Self.fields)
        else { return nil }
        func count(_ name: String) -> Located<Int>? {
            // Any whole number reads; HealthPolicyRule judges the range, with the field's own message.
            fields[name].flatMap { reader.integer($0, path: name, range: Int.min...Int.max, rangeCode: .healthPolicyOutOfRange) }
        }
        func duration(_ name: String) -> Located<Int64>? { fields[name].flatMap { reader.duration($0, path: name) } }
        let consecutive = count("consecutive_failures"), rate = count("failure_rate"), minimum = count("min_outcomes")
        let window = duration("window"), ejection = duration("ejection"), maxEjection = duration("max_ejection")
        guard let consecutive, let rate, let minimum, let window, let ejection, let maxEjection else { return nil }
        let policy = Catalog.HealthPolicy(keyLocation: keyLocation, consecutiveFailures: consecutive, failureRate: rate,
                                          minOutcomes: minimum, windowSeconds: window, ejectionSeconds: ejection,
                                          maxEjectionSeconds: maxEjection)
        let violations = HealthPolicyRule.violations(policy.artifact)
        for violation in violations {
            reader.error(.healthPolicyOutOfRange, violation.message, at: policy.location(of: violation.field),
                         hint: Self.hint(for: violation.field, policy: policy))
        }
        return violations.isEmpty ? policy : nil
    }

    /// The default node with only the policy's own keys, to merge an acquirer's `health` over: an
    /// unknown key in defaults.yaml is reported there once, not again under every acquirer.
    static func knownPairs(of node: YAMLNode) -> YAMLNode {
        guard case .mapping(let pairs) = node.kind else { return node }
        return YAMLNode(.mapping(pairs.filter { fields.contains($0.keyText) }), at: node.location)
    }

    static func hint(for field: String, policy: Catalog.HealthPolicy) -> String {
        let longest = DurationText.text(seconds: HealthPolicyRule.longestSeconds)
        switch field {
        case "failure_rate": return "a percent of the window's outcomes, 0 to 100; 0 turns the rate rule off"
        case "consecutive_failures", "min_outcomes": return "a count: at least 1"
        case "ejection" where policy.ejectionSeconds.value > 0 && policy.ejectionSeconds.value <= HealthPolicyRule.longestSeconds:
            return "the first ejection doubles up to max_ejection: shorten ejection or raise max_ejection"
        default: return "a duration above 0s and at most \(longest) (a week)"
        }
    }
}

/// defaults.yaml's `acquirer_health`: the node (to merge an acquirer's own `health` over) and
/// the policy it reads as (nil when incomplete or out of range, reported in defaults.yaml).
struct DefaultHealthPolicy: Sendable {
    let node: YAMLNode
    let policy: Catalog.HealthPolicy?

    /// Reads `acquirer_health` from defaults.yaml's root fields; it must be a whole policy.
    static func read(_ fields: Fields, reader: FieldReader) -> DefaultHealthPolicy? {
        guard let node = fields["acquirer_health"] else { return nil }
        let policy = HealthPolicyDecoder(reader: reader).decode(node, path: "acquirer_health",
                                                                keyLocation: fields.keyLocation("acquirer_health") ?? node.location)
        return DefaultHealthPolicy(node: node, policy: policy)
    }
}
