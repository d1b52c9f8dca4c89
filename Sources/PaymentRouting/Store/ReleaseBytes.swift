import ArtifactTrust
import Foundation
import GatewayConfig

/// One look at a release: the artifact bytes and its signature's, taken together, so that what is
/// verified, what is served and what is remembered as seen are the same bytes. Hashed once, here.
public struct ReleaseBytes: Sendable, Equatable {
    package let artifact: Data
    /// The `.sig` envelope's bytes; `nil` when the source has none.
    package let signature: Data?
    /// SHA-256 (hex) of the artifact.
    package let digest: String
    /// The artifact's and the signature's digests: two looks at a release with the same fingerprint
    /// saw the same bytes (a new signature over the same artifact is a change too).
    package let fingerprint: String

    /// The largest artifact or signature any source reads (a file, a URL, the state directory's copy).
    package static let maximumBytes = ArtifactLoader.maximumBytes

    public init(artifact: Data, signature: Data?) {
        self.artifact = artifact
        self.signature = signature
        digest = Digest.sha256Hex(artifact)
        fingerprint = digest + "+" + (signature.map(Digest.sha256Hex) ?? "unsigned")
    }

    /// The artifact at `artifactPath` and its signature at `artifactPath.sig` (none when that file
    /// does not exist), each refused when larger than `limit`, read through the POSIX reader that
    /// names the reason.
    package static func read(artifactPath: String, limit: Int = maximumBytes) -> Result<ReleaseBytes, ReloadFailure> {
        let signaturePath = SignatureEnvelope.path(forArtifact: artifactPath)
        do throws(FileReadError) {
            let artifact = try FileReader.read(path: artifactPath, limit: limit)
            var signature: [UInt8]?
            if FileStamp(path: signaturePath) != .missing {
                signature = try FileReader.read(path: signaturePath, limit: limit)
            }
            return .success(ReleaseBytes(artifact: Data(artifact), signature: signature.map { Data($0) }))
        } catch {
            return .failure(ReloadFailure(.artifact(.unreadable(path: error.path, reason: error.reason))))
        }
    }
}

/// What `stat` says of a file, enough to tell that it was not touched since the last look (device,
/// inode, size, modification and change times to the nanosecond) without reading it.
package enum FileStamp: Sendable, Equatable {
    case missing
    case unreadable(Int32)
    case file(device: UInt64, inode: UInt64, size: Int64, modified: timespec, changed: timespec)

    package init(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else {
            self = errno == ENOENT ? .missing : .unreadable(errno)
            return
        }
        self = .file(device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: Int64(info.st_size),
                     modified: info.st_mtim, changed: info.st_ctim)
    }

    package static func == (left: FileStamp, right: FileStamp) -> Bool {
        switch (left, right) {
        case (.missing, .missing): true
        case (.unreadable(let a), .unreadable(let b)): a == b
        case (.file(let d1, let i1, let s1, let m1, let c1), .file(let d2, let i2, let s2, let m2, let c2)):
            d1 == d2 && i1 == i2 && s1 == s2 && m1.tv_sec == m2.tv_sec && m1.tv_nsec == m2.tv_nsec
                && c1.tv_sec == c2.tv_sec && c1.tv_nsec == c2.tv_nsec
        default: false
        }
    }
}

/// The stamps of a release's two files, taken before they are read: when both are unchanged at the
/// next look, the files are not read or hashed again (a 4 GB file is not read on every poll).
package struct ReleaseStamp: Sendable, Equatable {
    let artifact: FileStamp
    let signature: FileStamp

    package init(artifactPath: String) {
        artifact = FileStamp(path: artifactPath)
        signature = FileStamp(path: SignatureEnvelope.path(forArtifact: artifactPath))
    }
}
