// Target: one region file's bytes through the YAML loader, decoding, every check and emission,
// beside the shipped catalog, defaults and Hong Kong's banking calendar. Bytes give diagnostics, never a crash; every
// diagnostic points inside the file; an artifact the compiler emits is one the runtime loads.
import Foundation
import FuzzSupport
@testable import GatewayConfig
@testable import PaymentRouting
@testable import RegionCompiler

let catalog = Repository.sourceFile("regions/catalog.yaml")
let defaults = Repository.sourceFile("regions/defaults.yaml")
let calendar = Repository.calendarFile("calendars/hk.yaml")

func fuzzRegionFile(_ bytes: [UInt8]) {
    let region = SourceFile(name: "hk.yaml", displayPath: "regions/hk.yaml", bytes: bytes)
    let files = [catalog, defaults, region]
    let compilation = DescriptorCompiler.compile(files, calendarFiles: [calendar], directory: "regions")
    DiagnosticBounds.check(compilation.diagnostics, files: files + [calendar])
    guard compilation.artifact != nil else { return }
    do {
        guard let data = try compilation.artifactBytes() else { return }
        _ = try RouterLoader.load(data: data)
    } catch {
        require(false, "the compiler emitted an artifact the runtime refuses: \(error)")
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    fuzzRegionFile(FuzzMain.bytes(data, size))
    return 0
}

FuzzMain.start { data, size in fuzzerTestOneInput(data, size) }
