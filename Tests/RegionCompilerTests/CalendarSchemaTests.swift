import Foundation
import GatewayConfig
import Testing
@testable import RegionCompiler

/// The calendar schema and the compiler agree: calendars the compiler accepts validate, and the
/// failing fixtures whose mistake is structural (a missing source, an unknown weekday, a bad
/// cutoff, an unknown key) are rejected by the schema as well.
@Suite(.enabled(if: SchemaTool.checker != nil, "check-jsonschema is not installed"))
struct CalendarSchemaTests {
    static func calendarFiles(of fixture: String) throws -> [String] {
        let directory = FixtureDirectory.root.appendingPathComponent("invalid/\(fixture)/calendars")
        return try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".yaml") }
            .map { directory.appendingPathComponent($0).path }
    }

    @Test func acceptedCalendarsValidate() throws {
        let banking = ShippedRegionsTests.repositoryRoot.appendingPathComponent("Tests/PaymentRoutingTests/Fixtures/banking/calendars")
        let files = try FileManager.default.contentsOfDirectory(atPath: banking.path).map { banking.appendingPathComponent($0).path }
            + Self.calendarFiles(of: "warning-horizon-soon") + Self.calendarFiles(of: "calendar-horizon-passed-live")
        let run = try SchemaAgreementTests.schemaCheck("calendar.schema.json", files)
        #expect(run.status == 0, "\(run.output)")
    }

    /// `settlement.calendars` is part of the region schema.
    @Test func aRegionNamingItsCalendarsValidates() throws {
        let region = FixtureDirectory.root.appendingPathComponent("valid/hk-joint-calendars/hk.yaml").path
        let run = try SchemaAgreementTests.schemaCheck("region.schema.json", [region])
        #expect(run.status == 0, "\(run.output)")
    }

    @Test(arguments: ["calendar-source-missing", "calendar-weekend-unknown-day", "calendar-half-day-cutoff-invalid"])
    func structuralMistakesAreRejectedByTheSchemaToo(_ fixture: String) throws {
        let run = try SchemaAgreementTests.schemaCheck("calendar.schema.json", try Self.calendarFiles(of: fixture))
        #expect(run.status == 1, "\(fixture): \(run.output)")
    }
}

/// `--as-of` judges horizons; the artifact never depends on it.
@Suite struct AsOfArtifactTests {
    /// The as-of date judges the horizon and nothing else: the shipped artifact's bytes are the same
    /// with no as-of, today's, and one late enough to warn.
    @Test func asOfNeverChangesTheArtifactBytes() throws {
        var outputs: Set<Data> = []
        for asOf in ["2026-11-28", "2027-11-01", "2028-03-01"] {
            let compilation = try DescriptorCompiler.compile(directory: ShippedRegionsTests.regionsDirectory, asOf: CalendarDate(asOf))
            outputs.insert(try #require(try compilation.artifactBytes(), "\(asOf): \(compilation.diagnostics.map(\.message))"))
            if asOf != "2026-11-28" { #expect(!compilation.diagnostics.isEmpty, "\(asOf) judged nothing") }
        }
        outputs.insert(try #require(try DescriptorCompiler.compile(directory: ShippedRegionsTests.regionsDirectory).artifactBytes()))
        #expect(outputs.count == 1)
    }
}
