import Foundation

/// What reading any bytes as LSP input must satisfy, whatever they are. The `lsp-message` fuzz
/// target checks it on every input and `LSPMessageFindingsTests` replays it on the inputs the
/// target found: one copy of the property, so the two cannot drift apart.
package enum MessageProperties {
    /// Small caps, so the fuzzer reaches them.
    static let maximumHeader = 256
    static let maximumMessage = 4_096
    /// The buffer incremental changes are applied to: Thai, Hangul, an emoji and a CRLF.
    static let documentText = "# ภาษาไทย 한국어 🔐\nregion: KR\nname: \"대한민국\"\r\n"

    /// What is wrong with how `bytes` are read, or nil. Crashing is the other way to fail.
    package static func violation(_ bytes: [UInt8]) -> String? {
        let whole = events(bytes, chunk: Swift.max(1, bytes.count))
        let byByte = events(bytes, chunk: 1)
        guard whole.events == byByte.events else { return "events \(whole.events) whole, \(byByte.events) byte by byte" }
        guard byByte.held <= maximumHeader + maximumMessage else { return "held \(byByte.held) bytes fed byte by byte" }
        for event in whole.events {
            if let violation = violation(event) { return violation }
        }
        return nil
    }

    static func events(_ bytes: [UInt8], chunk: Int) -> (events: [MessageFramer.Event], held: Int) {
        var framer = MessageFramer(maximumHeader: maximumHeader, maximumMessage: maximumMessage)
        var events: [MessageFramer.Event] = []
        var held = 0
        var offset = 0
        while offset < bytes.count {
            let end = Swift.min(bytes.count, offset + chunk)
            framer.append(bytes[offset..<end])
            while let event = framer.next() { events.append(event) }
            held = Swift.max(held, framer.heldBytes)
            offset = end
        }
        return (events, held)
    }

    /// A message is a request, a notification, a response, or a refusal with a code and a message;
    /// document params apply; a skipped header says why; an oversize message is over the cap.
    static func violation(_ event: MessageFramer.Event) -> String? {
        switch event {
        case .message(let body):
            guard body.count <= maximumMessage else { return "a message of \(body.count) bytes passed the cap" }
            let message = Data(body)
            switch IncomingMessage.read(message) {
            case .failure(let refusal):
                return refusal.error.message.isEmpty || refusal.error.code >= 0 ? "a refusal without a message or code" : nil
            case .success(.request(_, let method)), .success(.notification(let method)):
                return violation(applying: message, method: method)
            case .success(.response):
                return nil
            }
        case .malformedHeader(let reason):
            return reason.isEmpty ? "a skipped header without a reason" : nil
        case .oversize(let length):
            return length > maximumMessage ? nil : "oversize \(length) is under the cap"
        }
    }

    /// Params decoded as their handler decodes them; a document's text, and a buffer after
    /// incremental changes, keep the column round trip on every line.
    static func violation(applying message: Data, method: String) -> String? {
        switch method {
        case "textDocument/didOpen":
            guard let params = try? HandlerRegistry.decodeParams(DidOpenTextDocumentParams.self, of: method, from: message) else { return nil }
            return columnViolation(String(params.textDocument.text.prefix(512)))
        case "textDocument/didChange":
            guard let params = try? HandlerRegistry.decodeParams(DidChangeTextDocumentParams.self, of: method, from: message) else { return nil }
            var document = TextDocument(uri: "file:///r/regions/kr.yaml", version: 1, text: documentText)
            document.apply(params.contentChanges, version: params.textDocument.version)
            return columnViolation(String(document.text.prefix(512)))
        case "initialize":
            _ = try? HandlerRegistry.decodeParams(InitializeParams.self, of: method, from: message)
        case "$/cancelRequest":
            _ = try? HandlerRegistry.decodeParams(CancelParams.self, of: method, from: message)
        default:
            _ = try? HandlerRegistry.decodeParams(TextDocumentPositionParams.self, of: method, from: message)
        }
        return nil
    }

    /// Scalar column -> UTF-16 offset -> the same column, for every column of every line and two past its end.
    static func columnViolation(_ text: String) -> String? {
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            for column in 1...(line.unicodeScalars.count + 2) {
                let offset = LineColumns.utf16Offset(ofScalarColumn: column, in: line)
                let back = LineColumns.scalarColumn(ofUTF16Offset: offset, in: line)
                if back != column { return "column \(column) -> UTF-16 \(offset) -> column \(back) in \(String(line).debugDescription)" }
            }
        }
        return nil
    }
}
