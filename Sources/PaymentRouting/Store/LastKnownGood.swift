import Foundation
import GatewayConfig

#if canImport(Glibc)
import Glibc
#endif

/// The last good release in the persistence directory: artifact and signature kept together in one
/// file, so they are replaced in one atomic rename and can never be paired wrongly. What it holds is
/// verified again, like any release, before it is served; its serial is the floor a restarted
/// service refuses to go below, so a directory that cannot hold it is refused at start.
package enum LastKnownGood {
    struct Saved: Codable {
        var artifact: Data
        var signature: Data?
    }

    static let fileName = "last-known-good.json"

    static func path(in directory: String) -> String { FilePaths.join(directory, fileName) }

    /// Artifact and signature at their cap, base64 in JSON (4/3), with room for the keys.
    static let maximumFileBytes = ReleaseBytes.maximumBytes * 3

    /// Checks that `directory` can keep the last good release, before anything is served: it is
    /// created if missing (its parent must exist), must be a directory, must take a file written and
    /// renamed as a save does, and a saved release in it must be a regular file that can be read.
    package static func prepare(directory: String) throws(FileWriteError) {
        var info = stat()
        if stat(directory, &info) != 0 {
            guard errno == ENOENT else { throw FileWriteError(path: directory, reason: SystemError.reason(errno: errno)) }
            guard mkdir(directory, 0o700) == 0 else {
                throw FileWriteError(path: directory, reason: "cannot create it: \(SystemError.reason(errno: errno))")
            }
        } else if info.st_mode & S_IFMT != S_IFDIR {
            throw FileWriteError(path: directory, reason: "it is not a directory")
        }
        let saved = path(in: directory)
        if lstat(saved, &info) == 0 {
            guard info.st_mode & S_IFMT == S_IFREG else {
                throw FileWriteError(path: saved, reason: info.st_mode & S_IFMT == S_IFDIR ? "it is a directory"
                                     : "it is not a regular file (a link, device, pipe or socket)")
            }
        } else if errno != ENOENT {
            throw FileWriteError(path: saved, reason: SystemError.reason(errno: errno))
        }
        let probe = FilePaths.join(directory, ".write-probe")
        try AtomicFileWriter.write(Array("probe\n".utf8), to: probe)
        unlink(probe)
    }

    package enum Loaded {
        case none
        case release(ReleaseBytes)
        case unreadable(path: String, reason: String)
    }

    static func load(from directory: String?) -> Loaded {
        guard let directory else { return .none }
        let path = path(in: directory)
        let bytes: [UInt8]
        do {
            bytes = try FileReader.read(path: path, limit: maximumFileBytes)
        } catch {
            return FileStamp(path: path) == .missing ? .none : .unreadable(path: path, reason: error.reason)
        }
        guard let saved = try? JSONDecoder().decode(Saved.self, from: Data(bytes)) else {
            return .unreadable(path: path, reason: "it is not a saved release")
        }
        return .release(ReleaseBytes(artifact: saved.artifact, signature: saved.signature))
    }

    /// Saves `release`; returns why it could not be saved. Never stops a good release from serving.
    static func save(_ release: ReleaseBytes, into directory: String?) -> StateWriteFailure? {
        guard let directory else { return nil }
        let path = path(in: directory)
        do {
            let data = try JSONEncoder().encode(Saved(artifact: release.artifact, signature: release.signature))
            try AtomicFileWriter.write(Array(data), to: path)
            return nil
        } catch let error as FileWriteError {
            return StateWriteFailure(path: path, reason: error.reason, at: Date())
        } catch {
            return StateWriteFailure(path: path, reason: "\(error)", at: Date())
        }
    }
}
