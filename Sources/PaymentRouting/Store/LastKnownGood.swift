import Foundation
import GatewayConfig

/// The last good release in the persistence directory: artifact and signature kept together in one
/// file, so they are replaced in one atomic rename and can never be paired wrongly. What it holds is
/// verified again, like any release, before it is served.
enum LastKnownGood {
    struct Saved: Codable {
        var artifact: Data
        var signature: Data?
    }

    static func path(in directory: String) -> String {
        (directory as NSString).appendingPathComponent("last-known-good.json")
    }

    enum Loaded {
        case none
        case release(ReleaseBytes)
        case unreadable(path: String)
    }

    static func load(from directory: String?) -> Loaded {
        guard let directory else { return .none }
        let path = path(in: directory)
        guard let data = FileManager.default.contents(atPath: path) else { return .none }
        guard let saved = try? JSONDecoder().decode(Saved.self, from: data) else { return .unreadable(path: path) }
        return .release(ReleaseBytes(artifact: saved.artifact, signature: saved.signature))
    }

    /// Best effort: a failure to persist must not stop serving a good config.
    static func save(_ release: ReleaseBytes, into directory: String?) {
        guard let directory,
              let data = try? JSONEncoder().encode(Saved(artifact: release.artifact, signature: release.signature))
        else { return }
        try? AtomicFileWriter.write(data, to: path(in: directory))
    }
}
