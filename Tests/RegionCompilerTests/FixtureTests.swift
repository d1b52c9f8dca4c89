import Foundation
import Testing
@testable import RegionCompiler

/// Every failing fixture reports exactly its expected errors, at the expected line and column.
@Suite struct FixtureTests {
    @Test(arguments: FixtureDirectory.all(in: "invalid"))
    func invalidFixtureReportsExpectedDiagnostics(_ fixture: FixtureDirectory) throws {
        let compilation = try fixture.compile()
        let (expected, countOnly) = try fixture.expectations()
        #expect(!expected.isEmpty, "\(fixture) has no expectations")
        #expect(compilation.hasErrors, "\(fixture) compiled without errors")
        #expect(compilation.artifact == nil)
        let errors = compilation.diagnostics.filter { $0.severity == .error }.map(\.expectation)
        if countOnly {
            #expect(errors.first == expected.first, "\(fixture): first error \(String(describing: errors.first))")
            #expect(Set(errors.map(\.code)) == Set(expected.map(\.code)))
            return
        }
        let expectedErrors = expected.filter { DiagnosticCode(rawValue: $0.code)?.defaultSeverity != .warning }
        #expect(errors.sorted(by: { $0.description < $1.description }) == expectedErrors.sorted(by: { $0.description < $1.description }),
                "\(fixture): got \(compilation.diagnostics.map { "\($0.expectation) \($0.message)" })")
        let warnings = Set(compilation.diagnostics.filter { $0.severity == .warning }.map(\.expectation))
        for warning in expected where DiagnosticCode(rawValue: warning.code)?.defaultSeverity == .warning {
            #expect(warnings.contains(warning), "\(fixture): missing warning \(warning)")
        }
    }

    @Test(arguments: FixtureDirectory.all(in: "valid"))
    func validFixtureCompiles(_ fixture: FixtureDirectory) throws {
        let compilation = try fixture.compile()
        #expect(!compilation.hasErrors, "\(fixture): \(compilation.diagnostics.map { "\($0.expectation) \($0.message)" })")
        #expect(compilation.artifact != nil)
    }

    @Test func everyErrorCodeHasAFailingFixture() throws {
        var covered = Set<String>()
        for fixture in FixtureDirectory.all(in: "invalid") {
            covered.formUnion(try fixture.expectations().lines.map(\.code))
        }
        // Codes about directory entries (links, unreadable or misnamed files) need a real directory:
        // InputListingTests covers each of them.
        let untestable: Set<DiagnosticCode> = [.unreadableFile, .linkLeavesDirectory, .misnamedInput, .ignoredInput]
        let missing = DiagnosticCode.allCases.filter { !covered.contains($0.rawValue) && !untestable.contains($0) }
        #expect(missing.isEmpty, "codes without a failing fixture: \(missing.map(\.rawValue))")
    }

    @Test func everyDiagnosticNamesFileLineColumnAndMessage() throws {
        for fixture in FixtureDirectory.all(in: "invalid") {
            for diagnostic in try fixture.compile().diagnostics {
                #expect(diagnostic.location.line >= 1 && diagnostic.location.column >= 1, "\(fixture): \(diagnostic)")
                #expect(!diagnostic.message.isEmpty && !diagnostic.location.file.isEmpty)
                #expect(diagnostic.severity == diagnostic.code.defaultSeverity,
                        "\(fixture): \(diagnostic.code.rawValue) reported as \(diagnostic.severity), its code says \(diagnostic.code.defaultSeverity)")
            }
        }
    }
}

@Suite struct DiagnosticDocumentationTests {
    @Test func everyCodeIsDocumented() throws {
        let docs = ShippedRegionsTests.repositoryRoot.appendingPathComponent("docs/diagnostics.md")
        let text = try String(contentsOf: docs, encoding: .utf8)
        for code in DiagnosticCode.allCases {
            #expect(text.contains("`\(code.rawValue)`"), "\(code.rawValue) is not in docs/diagnostics.md")
        }
    }
}
