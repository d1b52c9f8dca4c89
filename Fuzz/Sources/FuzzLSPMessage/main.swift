// Target: bytes as `regionc lsp` reads them from its client. The property is
// `MessageProperties.violation`, shared with `LSPMessageFindingsTests`: the framer (caps 256 /
// 4096 here) cuts the same events from the bytes whole and byte by byte, never holding more than
// one header block and one body; each message is a request, a notification, a response or a
// refusal with a message, never a crash; document params apply as the server applies them
// (incremental changes at any positions), and every line of the result keeps the column
// conversion's round trip (scalar column -> UTF-16 offset -> the same column).
import FuzzSupport
@testable import RegionLanguageServer

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzMain.check(data, size, property: MessageProperties.violation)
}

FuzzMain.start { data, size in fuzzerTestOneInput(data, size) }
