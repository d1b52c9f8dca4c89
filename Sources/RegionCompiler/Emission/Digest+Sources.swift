import ArtifactTrust
import Crypto

extension ArtifactTrust.Digest {  // qualified: Crypto has a `Digest` protocol
    /// `sha256:<hex>` over the inputs, independent of the order they were listed or read in:
    /// for each file sorted by name, its name, a NUL, its byte count in decimal, a NUL, its bytes.
    /// Lengths keep the framing unambiguous (no two input sets hash the same stream).
    package static func sources(_ files: [SourceFile]) -> String {
        var hasher = SHA256()
        for file in files.sorted(by: { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }) {
            hasher.update(data: Array(file.name.utf8) + [0] + Array(String(file.bytes.count).utf8) + [0])
            hasher.update(data: file.bytes)
        }
        return "sha256:" + hex(hasher.finalize())
    }
}
