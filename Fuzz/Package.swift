// swift-tools-version:6.1
// Coverage-guided fuzz targets (libFuzzer) for the main package. Build with the sanitizers on the
// command line so every Swift module is instrumented, not just these targets:
//   swift build --package-path Fuzz -c debug -Xswiftc -sanitize=fuzzer,address
// `Fuzz/run.sh TARGET SECONDS` does that and runs one target on its corpus; see README.md.
import Foundation
import PackageDescription

/// A path dependency's identity is its directory's name (`main`, `wt-fuzz`, a CI clone's name), not the
/// manifest's package name, so it is read from where this package sits.
let mainPackage = URL(fileURLWithPath: Context.packageDirectory).deletingLastPathComponent().lastPathComponent.lowercased()

let targets = ["FuzzRegionFile", "FuzzCatalogCalendar", "FuzzArtifactLoader", "FuzzSignature", "FuzzBatchLine", "FuzzOutcomeLine",
               "FuzzRoundTrip", "FuzzLSPMessage"]

let package = Package(
    name: "AlipayRegionsFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(path: "..")],
    targets: [
        // Declares libFuzzer's `LLVMFuzzerRunDriver`, which each target's main calls.
        .target(name: "CFuzzDriver"),
        .target(
            name: "FuzzSupport",
            dependencies: [
                "CFuzzDriver",
                .product(name: "GatewayConfig", package: mainPackage),
                .product(name: "RegionCompiler", package: mainPackage),
            ]
        ),
    ] + targets.map { name in
        .executableTarget(
            name: name,
            dependencies: [
                "CFuzzDriver", "FuzzSupport",
                .product(name: "GatewayConfig", package: mainPackage),
                .product(name: "RegionCompiler", package: mainPackage),
                .product(name: "PaymentRouting", package: mainPackage),
                .product(name: "ArtifactTrust", package: mainPackage),
            ] + (name == "FuzzLSPMessage" ? [.product(name: "RegionLanguageServer", package: mainPackage)] : [])
        )
    }
)
