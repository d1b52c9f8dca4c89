import Foundation

/// A JSON-RPC 2.0 request id: a number or a string (LSP never sends null for a request).
package enum RequestID: Sendable, Hashable, Codable, CustomStringConvertible {
    case number(Int)
    case string(String)

    package init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Int.self) {
            self = .number(number)
        } else {
            self = .string(try container.decode(String.self))
        }
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .number(let number): try container.encode(number)
        case .string(let string): try container.encode(string)
        }
    }

    package var description: String {
        switch self {
        case .number(let number): String(number)
        case .string(let string): string.debugDescription
        }
    }
}

/// A JSON-RPC error as sent back: a stable code and a one-line message naming what was wrong.
package struct ResponseError: Error, Sendable, Hashable, Codable {
    package var code: Int
    package var message: String

    // JSON-RPC 2.0 and LSP 3.17 codes.
    package static let parseErrorCode = -32700
    package static let invalidRequestCode = -32600
    package static let methodNotFoundCode = -32601
    package static let invalidParamsCode = -32602
    package static let internalErrorCode = -32603
    package static let serverNotInitializedCode = -32002
    package static let requestCancelledCode = -32800

    package static func parseError(_ message: String) -> ResponseError { .init(code: parseErrorCode, message: message) }
    package static func invalidRequest(_ message: String) -> ResponseError { .init(code: invalidRequestCode, message: message) }
    package static func methodNotFound(_ method: String) -> ResponseError {
        .init(code: methodNotFoundCode, message: "unknown method `\(method)`")
    }
    package static func invalidParams(_ message: String) -> ResponseError { .init(code: invalidParamsCode, message: message) }
    package static let serverNotInitialized = ResponseError(code: serverNotInitializedCode,
                                                            message: "the server is not initialized: send `initialize` first")
    package static let requestCancelled = ResponseError(code: requestCancelledCode, message: "the request was cancelled")
}

/// What every incoming message holds, read before its params: a request has `id` and `method`,
/// a notification `method` alone, a response (to a request of ours) `id` without `method`.
struct IncomingEnvelope: Decodable {
    var jsonrpc: String?
    var id: RequestID?
    var method: String?
}

/// The params of an incoming message, decoded to the type its handler declares once the method is known.
/// Absent params are accepted only by a type that has a value for "nothing" (`IgnoredParams`).
struct IncomingParams<Params: Decodable>: Decodable {
    var params: Params

    enum CodingKeys: String, CodingKey { case params }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if container.contains(.params) {
            params = try container.decode(Params.self, forKey: .params)
        } else if let absent = (Params.self as? any AbsentParams.Type)?.absent as? Params {
            params = absent
        } else {
            throw DecodingError.keyNotFound(CodingKeys.params, .init(codingPath: [], debugDescription: "`params` is required"))
        }
    }
}

/// Params a message may leave out.
protocol AbsentParams {
    static var absent: Self { get }
}

/// A response to one of the client's requests: `result` or `error`, never both.
struct OutgoingResponse<Result: Encodable>: Encodable {
    var id: RequestID?
    var result: Result?
    var error: ResponseError?

    enum CodingKeys: String, CodingKey { case jsonrpc, id, result, error }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode("2.0", forKey: .jsonrpc)
        // A response whose request's id could not be read carries `id: null` (JSON-RPC 2.0, 5.1).
        try container.encode(id, forKey: .id)
        if let error {
            try container.encode(error, forKey: .error)
        } else {
            // `result` is required on success; a handler with nothing to say answers null.
            try container.encode(result, forKey: .result)
        }
    }
}

/// A notification from the server (`textDocument/publishDiagnostics`, `window/logMessage`).
struct OutgoingNotification<Params: Encodable>: Encodable {
    var method: String
    var params: Params

    enum CodingKeys: String, CodingKey { case jsonrpc, method, params }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode("2.0", forKey: .jsonrpc)
        try container.encode(method, forKey: .method)
        try container.encode(params, forKey: .params)
    }
}

/// The result of a request that answers nothing (`shutdown`): JSON `null`.
package struct NullResult: Encodable, Sendable {
    package init() {}
    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encodeNil()
    }
}

/// Params that are absent or ignored: anything decodes to this.
package struct IgnoredParams: Decodable, Sendable, AbsentParams {
    static var absent: IgnoredParams { IgnoredParams() }
    init() {}
    package init(from decoder: any Decoder) throws {}
}
