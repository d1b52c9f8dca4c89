import Foundation
import GatewayConfig

/// Reads `gateway-config.json` through `ArtifactLoader` (one decode, `format_version`, every
/// invariant) and builds a `Router`.
public enum RouterLoader {
    public static func load(path: String) throws(ArtifactError) -> Router {
        try Router(artifact: ArtifactLoader.load(path: path))
    }

    public static func load(data: Data) throws(ArtifactError) -> Router {
        try Router(artifact: decode(data))
    }

    package static func decode(_ data: Data) throws(ArtifactError) -> GatewayArtifact {
        try ArtifactLoader.decode(data)
    }
}
