// Target: the same bytes as the catalog and as Hong Kong's banking calendar file, each compiled
// with the other shipped inputs (defaults, hk.yaml and the other of the two), so the checks that
// read catalog and calendar run. Diagnostics, never a crash; every diagnostic points inside a file.
import Foundation
import FuzzSupport
@testable import GatewayConfig
@testable import RegionCompiler

let catalog = Repository.sourceFile("regions/catalog.yaml")
let defaults = Repository.sourceFile("regions/defaults.yaml")
let hongKong = Repository.sourceFile("regions/hk.yaml")
let calendar = Repository.calendarFile("calendars/hk.yaml")

func check(catalog: SourceFile, calendar: SourceFile) {
    let files = [catalog, defaults, hongKong]
    let compilation = DescriptorCompiler.compile(files, calendarFiles: [calendar], directory: "regions")
    DiagnosticBounds.check(compilation.diagnostics, files: files + [calendar])
}

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzMain.bytes(data, size)
    check(catalog: SourceFile(name: "catalog.yaml", displayPath: "regions/catalog.yaml", bytes: bytes), calendar: calendar)
    check(catalog: catalog, calendar: SourceFile(name: "calendars/hk.yaml", displayPath: "calendars/hk.yaml", bytes: bytes))
    return 0
}

FuzzMain.start { data, size in fuzzerTestOneInput(data, size) }
