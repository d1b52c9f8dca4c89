import Foundation
import GatewayConfig
import PaymentRouting
import RegionCompiler
import Testing

/// The purpose-built regions under `Fixtures/regions`, compiled once per test process.
enum RoutingFixture {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/regions").path

    static let compilation: Compilation? = try? DescriptorCompiler.compile(directory: directory)

    static func artifact() throws -> GatewayArtifact {
        let compilation = try #require(compilation)
        return try #require(compilation.artifact, "\(compilation.diagnostics.map(\.message))")
    }

    static func router() throws -> CheckoutRouter { try CheckoutRouter(artifact: try artifact()) }

    static func request(_ region: String, _ merchant: String, _ method: String, _ amount: String, _ at: String) throws
        -> RouteRequest {
        try RequestParser.parse(region: region, merchant: merchant, method: method, amount: amount, at: at).get()
    }
}
