import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// Polls a release over HTTP(S): the artifact at `url`, its signature at `url + ".sig"`, each with
/// `If-None-Match` when the server gave an ETag, each read with a size cap and a deadline. The pair
/// it returns was fetched in one poll, so the signature judged is the one fetched with the bytes.
struct URLReleaseFetcher {
    let url: String
    let client: HTTPClient
    let maximumBytes: Int
    let requestTimeout: Duration

    /// The last answer for one URL, reused on `304 Not Modified`.
    struct Cached {
        var etag: String?
        var body: Data?
    }

    var artifact = Cached()
    var signature = Cached()

    enum Outcome {
        /// Neither file changed since the last poll.
        case unchanged
        /// The artifact and its signature (nil: none published) as fetched in this poll.
        case fetched(artifact: Data, signature: Data?)
        /// The source could not be read, or answered with something unusable (too large, a 5xx).
        case failed(code: String, reason: String)
    }

    mutating func poll() async -> Outcome {
        let artifactAnswer = await fetch(url, cached: artifact)
        guard case .body(let artifactBody, let artifactETag, let artifactChanged) = artifactAnswer else {
            return artifactAnswer.failure ?? .failed(code: "NOT_FOUND", reason: "\(url) answered 404")
        }
        let signatureAnswer = await fetch(Self.signatureURL(of: url), cached: signature)
        let signatureBody: Data?
        let signatureETag: String?
        let signatureChanged: Bool
        switch signatureAnswer {
        case .body(let body, let etag, let changed):
            (signatureBody, signatureETag, signatureChanged) = (body, etag, changed)
        case .missing:
            (signatureBody, signatureETag, signatureChanged) = (nil, nil, signature.body != nil)
        case .failed:
            return signatureAnswer.failure ?? .unchanged
        }
        artifact = Cached(etag: artifactETag, body: artifactBody)
        signature = Cached(etag: signatureETag, body: signatureBody)
        guard artifactChanged || signatureChanged else { return .unchanged }
        return .fetched(artifact: artifactBody, signature: signatureBody)
    }

    /// The signature's address: `.sig` appended to the artifact's path, its query and fragment kept
    /// after it (`…/gateway-config.json?v=1` → `…/gateway-config.json.sig?v=1`).
    static func signatureURL(of url: String) -> String {
        guard var components = URLComponents(string: url), components.query != nil || components.fragment != nil else {
            return url + ".sig"
        }
        components.percentEncodedPath += ".sig"
        return components.string ?? url + ".sig"
    }

    enum Answer {
        case body(Data, etag: String?, changed: Bool)
        case missing
        case failed(code: String, reason: String)

        var failure: Outcome? {
            if case .failed(let code, let reason) = self { return .failed(code: code, reason: reason) }
            return nil
        }
    }

    func fetch(_ address: String, cached: Cached) async -> Answer {
        var request = HTTPClientRequest(url: address)
        if let etag = cached.etag, cached.body != nil { request.headers.add(name: "If-None-Match", value: etag) }
        do {
            let deadline = NIODeadline.now() + TimeAmount(requestTimeout)
            let response = try await client.execute(request, deadline: deadline)
            switch response.status {
            case .ok:
                if let length = response.headers.first(name: "Content-Length").flatMap(Int.init), length > maximumBytes {
                    return .failed(code: "TOO_LARGE", reason: "\(address) is \(length) bytes, over the cap of \(maximumBytes)")
                }
                let buffer: ByteBuffer
                do {
                    buffer = try await response.body.collect(upTo: maximumBytes)
                } catch is NIOTooManyBytesError {
                    return .failed(code: "TOO_LARGE", reason: "\(address) is over the cap of \(maximumBytes) bytes")
                }
                let body = Data(buffer.readableBytesView)
                return .body(body, etag: response.headers.first(name: "ETag"), changed: body != cached.body)
            case .notModified:
                guard let body = cached.body else {
                    return .failed(code: "HTTP_304", reason: "\(address) answered 304 to a request without If-None-Match")
                }
                return .body(body, etag: cached.etag, changed: false)
            case .notFound, .gone:
                return .missing
            default:
                return .failed(code: "HTTP_\(response.status.code)", reason: "\(address) answered \(response.status)")
            }
        } catch {
            return .failed(code: "UNREACHABLE", reason: "\(address): \(error)")
        }
    }
}
