import Foundation
import GatewayConfig

/// Reads `gateway-config.json` through `ArtifactLoader` (decode, `format_version`, shape, every
/// invariant, once) and builds a `CheckoutRouter` from the checked artifact.
public enum RouterLoader {
    public static func load(path: String) throws(ArtifactError) -> CheckoutRouter {
        CheckoutRouter(try ArtifactLoader.load(path: path))
    }

    public static func load(data: Data) throws(ArtifactError) -> CheckoutRouter {
        CheckoutRouter(try ArtifactLoader.decode(data))
    }

    /// The artifact in `data`, checked as `load(data:)` checks it.
    package static func decode(_ data: Data) throws(ArtifactError) -> GatewayArtifact {
        try ArtifactLoader.decode(data).artifact
    }
}
