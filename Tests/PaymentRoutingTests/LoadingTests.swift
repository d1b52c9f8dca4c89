import Foundation
import GatewayConfig
import PaymentRouting
import Testing

/// A bad artifact is a typed error naming what is wrong, never a crash.
@Suite struct LoadingTests {
    static func goodBytes() throws -> Data { try CanonicalJSON.encode(try RoutingFixture.artifact()) }

    @Test func emptyAndInvalidJSON() throws {
        #expect(throws: ArtifactError.empty) { try RouterLoader.load(data: Data()) }
        #expect { try RouterLoader.load(data: Data("{not json".utf8)) } throws: { error in
            guard case ArtifactError.invalidJSON = error else { return false }
            return true
        }
    }

    @Test(arguments: Array(stride(from: 1, to: 10, by: 1)))
    func truncatedArtifactsAreRefused(tenths: Int) throws {
        let bytes = try Self.goodBytes()
        let truncated = bytes.prefix(bytes.count * tenths / 10)
        #expect(throws: ArtifactError.self) { try RouterLoader.load(data: Data(truncated)) }
    }

    @Test func futureFormatVersionIsNamed() throws {
        var artifact = try RoutingFixture.artifact()
        artifact.formatVersion = 2
        #expect(throws: ArtifactError.unsupportedFormatVersion(found: 2, supported: 1)) {
            try RouterLoader.load(data: try CanonicalJSON.encode(artifact))
        }
    }

    static func breaking(_ edit: (inout GatewayArtifact) throws -> Void) throws -> ArtifactError? {
        var artifact = try RoutingFixture.artifact()
        try edit(&artifact)
        let bytes = try CanonicalJSON.encode(artifact)
        do {
            _ = try RouterLoader.load(data: bytes)
            return nil
        } catch {
            return error
        }
    }

    @Test func brokenInvariantsAreNamed() throws {
        let unknownAcquirer = try Self.breaking { artifact in
            artifact.catalog.acquirers["antom-us"] = nil
        }
        #expect(unknownAcquirer?.description.contains("antom-us") == true, "\(String(describing: unknownAcquirer))")
        let badPercent = try Self.breaking { artifact in
            var hk = try #require(artifact.regions["HK"])
            hk.availability.rollout?.percent = 150
            artifact.regions["HK"] = hk
        }
        #expect(badPercent?.code == "INVARIANT_BROKEN" && badPercent?.description.contains("150") == true)
        let badZone = try Self.breaking { artifact in
            var hk = try #require(artifact.regions["HK"])
            hk.timezone = "Mars/Olympus"
            artifact.regions["HK"] = hk
        }
        #expect(badZone?.description.contains("Mars/Olympus") == true)
        let rekeyed = try Self.breaking { artifact in
            artifact.regions["XX"] = artifact.regions["HK"]
        }
        #expect(rekeyed?.code == "INVARIANT_BROKEN")
    }

    @Test func missingFileIsUnreadable() {
        #expect { try RouterLoader.load(path: "/nonexistent/gateway-config.json") } throws: { error in
            guard case ArtifactError.unreadable = error else { return false }
            return true
        }
    }

    @Test func everySingleByteFlipIsRefusedOrStillConsistent() throws {
        // Flipping any one byte must never crash the loader: it is refused, or still a valid config.
        let bytes = try Self.goodBytes()
        for index in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 400)) {
            var edited = bytes
            edited[index] ^= 0x20
            _ = try? RouterLoader.load(data: edited)
        }
    }
}
