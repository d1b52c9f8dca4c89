import Foundation
import GatewayConfig
import HTTPTypes
import Hummingbird
import PaymentRouting

/// An RFC 9457 problem: the body of every error answer (`application/problem+json`). `field` names
/// what is at fault: a body field (`amount`, `at`, ...), `body`, the `content-type` header, the
/// `explain` parameter, the path or the method.
struct Problem: HTTPResponseError, Sendable, Equatable {
    var status: HTTPResponse.Status
    var detail: String
    var field: String?
    /// The line at fault in a JSON Lines body (from 1): an extension member, `line`, as the batch
    /// endpoint's error lines name theirs.
    var line: Int?
    var extraHeaders: HTTPFields = [:]

    static func badRequest(_ detail: String, field: String?, line: Int? = nil) -> Problem {
        Problem(status: .badRequest, detail: detail, field: field, line: line)
    }

    static func notFound(path: String) -> Problem {
        Problem(status: .notFound, detail: "no endpoint at \(Self.quoted(path)); see /openapi.json", field: "path")
    }

    static func methodNotAllowed(_ method: HTTPRequest.Method, endpoint: Endpoint) -> Problem {
        var problem = Problem(status: .methodNotAllowed,
                              detail: "\(endpoint.rawValue) answers \(endpoint.method.rawValue), not \(method.rawValue)",
                              field: "method")
        problem.extraHeaders[.allow] = endpoint.method.rawValue
        return problem
    }

    static func tooLarge(limit: Int, what: String = "the body") -> Problem {
        Problem(status: .contentTooLarge, detail: "\(what) is larger than \(limit) bytes", field: "body")
    }

    static func unsupportedMediaType(_ found: String?, expected: [String]) -> Problem {
        let got = found.map { "`\($0)`" } ?? "none"
        return Problem(status: .unsupportedMediaType,
                       detail: "content type \(got); send \(expected.joined(separator: " or "))", field: "content-type")
    }

    static func notReady(_ detail: String) -> Problem { Problem(status: .serviceUnavailable, detail: detail, field: nil) }

    /// `{"detail":…,"field":…,"instance":…,"line":…,"status":…,"title":…,"type":"about:blank"}`, keys sorted.
    func body(instance: String) -> [UInt8] {
        var output: [UInt8] = Array("{\"detail\":".utf8)
        JSONText.writeString(detail, into: &output)
        if let field {
            output += Array(",\"field\":".utf8)
            JSONText.writeString(field, into: &output)
        }
        output += Array(",\"instance\":".utf8)
        JSONText.writeString(instance, into: &output)
        if let line { output += Array(",\"line\":\(line)".utf8) }
        output += Array(",\"status\":\(status.code),\"title\":".utf8)
        JSONText.writeString(status.reasonPhrase, into: &output)
        output += Array(",\"type\":\"about:blank\"}".utf8)
        return output
    }

    func response(from request: Request, context: some RequestContext) -> Response { response(instance: request.uri.path) }

    func response(instance: String) -> Response {
        var headers = extraHeaders
        headers[.contentType] = "application/problem+json"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body(instance: instance))))
    }

    /// A client's value quoted for a message, cut short so a long path cannot fill the answer.
    static func quoted(_ value: String) -> String {
        value.count > 80 ? "`\(value.prefix(80))…`" : "`\(value)`"
    }
}

extension ReleaseKeeper {
    /// The release being served, or the 503 every endpoint that needs one answers before the first.
    func requireCurrent() throws(Problem) -> ServingSnapshot {
        guard let release = current else { throw Problem.notReady("no verified release is loaded yet; see /readyz") }
        return release
    }
}
