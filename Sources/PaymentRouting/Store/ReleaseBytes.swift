import ArtifactTrust
import Foundation

/// One look at a release: the artifact bytes and its signature's, taken together, so that what is
/// verified, what is served and what is remembered as seen are the same bytes. Hashed once, here.
public struct ReleaseBytes: Sendable, Equatable {
    public let artifact: Data
    /// The `.sig` envelope's bytes; `nil` when the source has none.
    public let signature: Data?
    /// SHA-256 (hex) of the artifact.
    public let digest: String
    /// The artifact's and the signature's digests: two looks at a release with the same fingerprint
    /// saw the same bytes (a new signature over the same artifact is a change too).
    package let fingerprint: String

    public init(artifact: Data, signature: Data?) {
        self.artifact = artifact
        self.signature = signature
        digest = Digest.sha256Hex(artifact)
        fingerprint = digest + "+" + (signature.map(Digest.sha256Hex) ?? "unsigned")
    }

    /// The artifact at `artifactPath` and its signature at `artifactPath.sig`; `nil` when the artifact cannot be read.
    public static func read(artifactPath: String) -> ReleaseBytes? {
        guard let artifact = FileManager.default.contents(atPath: artifactPath) else { return nil }
        return ReleaseBytes(artifact: artifact,
                            signature: FileManager.default.contents(atPath: SignatureEnvelope.path(forArtifact: artifactPath)))
    }
}
