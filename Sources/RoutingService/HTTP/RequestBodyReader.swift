import HTTPTypes
import Hummingbird

/// Checks a request's content type and reads its body with a cap, so no request makes the service
/// hold more than the cap in memory.
enum RequestBodyReader {
    /// The media types an endpoint reads, parsed once.
    struct Accepted: Sendable {
        let names: [String]
        let types: [(name: String, type: MediaType)]

        init(_ names: [String]) {
            self.names = names
            types = names.compactMap { name in MediaType(from: name).map { (name, $0) } }
        }
    }

    /// Throws 415 unless the media type (parameters such as `charset` aside) is one of `accepted`;
    /// returns the accepted name it is.
    @discardableResult
    static func requireContentType(_ request: Request, accepted: Accepted) throws(Problem) -> String {
        let header = request.headers[.contentType]
        // The usual case, an exact name, without parsing.
        if let header, accepted.names.contains(header) { return header }
        guard let mediaType = header.flatMap(MediaType.init(from:)),
              let match = accepted.types.first(where: { mediaType.isType($0.type) }) else {
            throw Problem.unsupportedMediaType(header, expected: accepted.names)
        }
        return match.name
    }

    /// The whole body, or 413 as soon as it is known to exceed `limit` (from `Content-Length`
    /// before reading, or while reading a chunked body). A client gone mid-body is `ClientAborted`.
    static func collect(_ request: Request, limit: Int) async throws -> ByteBuffer {
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limit {
            throw Problem.tooLarge(limit: limit)
        }
        var request = request
        do {
            return try await request.collectBody(upTo: limit)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw Problem.tooLarge(limit: limit)
        } catch {
            throw ClientAborted(underlying: error)
        }
    }

    /// `?explain=true|false` (absent: false); anything else, or the parameter twice, is a 400 naming it.
    static func explainFlag(_ request: Request) throws(Problem) -> Bool {
        guard request.uri.query != nil else { return false }
        let values = request.uri.queryParameters.getAll("explain")
        guard values.count <= 1 else {
            throw Problem.badRequest("explain is given \(values.count) times; give it once", field: "explain")
        }
        guard let value = values.first else { return false }
        switch value {
        case "true": return true
        case "false": return false
        default: throw Problem.badRequest("explain is \(Problem.quoted(String(value))); use true or false", field: "explain")
        }
    }
}

/// The client went away (or broke the connection) before its request was read: nobody reads an
/// answer, and it is counted as such (`status="499"`), never as a server error.
struct ClientAborted: Error {
    let underlying: any Error
}
