// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "AlipayRegions",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "GatewayConfig", targets: ["GatewayConfig"]),
        .library(name: "RegionCompiler", targets: ["RegionCompiler"]),
        .library(name: "PaymentRouting", targets: ["PaymentRouting"]),
        .library(name: "ArtifactTrust", targets: ["ArtifactTrust"]),
        .executable(name: "regionc", targets: ["regionc"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
    ],
    targets: [
        // The small core shared by compiler and runtime: artifact types, ISO tables, Money. No YAML.
        .target(name: "GatewayConfig"),
        .target(
            name: "RegionCompiler",
            dependencies: [
                "GatewayConfig",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // Ed25519 keys, signing and verification of artifacts; shared by the CLI and the runtime.
        .target(name: "ArtifactTrust", dependencies: [.product(name: "Crypto", package: "swift-crypto")]),
        // The runtime a payment service embeds: never links Yams.
        .target(name: "PaymentRouting", dependencies: ["GatewayConfig", "ArtifactTrust"]),
        .executableTarget(
            name: "regionc",
            dependencies: [
                "RegionCompiler",
                "PaymentRouting",
                "ArtifactTrust",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "GatewayConfigTests", dependencies: ["GatewayConfig"]),
        .testTarget(
            name: "RegionCompilerTests",
            dependencies: ["RegionCompiler", "GatewayConfig"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "regioncTests", dependencies: ["regionc"]),
        .testTarget(
            name: "PaymentRoutingTests",
            dependencies: ["PaymentRouting", "GatewayConfig", "RegionCompiler", "ArtifactTrust"],
            exclude: ["Fixtures"]
        ),
        .testTarget(name: "ArtifactTrustTests", dependencies: ["ArtifactTrust", "PaymentRouting", "GatewayConfig", "RegionCompiler"]),
    ]
)
