import Foundation
import GatewayConfig

/// One message as read: what kind it is, or the JSON-RPC error it is answered with. The only
/// reading of a message's envelope (the server and the fuzz target share it); params are decoded
/// later, by the handler's own type.
package enum IncomingMessage: Sendable, Hashable {
    case request(id: RequestID, method: String)
    case notification(method: String)
    /// A response to a request of the server's (none are sent yet): ignored.
    case response(id: RequestID)

    /// The message, or the error to answer it with and the id it carried, if any could be read.
    package static func read(_ message: Data) -> Result<IncomingMessage, Refusal> {
        let envelope: IncomingEnvelope
        do {
            envelope = try JSONDecoder().decode(IncomingEnvelope.self, from: message)
        } catch {
            let id = (try? JSONDecoder().decode(IDOnly.self, from: message))?.id
            if case DecodingError.dataCorrupted(let context) = error, context.codingPath.isEmpty {
                return .failure(Refusal(id: id, error: .parseError("a message is not JSON: \(DecodingErrorText.describe(error))")))
            }
            return .failure(Refusal(id: id, error: .invalidRequest(
                "a message is not a JSON-RPC request or notification: \(DecodingErrorText.describe(error))")))
        }
        switch (envelope.id, envelope.method) {
        case (let id?, let method?): return .success(.request(id: id, method: method))
        case (nil, let method?): return .success(.notification(method: method))
        case (let id?, nil): return .success(.response(id: id))
        case (nil, nil): return .failure(Refusal(id: nil, error: .invalidRequest("a message has neither `method` nor `id`")))
        }
    }

    /// A message that is answered with an error.
    package struct Refusal: Error, Sendable, Hashable {
        package var id: RequestID?
        package var error: ResponseError
    }
}

/// The id of a message that does not read as a whole, so its error can still name it.
private struct IDOnly: Decodable {
    var id: RequestID?
}
