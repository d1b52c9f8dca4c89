import Foundation
import Testing
@testable import RegionCompiler

/// The JSON Schemas and the compiler agree: what ships validates, and structural mistakes the
/// compiler rejects are rejected by the schema too. Uses python3 with `jsonschema` and `PyYAML`
/// (CI installs them); set REQUIRE_SCHEMA_TOOLS=1 to fail rather than skip when they are missing.
@Suite struct SchemaAgreementTests {
    static let root = ShippedRegionsTests.repositoryRoot

    struct Run {
        let status: Int32
        let output: String
    }

    /// `schema` is a file name under `schemas/`, or an absolute path.
    static func schemaCheck(_ schema: String, _ files: [String]) throws -> Run? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", root.appendingPathComponent("scripts/schema_check.py").path,
                             schema.hasPrefix("/") ? schema : root.appendingPathComponent("schemas/\(schema)").path] + files
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let output = String(decoding: data, as: UTF8.self)
        if process.terminationStatus == 2, output.contains("missing-dependency") || output.contains("No such file") {
            if ProcessInfo.processInfo.environment["REQUIRE_SCHEMA_TOOLS"] == "1" {
                Issue.record("schema tools missing: \(output)")
            }
            return nil
        }
        return Run(status: process.terminationStatus, output: output)
    }

    @Test func shippedDescriptorsValidateAgainstTheirSchemas() throws {
        let regions = Self.root.appendingPathComponent("regions")
        let regionFiles = try FileManager.default.contentsOfDirectory(atPath: regions.path)
            .filter { $0.count == 7 && $0.hasSuffix(".yaml") }.map { regions.appendingPathComponent($0).path }
        #expect(regionFiles.count == 10)
        guard let run = try Self.schemaCheck("region.schema.json", regionFiles) else { return }
        #expect(run.status == 0, "\(run.output)")
        let catalog = try #require(try Self.schemaCheck("catalog.schema.json", [regions.appendingPathComponent("catalog.yaml").path]))
        #expect(catalog.status == 0, "\(catalog.output)")
        let defaults = try #require(try Self.schemaCheck("defaults.schema.json", [regions.appendingPathComponent("defaults.yaml").path]))
        #expect(defaults.status == 0, "\(defaults.output)")
    }

    @Test func compiledArtifactValidatesAgainstItsSchema() throws {
        let compilation = try DescriptorCompiler.compile(directory: ShippedRegionsTests.regionsDirectory)
        let bytes = try #require(try compilation.artifactBytes())
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("gateway-config-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: path) }
        try bytes.write(to: path)
        guard let run = try Self.schemaCheck("gateway-config.schema.json", [path.path]) else { return }
        #expect(run.status == 0, "\(run.output)")
    }

    /// Structural mistakes (unknown key, wrong type, missing field) are the schema's business too.
    static let structuralCodes: Set<String> = ["RC0202", "RC0203", "RC0204", "RC0205", "RC0206", "RC0207"]

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
            guard let run = try Self.schemaCheck("region.schema.json", [path]) else { return }
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
