import Foundation

/// The one way an artifact is read, for the runtime (`RouterLoader`, `ConfigStore`) and for
/// `regionc route`, `diff`, `calendar` and `report` alike: the file is read with a cap, the bytes are
/// decoded into the types in one pass with `format_version` checked before any field (so a future
/// format says so), any key the types do not read is refused (`ArtifactShape` compares the JSON
/// trees), and every invariant the compiler guarantees is checked, once (`ArtifactInvariants`).
/// A hand-edited or truncated file is a typed `ArtifactError`, never a crash or a silent "no changes".
package enum ArtifactLoader {
    /// The formats the runtime serves: only the current one.
    package static let runtimeFormats = GatewayArtifact.currentFormatVersion...GatewayArtifact.currentFormatVersion
    /// The formats review tools read, so `diff` compares a build from before calendars (format 1)
    /// with a new one; format 1 carries no calendars, so the checks that need them are skipped.
    package static let reviewFormats = 1...GatewayArtifact.currentFormatVersion
    /// The largest artifact read from a file, a URL or the state directory: a larger one is refused
    /// by its size, unread.
    package static let maximumBytes = 64 << 20

    /// Reads and checks the artifact at `path`, for a router.
    package static func load(path: String) throws(ArtifactError) -> CheckedArtifact {
        try ArtifactInvariants.check(decodeUnchecked(read(path), formats: runtimeFormats))
    }

    /// Decodes and checks artifact bytes, for a router.
    package static func decode(_ data: Data) throws(ArtifactError) -> CheckedArtifact {
        try ArtifactInvariants.check(decodeUnchecked(data, formats: runtimeFormats))
    }

    /// Reads and checks the artifact at `path` in any of `reviewFormats`, for `diff` and `report`;
    /// `checked` is what the check found for the current format (a router is built from it), nil for older ones.
    package static func loadForReview(path: String) throws(ArtifactError) -> (artifact: GatewayArtifact, checked: CheckedArtifact?) {
        let artifact = try decodeUnchecked(read(path), formats: reviewFormats)
        return (artifact, try ArtifactInvariants.checkForReview(artifact))
    }

    static func read(_ path: String) throws(ArtifactError) -> Data {
        do {
            return Data(try FileReader.read(path: path, limit: maximumBytes))
        } catch {
            throw .unreadable(path: path, reason: error.reason)
        }
    }

    /// Decodes artifact bytes in one of `formats`; the invariants are the caller's to check.
    static func decodeUnchecked(_ data: Data, formats: ClosedRange<Int>) throws(ArtifactError) -> GatewayArtifact {
        guard !data.isEmpty else { throw .empty }
        let artifact: GatewayArtifact
        do {
            let decoder = JSONDecoder()
            decoder.userInfo[VersionedArtifact.formatsKey] = formats
            artifact = try decoder.decode(VersionedArtifact.self, from: data).artifact
        } catch let error as ArtifactError {
            throw error
        } catch {
            throw .invalidJSON(DecodingErrorText.describe(error))
        }
        // An older format re-encodes with the current keys, so only the current one is compared.
        if artifact.formatVersion == GatewayArtifact.currentFormatVersion,
           let unread = ArtifactShape.firstUnreadPart(of: data, decoded: artifact) {
            throw .invalidJSON("\(unread): the artifact holds something the compiler never writes")
        }
        return artifact
    }

    /// Reads `format_version` first, then the rest from the same decoder: one pass over the bytes.
    struct VersionedArtifact: Decodable {
        let artifact: GatewayArtifact

        enum Keys: String, CodingKey { case formatVersion = "format_version" }
        static let formatsKey = CodingUserInfoKey(rawValue: "regionc.formats")!

        init(from decoder: any Decoder) throws {
            let version = try decoder.container(keyedBy: Keys.self).decode(Int.self, forKey: .formatVersion)
            let formats = decoder.userInfo[Self.formatsKey] as? ClosedRange<Int> ?? ArtifactLoader.runtimeFormats
            guard formats.contains(version) else {
                throw ArtifactError.unsupportedFormatVersion(found: version, supported: GatewayArtifact.currentFormatVersion)
            }
            artifact = try GatewayArtifact(from: decoder)
        }
    }
}
