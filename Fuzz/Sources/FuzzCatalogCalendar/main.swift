// Target: the same bytes as the catalog (compiled with the shipped defaults and one shipped
// region, so the checks that read the catalog run) and as a banking calendar file. Diagnostics,
// never a crash; every diagnostic points inside the file.
import Foundation
import FuzzSupport
import GatewayConfig
@testable import RegionCompiler

let defaults = Repository.sourceFile("regions/defaults.yaml")
let hongKong = Repository.sourceFile("regions/hk.yaml")

func fuzzCatalog(_ bytes: [UInt8]) {
    let catalog = SourceFile(name: "catalog.yaml", displayPath: "regions/catalog.yaml", bytes: bytes)
    let files = [catalog, defaults, hongKong]
    let compilation = DescriptorCompiler.compile(files, directory: "regions")
    DiagnosticBounds.check(compilation.diagnostics, files: files)
}

func fuzzCalendar(_ bytes: [UInt8]) {
    let calendar = SourceFile(name: "hk.yaml", displayPath: "calendars/hk.yaml", bytes: bytes)
    let composed = YAMLComposer.compose(calendar)
    DiagnosticBounds.check(composed.diagnostics, files: [calendar])
}

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzMain.bytes(data, size)
    fuzzCatalog(bytes)
    fuzzCalendar(bytes)
    return 0
}

FuzzMain.start { data, size in fuzzerTestOneInput(data, size) }
