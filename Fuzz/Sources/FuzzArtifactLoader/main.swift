// Target: bytes through the runtime's artifact loader: a CheckoutRouter or a typed ArtifactError, never
// a crash. A loaded artifact re-encodes to itself and routes a request for every method it offers.
import Foundation
import FuzzSupport
@testable import GatewayConfig
@testable import PaymentRouting
@testable import RegionCompiler

/// 2026-12-01T10:00:00Z, a Tuesday.
let checkout = Instant(secondsSinceEpoch: 1_796_119_200)

func fuzzArtifact(_ bytes: [UInt8]) {
    let data = Data(bytes)
    let router: CheckoutRouter
    let artifact: GatewayArtifact
    do {
        let checked = try ArtifactLoader.decode(data)
        artifact = checked.artifact
        router = CheckoutRouter(checked)
    } catch {
        require(!error.code.isEmpty && !error.description.isEmpty, "an ArtifactError without code or description")
        return
    }
    do {
        let again = try RouterLoader.decode(CanonicalJSON.encodeArtifact(artifact))
        require(again == artifact, "the loaded artifact does not survive its own encoding")
    } catch {
        require(false, "a loaded artifact does not load after re-encoding: \(error)")
    }
    for (code, region) in artifact.regions.sorted(by: { $0.key < $1.key }) {
        for method in region.paymentMethods {
            for currency in method.currencies {
                for minor: Int64 in [0, 1, 12_345, 9_999_999_999] {
                    let request = RouteRequest(region: code, merchant: "fuzz_merchant", method: method.method,
                                               amount: Money(minorUnits: minor, currency: currency), at: checkout)
                    _ = router.route(request)
                    _ = router.explain(request)
                }
            }
        }
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    fuzzArtifact(FuzzMain.bytes(data, size))
    return 0
}

/// `FUZZ_WRITE_SEEDS=DIR`: compiles the shipped regions, all together and each alone with the
/// catalog and defaults, into DIR (for the committed corpus and the signature target's input), and exits.
func writeSeeds(into directory: String) throws {
    func yamlFiles(_ folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: (Repository.root as NSString).appendingPathComponent(folder))
            .filter { $0.hasSuffix(".yaml") }.sorted().map { "\(folder)/\($0)" }
    }
    let files = try yamlFiles("regions").map(Repository.sourceFile)
    let calendars = try yamlFiles("calendars").map(Repository.calendarFile)
    let shared = files.filter { $0.name == DescriptorCompiler.catalogName || $0.name == DescriptorCompiler.defaultsName }
    var sets = [("gateway-config.json", files)]
    for file in files where !shared.contains(file) { sets.append((file.name.replacingOccurrences(of: ".yaml", with: ".json"), shared + [file])) }
    for (name, set) in sets {
        let compilation = DescriptorCompiler.compile(set, calendarFiles: calendars, directory: "regions")
        guard let data = try compilation.artifactBytes() else {
            fatalError("the shipped regions do not compile for \(name): \(compilation.diagnostics.first.map { "\($0)" } ?? "")")
        }
        try data.write(to: URL(fileURLWithPath: directory).appendingPathComponent(name))
    }
}

if let directory = ProcessInfo.processInfo.environment["FUZZ_WRITE_SEEDS"] {
    do { try writeSeeds(into: directory) } catch { fatalError("cannot write seeds: \(error)") }
    exit(0)
}
FuzzMain.start { data, size in fuzzerTestOneInput(data, size) }
