import Foundation
import GatewayConfig

/// Reads `gateway-config.json` through `ArtifactLoader` (decode, `format_version`, shape, every
/// invariant, once) and builds a `CheckoutRouter` from the checked artifact.
public enum RouterLoader {
    /// With `health`, the router's decisions skip the acquirers it ejects (`CheckoutRouter(_:health:)`).
    public static func load(path: String, health: HealthTracker? = nil) throws(ArtifactError) -> CheckoutRouter {
        CheckoutRouter(try ArtifactLoader.load(path: path), health: health)
    }

    public static func load(data: Data, health: HealthTracker? = nil) throws(ArtifactError) -> CheckoutRouter {
        CheckoutRouter(try ArtifactLoader.decode(data), health: health)
    }

    /// The artifact in `data`, checked as `load(data:)` checks it.
    package static func decode(_ data: Data) throws(ArtifactError) -> GatewayArtifact {
        try ArtifactLoader.decode(data).artifact
    }
}
