import PaymentRouting

extension ServingSnapshot {
    /// SHA-256 (hex) of the artifact bytes: `config_digest` in answers and the decision log.
    var configDigest: String { release.artifactDigest }

    /// The label a decision is counted under: the request's region when the release has it,
    /// else `unknown` (so made-up region codes cannot grow the metrics without bound).
    func regionLabel(_ region: String) -> String {
        router.artifact.regions[region] == nil ? "unknown" : region
    }
}
