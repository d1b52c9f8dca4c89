import HTTPTypes
import Hummingbird

/// Checks a request's content type and reads its body with a cap, so no request makes the service
/// hold more than the cap in memory.
enum RequestBodyReader {
    /// Throws 415 unless the media type (parameters such as `charset` aside) is one of `accepted`.
    static func requireContentType(_ request: Request, accepted: [String]) throws(Problem) {
        let header = request.headers[.contentType]
        // The usual case, without splitting or lowercasing.
        if let header, accepted.contains(header) { return }
        let mediaType = header.map { $0.split(separator: ";", maxSplits: 1).first.map(String.init) ?? "" }?
            .trimmingCharacters(in: .whitespaces).lowercased()
        guard let mediaType, accepted.contains(mediaType) else {
            throw Problem.unsupportedMediaType(header, expected: accepted)
        }
    }

    /// The whole body, or 413 as soon as it is known to exceed `limit` (from `Content-Length`
    /// before reading, or while reading a chunked body).
    static func collect(_ request: Request, limit: Int) async throws -> [UInt8] {
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limit {
            throw Problem.tooLarge(limit: limit)
        }
        var bytes: [UInt8] = []
        for try await buffer in request.body {
            guard bytes.count + buffer.readableBytes <= limit else { throw Problem.tooLarge(limit: limit) }
            bytes += buffer.readableBytesView
        }
        return bytes
    }

    /// `?explain=true|false` (absent: false); anything else is a 400 naming the parameter.
    static func explainFlag(_ request: Request) throws(Problem) -> Bool {
        guard let value = request.uri.queryParameters["explain"] else { return false }
        switch value {
        case "true": return true
        case "false": return false
        default: throw Problem.badRequest("explain is \(Problem.quoted(String(value))); use true or false", field: "explain")
        }
    }
}
