// Target: request lines, through the one input layer (`RequestLineSplitter`, `RequestReader`).
// The property is `RequestLineProperties.violation`, shared with `BatchLineFindingsTests`: the
// splitter cuts the same lines whole or byte by byte; a line is decided or refused with a
// `RequestError` that says why, never a crash; a decided line's request, written back as JSON
// plainly and with every character escaped, reads as the same request.
import FuzzSupport
@testable import PaymentRouting

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzMain.check(data, size, property: RequestLineProperties.violation)
}

FuzzMain.start { data, size in fuzzerTestOneInput(data, size) }
