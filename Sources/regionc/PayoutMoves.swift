import GatewayConfig
import PaymentRouting
import RegionCompiler

/// The payout dates that move between two configs, in the diff's terms.
enum PayoutMoves {
    static func between(_ old: GatewayArtifact, _ new: GatewayArtifact) -> [PayoutMove] {
        // A side the runtime refuses has no payout dates to compare; the field diff still shows it.
        guard let before = try? Router(artifact: old), let after = try? Router(artifact: new) else { return [] }
        return PayoutComparison.moves(old: before, new: after).map {
            PayoutMove(region: $0.region, capture: $0.capture.description, fromCutoff: $0.fromCutoff?.description,
                       was: $0.was.description, now: $0.now.description)
        }
    }
}
