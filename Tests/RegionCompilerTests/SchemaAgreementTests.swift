import Foundation
import TestSupport
import Testing
@testable import RegionCompiler

/// The JSON Schemas and the compiler agree: what ships validates, and structural mistakes the
/// compiler rejects are rejected by the schema too. Uses check-jsonschema (PyPI, pinned in
/// `.ci/run`), the tool operators point at our schemas: it reads YAML 1.2 (`region: NO` stays the
/// string "NO") and resolves the schemas' local `$ref`s. Without it these tests are skipped, and
/// with REQUIRE_SCHEMA_TOOLS=1 (CI) its absence is a failure.
@Suite(.enabled(if: SchemaTool.checker != nil, "check-jsonschema is not installed"))
struct SchemaAgreementTests {
    static let root = ShippedRegionsTests.repositoryRoot

    struct Run {
        let status: Int32
        let output: String
    }

    /// `schema` is a file name under `schemas/`, or an absolute path.
    static func schemaCheck(_ schema: String, _ files: [String]) throws -> Run {
        let run = try ProcessRunner.run(
            URL(fileURLWithPath: try #require(SchemaTool.checker)),
            ["--schemafile", schema.hasPrefix("/") ? schema : root.appendingPathComponent("schemas/\(schema)").path] + files)
        return Run(status: run.status, output: run.stdout + run.stderr)
    }

    @Test func shippedDescriptorsValidateAgainstTheirSchemas() throws {
        let regions = Self.root.appendingPathComponent("regions")
        let regionFiles = try FileManager.default.contentsOfDirectory(atPath: regions.path)
            .filter { $0.count == 7 && $0.hasSuffix(".yaml") }.map { regions.appendingPathComponent($0).path }
        #expect(regionFiles.count == 10)
        let run = try Self.schemaCheck("region.schema.json", regionFiles)
        #expect(run.status == 0, "\(run.output)")
        let catalog = try Self.schemaCheck("catalog.schema.json", [regions.appendingPathComponent("catalog.yaml").path])
        #expect(catalog.status == 0, "\(catalog.output)")
        let defaults = try Self.schemaCheck("defaults.schema.json", [regions.appendingPathComponent("defaults.yaml").path])
        #expect(defaults.status == 0, "\(defaults.output)")
    }

    @Test func shippedCalendarsValidateAgainstTheirSchema() throws {
        let calendars = Self.root.appendingPathComponent("calendars")
        let files = try FileManager.default.contentsOfDirectory(atPath: calendars.path)
            .filter { $0.hasSuffix(".yaml") }.sorted().map { calendars.appendingPathComponent($0).path }
        #expect(files.count >= 10)
        let run = try Self.schemaCheck("calendar.schema.json", files)
        #expect(run.status == 0, "\(run.output)")
    }

    @Test func compiledArtifactValidatesAgainstItsSchema() throws {
        let compilation = try DescriptorCompiler.compile(directory: ShippedRegionsTests.regionsDirectory)
        let bytes = try #require(try compilation.artifactBytes())
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("gateway-config-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: path) }
        try bytes.write(to: path)
        let run = try Self.schemaCheck("gateway-config.schema.json", [path.path])
        #expect(run.status == 0, "\(run.output)")
    }

    /// The SARIF renderer's output against a subset of the SARIF 2.1.0 schema kept with the renderer fixtures.
    @Test func sarifOutputValidatesAgainstTheSubsetSchema() throws {
        let compilation = try RendererTests.compilation()
        let output = try SARIFRenderer.render(compilation.diagnostics, sources: compilation.files)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("regionc-\(UUID().uuidString).sarif")
        defer { try? FileManager.default.removeItem(at: file) }
        try output.write(to: file, atomically: true, encoding: .utf8)
        let run = try Self.schemaCheck(RendererTests.directory.appendingPathComponent("sarif-2.1.0-subset.schema.json").path, [file.path])
        #expect(run.status == 0, "\(run.output)")
    }

    /// Structural mistakes (unknown key, wrong type, missing field) are the schema's business too.
    /// RC0206 (a number with leading zeros, `percent: 025`) is left out: YAML 1.2 reads `025` as the
    /// integer 25, so no JSON Schema validator can see the zero; only the compiler, which keeps the
    /// scalar's text, can refuse it.
    static let structuralCodes: Set<String> = ["RC0202", "RC0203", "RC0204", "RC0205", "RC0207"]

    @Test func structuralFixturesAreRejectedByTheSchemaToo() throws {
        var checked = 0
        for fixture in FixtureDirectory.all(in: "invalid") {
            let errors = try fixture.compile().diagnostics.filter { $0.severity == .error }
            // Only single-mistake region files: other codes would make the comparison meaningless.
            guard errors.count == 1, let error = errors.first, Self.structuralCodes.contains(error.code.rawValue),
                  DescriptorCompiler.expectedCode(of: SourceFile(name: error.location.file, displayPath: "", bytes: [])) != nil
            else { continue }
            if error.code == .missingField, !Self.regionSchemaRequires(error.message) { continue }
            let path = fixture.url.appendingPathComponent(error.location.file).path
            let run = try Self.schemaCheck("region.schema.json", [path])
            #expect(run.status == 1, "\(fixture): schema accepted a file the compiler rejects with \(error.code.rawValue)")
            checked += 1
        }
        #expect(checked >= 5, "only \(checked) structural fixtures checked")
    }

    /// Fields the region schema requires by itself; others (timezone, settlement...) may come from defaults.yaml.
    static let schemaRequired: Set<String> = [
        "region", "name", "currencies", "currencies.presentment", "currencies.settlement", "payment_methods", "routes",
        "payment_methods[].method", "routes[].name", "routes[].acquirer",
        "availability.blackouts[].from", "availability.blackouts[].until",
    ]

    static func regionSchemaRequires(_ message: String) -> Bool {
        let parts = message.split(separator: "`")
        guard parts.count >= 2 else { return false }
        return schemaRequired.contains(String(parts[1]))
    }
}

enum SchemaTool {
    /// The check-jsonschema executable on PATH, if any.
    static let checker: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        return path.split(separator: ":").map { "\($0)/check-jsonschema" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }()
}

/// CI sets REQUIRE_SCHEMA_TOOLS=1: there a missing check-jsonschema fails instead of skipping silently.
@Suite struct SchemaToolPresenceTests {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["REQUIRE_SCHEMA_TOOLS"] == "1"))
    func schemaToolIsInstalledWhereRequired() {
        #expect(SchemaTool.checker != nil, "REQUIRE_SCHEMA_TOOLS=1 but check-jsonschema is not on PATH")
    }
}
