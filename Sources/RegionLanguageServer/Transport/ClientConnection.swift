import Foundation

/// Where framed messages go: standard output in `regionc lsp`, memory in tests.
package protocol OutputChannel: Sendable {
    /// Writes one framed message whole; false when the channel is closed (the client is gone).
    func write(_ bytes: [UInt8]) -> Bool
}

/// The one writer to the client: responses, notifications and log messages are framed and written
/// whole, one at a time, whatever task sends them. Logs go to the client as `window/logMessage`,
/// never to standard output as text (that would corrupt the stream).
package actor ClientConnection {
    private let channel: any OutputChannel
    private let encoder: JSONEncoder
    /// Set once a write fails: the client is gone, and nothing more is written.
    package private(set) var isClosed = false

    package init(channel: any OutputChannel) {
        self.channel = channel
        encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
    }

    package func respond(to id: RequestID?, result: some Encodable) {
        send(OutgoingResponse(id: id, result: result, error: nil))
    }

    package func respond(to id: RequestID?, error: ResponseError) {
        send(OutgoingResponse<NullResult>(id: id, result: nil, error: error))
    }

    package func notify(_ method: String, _ params: some Encodable) {
        send(OutgoingNotification(method: method, params: params))
    }

    /// `window/logMessage` with a `MessageType`.
    package func log(_ type: Int, _ message: String) {
        notify("window/logMessage", LogMessageParams(type: type, message: message))
    }

    private func send(_ message: some Encodable) {
        guard !isClosed else { return }
        let body: Data
        do {
            body = try encoder.encode(message)
        } catch {
            // Only a non-finite number could fail here, and no message of ours carries one.
            log(MessageType.error, "a message could not be encoded: \(error)")
            return
        }
        var framed = Array("Content-Length: \(body.count)\r\n\r\n".utf8)
        framed.append(contentsOf: body)
        if !channel.write(framed) { isClosed = true }
    }
}
