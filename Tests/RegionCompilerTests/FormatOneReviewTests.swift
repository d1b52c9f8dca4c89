import Foundation
import GatewayConfig
import Testing
@testable import RegionCompiler

/// A build from before calendars (format 1) still opens in the review tools, so `regionc diff
/// build/gateway-config.json regions` works across the format change; the runtime refuses it.
@Suite struct FormatOneReviewTests {
    /// The shipped artifact as format 1 wrote it: no `calendars`, no `settlement.calendars`, each
    /// region with its whole weekend.
    static func formatOneBytes() throws -> Data {
        let compilation = try DescriptorCompiler.compile(directory: ShippedRegionsTests.regionsDirectory)
        let bytes = try #require(try compilation.artifactBytes())
        var object = try #require(try JSONSerialization.jsonObject(with: bytes) as? [String: Any])
        object["format_version"] = 1
        object["calendars"] = nil
        var regions = try #require(object["regions"] as? [String: [String: Any]])
        for (code, var region) in regions {
            var settlement = try #require(region["settlement"] as? [String: Any])
            settlement["calendars"] = nil
            region["settlement"] = settlement
            region["weekend"] = ["sat", "sun"]
            regions[code] = region
        }
        object["regions"] = regions
        return try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    }

    @Test func aFormatOneBuildDiffsAgainstTheRegions() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("format-1-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: file) }
        try Self.formatOneBytes().write(to: file)
        let old = try ReviewInput.load(file.path)
        #expect(old.formatVersion == 1 && old.calendars.isEmpty)
        #expect(old.regions["US"]?.settlement.calendars == [])
        let new = try ReviewInput.load(ShippedRegionsTests.regionsDirectory)
        let diff = ConfigDiff.compare(old: old, new: new, asOf: ReviewTests.asOf)
        #expect(diff.changes.contains { $0.region == "US" && $0.field == "settlement.calendars" && $0.change.contains("US") },
                "\(diff.changes.map(\.line))")
    }
}
