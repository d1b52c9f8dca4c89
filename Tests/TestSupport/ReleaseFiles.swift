import ArtifactTrust
import Foundation

/// Release files on disk, written as a release is published.
public enum ReleaseFiles {
    /// Writes `artifact` to `path` and `signature` beside it; without a signature, any old one is removed.
    public static func publish(_ artifact: Data, signature: Data?, to path: URL) throws {
        try artifact.write(to: path)
        let signaturePath = URL(fileURLWithPath: SignatureEnvelope.path(forArtifact: path.path))
        if let signature { try signature.write(to: signaturePath) } else { try? FileManager.default.removeItem(at: signaturePath) }
    }
}
