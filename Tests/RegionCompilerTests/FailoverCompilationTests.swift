import Foundation
import GatewayConfig
import Testing
@testable import RegionCompiler

/// What the compiler makes of failover config (`valid/failover`): fallbacks in route order, an
/// acquirer's own `health` merged key by key over defaults.yaml's `acquirer_health`, `enabled:
/// false` carried, and `regionc effective` showing each resolved value with where it came from.
@Suite struct FailoverCompilationTests {
    static let fixture = FixtureDirectory(url: FixtureDirectory.root.appendingPathComponent("valid/failover"))

    @Test func fallbacksAndResolvedHealthPoliciesReachTheArtifact() throws {
        let compilation = try Self.fixture.compile()
        let artifact = try #require(compilation.artifact, "\(compilation.diagnostics.map(\.message))")
        #expect(artifact.formatVersion == 4)
        #expect(artifact.regions["HK"]?.routes.map(\.candidates) == [["antom-hk", "antom-sg"], ["antom-sg", "antom-hk", "antom-hk2"]])
        let defaults = HealthPolicyArtifact(consecutiveFailures: 3, failureRate: 50, minOutcomes: 20, windowSeconds: 120,
                                            ejectionSeconds: 30, maxEjectionSeconds: 3600)
        var merged = defaults
        merged.failureRate = 0
        merged.ejectionSeconds = 60
        #expect(artifact.catalog.acquirers["antom-hk"]?.health == merged)
        #expect(artifact.catalog.acquirers["antom-sg"]?.health == defaults)
        #expect(artifact.catalog.acquirers["antom-hk2"]?.enabled == false)
        #expect(artifact.catalog.acquirers["antom-sg"]?.enabled == true)
        // `enabled` is written only when false; an empty `fallback` is never written.
        let json = String(decoding: try #require(try compilation.artifactBytes()), as: UTF8.self)
        #expect(json.components(separatedBy: "\"enabled\"").count == 2)
        #expect(!json.contains("\"fallback\":[]"))
        #expect(try ArtifactInvariants.check(artifact).artifact == artifact)
    }

    @Test func aRouteWithAnotherEnabledFallbackIsNotASinglePointOfFailure() throws {
        // default: antom-sg, then antom-hk (enabled) and antom-hk2 (disabled): two usable, no warning.
        let compilation = try Self.fixture.compile()
        #expect(!compilation.diagnostics.contains { $0.code == .singleUsableAcquirer || $0.code == .noEnabledAcquirer },
                "\(compilation.diagnostics.map(\.message))")
    }

    @Test func effectiveShowsEachAcquirersStateAndPolicyWithItsOrigin() throws {
        let compilation = try Self.fixture.compile()
        let region = try #require(compilation.regions.first)
        let text = EffectiveAcquirers.render(region, catalog: compilation.catalog)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("# acquirers its routes name") == true)
        #expect(lines.contains("#   antom-hk2: disabled  # catalog.yaml:14"), "\(text)")
        #expect(lines.contains("#     failure_rate: 0  # catalog.yaml:12"), "\(text)")
        #expect(lines.contains("#     ejection: 1m  # catalog.yaml:13"), "\(text)")
        #expect(lines.contains("#     consecutive_failures: 3  # defaults.yaml:9"), "\(text)")
        #expect(lines.contains("#     window: 2m  # defaults.yaml:12"), "\(text)")
        // In route order, each once: antom-hk, antom-sg, antom-hk2.
        let named = lines.filter { $0.hasPrefix("#   ") && !$0.hasPrefix("#     ") }.map { $0.split(separator: ":").first.map(String.init) ?? "" }
        #expect(named == ["#   antom-hk", "#   antom-sg", "#   antom-hk2"])
    }

    @Test func effectiveDescriptorNeverMergesAcquirerHealthIntoARegion() throws {
        let files = try Self.fixture.sourceFiles()
        let region = try #require(files.first { $0.name == "hk.yaml" })
        let text = try #require(EffectiveDescriptor.render(regionFile: region, defaults: files.first { $0.name == "defaults.yaml" }))
        #expect(!text.contains("acquirer_health"))
        #expect(text.contains("fallback: [antom-hk, antom-hk2]  # hk.yaml:49"), "\(text)")
    }
}
