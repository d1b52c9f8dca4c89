// Target: bytes as `regionc lsp` reads them from its client. The framer (caps 256 / 4096 here)
// must cut the same events from the bytes whole and byte by byte, never holding more than one
// header block and one body; each message is read as a request, a notification, a response or a
// refusal with a message, never a crash; document params are applied as the server applies them
// (incremental changes at any positions), and every line of the result keeps the column
// conversion's round trip (scalar column -> UTF-16 offset -> the same column).
import FuzzSupport
import Foundation
@testable import RegionLanguageServer

let maximumHeader = 256
let maximumMessage = 4_096
let documentText = "# ภาษาไทย 한국어 🔐\nregion: KR\nname: \"대한민국\"\r\n"

func events(_ bytes: [UInt8], chunk: Int) -> (events: [MessageFramer.Event], held: Int) {
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

func checkColumns(_ text: String) {
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
        let count = line.unicodeScalars.count
        for column in 1...(count + 2) {
            let offset = LineColumns.utf16Offset(ofScalarColumn: column, in: line)
            require(LineColumns.scalarColumn(ofUTF16Offset: offset, in: line) == column,
                    "column \(column) -> UTF-16 \(offset) does not come back in \(String(line).debugDescription)")
        }
    }
}

func apply(_ message: Data, method: String) {
    switch method {
    case "textDocument/didOpen":
        guard let params = try? HandlerRegistry.decodeParams(DidOpenTextDocumentParams.self, of: method, from: message) else { return }
        checkColumns(String(params.textDocument.text.prefix(512)))
    case "textDocument/didChange":
        guard let params = try? HandlerRegistry.decodeParams(DidChangeTextDocumentParams.self, of: method, from: message) else { return }
        var document = TextDocument(uri: "file:///r/regions/kr.yaml", version: 1, text: documentText)
        document.apply(params.contentChanges, version: params.textDocument.version)
        checkColumns(String(document.text.prefix(512)))
    case "initialize":
        _ = try? HandlerRegistry.decodeParams(InitializeParams.self, of: method, from: message)
    case "$/cancelRequest":
        _ = try? HandlerRegistry.decodeParams(CancelParams.self, of: method, from: message)
    default:
        _ = try? HandlerRegistry.decodeParams(TextDocumentPositionParams.self, of: method, from: message)
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzMain.bytes(data, size)
    let whole = events(bytes, chunk: Swift.max(1, bytes.count))
    let byByte = events(bytes, chunk: 1)
    require(whole.events == byByte.events, "events differ whole and byte by byte")
    require(byByte.held <= maximumHeader + maximumMessage, "held \(byByte.held) bytes feeding byte by byte")
    require(whole.held <= bytes.count, "held more than was fed")
    for event in whole.events {
        switch event {
        case .message(let body):
            require(body.count <= maximumMessage, "a message of \(body.count) bytes passed the cap")
            let message = Data(body)
            switch IncomingMessage.read(message) {
            case .failure(let refusal):
                require(!refusal.error.message.isEmpty && refusal.error.code < 0, "a refusal without a message or code")
            case .success(.request(_, let method)), .success(.notification(let method)):
                apply(message, method: method)
            case .success(.response):
                break
            }
        case .malformedHeader(let reason):
            require(!reason.isEmpty, "a malformed header without a reason")
        case .oversize(let length):
            require(length > maximumMessage, "oversize \(length) is under the cap")
        }
    }
    return 0
}

FuzzMain.start { data, size in fuzzerTestOneInput(data, size) }
