import GatewayConfig
import PaymentRouting
import RegionCompiler

/// The payout dates that move between two configs, in the diff's terms.
enum PayoutMoves {
    /// Each side's artifact, and what the artifact reader's check found for a file: a router is built
    /// from that without a second check; a compiled directory is checked here, once.
    static func between(_ old: (artifact: GatewayArtifact, checked: CheckedArtifact?),
                        _ new: (artifact: GatewayArtifact, checked: CheckedArtifact?)) -> [PayoutMove] {
        func router(_ side: (artifact: GatewayArtifact, checked: CheckedArtifact?)) -> CheckoutRouter? {
            side.checked.map { CheckoutRouter($0) } ?? (try? CheckoutRouter(artifact: side.artifact))
        }
        // A side the runtime refuses has no payout dates to compare; the field diff still shows it.
        guard let before = router(old), let after = router(new) else { return [] }
        return PayoutComparison.moves(old: before, new: after).map {
            PayoutMove(region: $0.region, capture: $0.capture.description, fromCutoff: $0.fromCutoff?.description,
                       was: $0.was.description, now: $0.now.description)
        }
    }
}
