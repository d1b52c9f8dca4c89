// Target: outcome lines (`POST /v1/outcomes` as JSON Lines), through the one input layer
// (`RequestLineSplitter`, `OutcomeReader` on `JSONCursor`). The property is
// `OutcomeLineProperties.violation`: the same reports or the same refused line whole or byte by
// byte; a refusal names a line that exists and says why, never a crash; a report read, written
// back as JSON plainly and with every character escaped, reads as the same report.
import FuzzSupport
@testable import PaymentRouting

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzMain.check(data, size, property: OutcomeLineProperties.violation)
}

FuzzMain.start { data, size in fuzzerTestOneInput(data, size) }
