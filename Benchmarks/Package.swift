// swift-tools-version:6.1
// Benchmarks live in their own package so CI (`.ci/run`) never builds them.
// Run: swift run -c release --package-path Benchmarks routing-benchmark
import Foundation
import PackageDescription

// A path dependency's identity is its directory name, which depends on where the
// repository was cloned; read it rather than hard-coding it.
let rootIdentity = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .lastPathComponent.lowercased()

let package = Package(
    name: "Benchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/ordo-one/malloc-interposer.git", from: "1.6.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    ],
    targets: [
        .executableTarget(
            name: "routing-benchmark",
            dependencies: [
                .product(name: "PaymentRouting", package: rootIdentity),
                .product(name: "RegionCompiler", package: rootIdentity),
                .product(name: "GatewayConfig", package: rootIdentity),
                .product(name: "MallocInterposerSwift", package: "malloc-interposer"),
            ],
            path: "Sources/RoutingBenchmark"
        ),
        .executableTarget(
            name: "scale-benchmark",
            dependencies: [
                .product(name: "PaymentRouting", package: rootIdentity),
                .product(name: "RegionCompiler", package: rootIdentity),
                .product(name: "GatewayConfig", package: rootIdentity),
                .product(name: "ArtifactTrust", package: rootIdentity),
                .product(name: "RegionCorpus", package: rootIdentity),
            ],
            path: "Sources/ScaleBenchmark"
        ),
        // `regionc lsp` over stdio: didChange -> publishDiagnostics, and the server's memory.
        // Drives the built binary (Foundation only), as an editor does.
        .executableTarget(
            name: "lsp-benchmark",
            path: "Sources/LSPBenchmark"
        ),
        // wrk's second peer for regiond: the same framework with nothing of ours (Benchmarks/wrk/run.sh).
        .executableTarget(
            name: "bare-hummingbird",
            dependencies: [.product(name: "Hummingbird", package: "hummingbird")],
            path: "Sources/BareHummingbird"
        ),
    ]
)
