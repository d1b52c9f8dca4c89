import Foundation
import GatewayConfig

/// Reads `gateway-config.json`, checks it, and builds a `Router`.
public enum RouterLoader {
    public static func load(path: String) throws(ArtifactError) -> Router {
        guard let data = FileManager.default.contents(atPath: path) else {
            let reason = FileManager.default.fileExists(atPath: path) ? "permission denied or not a file" : "no such file"
            throw .unreadable(path: path, reason: reason)
        }
        return try load(data: data)
    }

    public static func load(data: Data) throws(ArtifactError) -> Router {
        try Router(artifact: decode(data))
    }

    package static func decode(_ data: Data) throws(ArtifactError) -> GatewayArtifact {
        guard !data.isEmpty else { throw .empty }
        // Read the version first, so a future format says so rather than failing on a field.
        struct Header: Decodable {
            let formatVersion: Int
            enum CodingKeys: String, CodingKey { case formatVersion = "format_version" }
        }
        let decoder = JSONDecoder()
        do {
            let header = try decoder.decode(Header.self, from: data)
            guard header.formatVersion == GatewayArtifact.currentFormatVersion else {
                throw ArtifactError.unsupportedFormatVersion(found: header.formatVersion,
                                                             supported: GatewayArtifact.currentFormatVersion)
            }
            let artifact = try decoder.decode(GatewayArtifact.self, from: data)
            if let unread = ArtifactShape.firstUnreadPart(of: data, decoded: artifact) {
                throw ArtifactError.invalidJSON("\(unread): the artifact holds something the compiler never writes")
            }
            return artifact
        } catch let error as ArtifactError {
            throw error
        } catch let error as DecodingError {
            throw .invalidJSON(describe(error))
        } catch {
            throw .invalidJSON(String(describing: error))
        }
    }

    static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return keys.isEmpty ? "at the top level" : "at \(keys.hasPrefix(".") ? String(keys.dropFirst()) : keys)"
        }
        switch error {
        case .keyNotFound(let key, let context): return "missing `\(key.stringValue)` \(path(context))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "wrong type \(path(context)): \(context.debugDescription)"
        case .dataCorrupted(let context): return "\(context.debugDescription) \(path(context))"
        @unknown default: return String(describing: error)
        }
    }
}
