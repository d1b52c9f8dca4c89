// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "AlipayRegions",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "GatewayConfig", targets: ["GatewayConfig"]),
        .library(name: "RegionCompiler", targets: ["RegionCompiler"]),
        .library(name: "RegionLanguageServer", targets: ["RegionLanguageServer"]),
        .library(name: "PaymentRouting", targets: ["PaymentRouting"]),
        .library(name: "ArtifactTrust", targets: ["ArtifactTrust"]),
        // Synthetic region descriptors for benchmarks and tests: not part of the compiler library;
        // regionc links it only for its hidden generate-corpus subcommand.
        .library(name: "RegionCorpus", targets: ["RegionCorpus"]),
        .executable(name: "regionc", targets: ["regionc"]),
        .library(name: "RoutingService", targets: ["RoutingService"]),
        .executable(name: "regiond", targets: ["regiond"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
        // FilePath: paths are input, joined and split without Foundation's NSString path API.
        .package(url: "https://github.com/apple/swift-system", from: "1.8.1"),
        // The routing service (regiond).
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        // The service's connection guard sits on NIO's HTTP/1 codec, under Hummingbird.
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
    ],
    targets: [
        // The small core shared by compiler and runtime: artifact types, ISO tables, Money. No YAML.
        .target(name: "GatewayConfig", dependencies: [.product(name: "SystemPackage", package: "swift-system")]),
        .target(
            name: "RegionCompiler",
            dependencies: [
                "GatewayConfig",
                "ArtifactTrust",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // `regionc lsp`: the compiler's checks for editors, over LSP on standard input and output.
        // Tooling only: the runtime side never links it.
        .target(name: "RegionLanguageServer", dependencies: ["RegionCompiler", "GatewayConfig"]),
        // Test and benchmark data: synthetic, valid region descriptors from a seed.
        .target(name: "RegionCorpus", dependencies: ["GatewayConfig"]),
        // Ed25519 keys, signing and verification of artifacts; shared by the CLI and the runtime.
        .target(name: "ArtifactTrust", dependencies: ["GatewayConfig", .product(name: "Crypto", package: "swift-crypto")]),
        // The runtime a payment service embeds: never links Yams.
        .target(name: "PaymentRouting", dependencies: ["GatewayConfig", "ArtifactTrust"]),
        .executableTarget(
            name: "regionc",
            dependencies: [
                "RegionCompiler",
                "RegionLanguageServer",
                "RegionCorpus",
                "PaymentRouting",
                "ArtifactTrust",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The routing service as a library, so tests drive it in-process; regiond only parses flags and runs it.
        .target(
            name: "RoutingService",
            dependencies: [
                "PaymentRouting",
                "GatewayConfig",
                "ArtifactTrust",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "NIOHTTPTypesHTTP1", package: "swift-nio-extras"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ],
            resources: [.copy("Resources/openapi.json")]
        ),
        .executableTarget(
            name: "regiond",
            dependencies: [
                "RoutingService",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Shared by the test targets only (no product names it): keys, signed releases, compiled regions,
        // temporary directories and the one runner of child processes.
        .target(
            name: "TestSupport",
            dependencies: ["ArtifactTrust", "RegionCompiler", .product(name: "Crypto", package: "swift-crypto")],
            path: "Tests/TestSupport"
        ),
        .testTarget(
            name: "RoutingServiceTests",
            dependencies: [
                "RoutingService",
                "PaymentRouting",
                "ArtifactTrust",
                "RegionCompiler",
                "TestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
            ]
        ),
        // Runs the built `regiond` for what only the process shows: exit statuses of its flags.
        .testTarget(name: "regiondTests", dependencies: ["regiond", "TestSupport"]),
        .testTarget(name: "GatewayConfigTests", dependencies: ["GatewayConfig"]),
        .testTarget(
            name: "RegionLanguageServerTests",
            dependencies: ["RegionLanguageServer", "RegionCompiler", "GatewayConfig", "TestSupport"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "RegionCompilerTests",
            dependencies: ["RegionCompiler", "RegionCorpus", "GatewayConfig", "ArtifactTrust", "TestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "regioncTests", dependencies: ["regionc", "TestSupport"]),
        .testTarget(
            name: "PaymentRoutingTests",
            dependencies: ["PaymentRouting", "GatewayConfig", "RegionCompiler", "RegionCorpus", "ArtifactTrust", "TestSupport"],
            exclude: ["Fixtures"]
        ),
        // Minimised inputs the fuzz targets in Fuzz/ crashed on, replayed without the fuzzer.
        .testTarget(
            name: "FuzzFindingsTests",
            dependencies: ["GatewayConfig", "RegionCompiler", "PaymentRouting", "ArtifactTrust", "RegionLanguageServer"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "ArtifactTrustTests",
            dependencies: ["ArtifactTrust", "PaymentRouting", "GatewayConfig", "RegionCompiler", "TestSupport"]
        ),
    ]
)
