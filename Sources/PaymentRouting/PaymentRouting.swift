import GatewayConfig

/// The runtime side: loads a compiled `gateway-config.json`. Routing decisions arrive with
/// the runtime issue; for now this module proves the layering (GatewayConfig, no YAML).
public enum ArtifactLoader {
    public enum LoadError: Error, Equatable, Sendable {
        case unsupportedFormatVersion(Int)
        case malformed(String)
    }

    public static func load(_ data: [UInt8]) -> Result<GatewayArtifact, LoadError> {
        do {
            let artifact = try JSONDecoderFactory.make().decode(GatewayArtifact.self, from: .init(data))
            guard artifact.formatVersion == GatewayArtifact.currentFormatVersion else {
                return .failure(.unsupportedFormatVersion(artifact.formatVersion))
            }
            return .success(artifact)
        } catch {
            return .failure(.malformed(String(describing: error)))
        }
    }
}
