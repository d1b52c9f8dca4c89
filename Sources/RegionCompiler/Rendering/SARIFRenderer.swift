import ArtifactTrust
import Foundation

/// Renders diagnostics as SARIF 2.1.0 for code scanning: one run of `regionc`, a rule per
/// diagnostic code (every code, so rule indices are stable across runs), and a result per
/// diagnostic with its physical location and a fingerprint that survives lines moving.
package enum SARIFRenderer {
    package static func render(_ diagnostics: [Diagnostic], sources: [SourceFile], budget: DiagnosticBudget = .standard) throws -> String {
        let diagnostics = budget.select(diagnostics).shown
        let byPath = Dictionary(sources.map { ($0.displayPath, $0) }, uniquingKeysWith: { first, _ in first })
        let codes = DiagnosticCode.allCases
        let ruleIndex = Dictionary(uniqueKeysWithValues: codes.enumerated().map { ($1, $0) })
        let rules = codes.map { code in
            Rule(id: code.rawValue, name: String(describing: code), shortDescription: Text(text: code.summary),
                 helpUri: "https://github.com/alipay-regions/regionc/blob/main/docs/diagnostics.md",
                 defaultConfiguration: Configuration(level: code.defaultSeverity.rawValue))
        }
        let results = diagnostics.map { diagnostic in
            let location = diagnostic.location
            let sourceLine = byPath[location.file]?.line(location.line)?.trimmingCharacters(in: .whitespaces) ?? ""
            return Result(
                ruleId: diagnostic.code.rawValue, ruleIndex: ruleIndex[diagnostic.code] ?? 0,
                level: diagnostic.severity.rawValue, message: Text(text: diagnostic.messageWithHint),
                locations: [Location(physicalLocation: physical(location), message: nil)],
                relatedLocations: diagnostic.related.isEmpty ? nil : diagnostic.related.enumerated().map { index, note in
                    RelatedLocation(id: index, physicalLocation: physical(note.location), message: Text(text: note.message))
                },
                partialFingerprints: ["regionc/v1": fingerprint(diagnostic.code.rawValue, location.file, sourceLine, diagnostic.message)])
        }
        let log = Log(schema: "https://json.schemastore.org/sarif-2.1.0.json", version: "2.1.0", runs: [
            Run(tool: Tool(driver: Driver(name: "regionc", version: CompilerVersion.current, semanticVersion: CompilerVersion.current,
                                          informationUri: "https://github.com/alipay-regions/regionc", rules: rules)),
                results: results, columnKind: "unicodeCodePoints"),
        ])
        return try ReportJSON.text(log)
    }

    static func physical(_ location: SourceLocation) -> PhysicalLocation {
        PhysicalLocation(artifactLocation: ArtifactLocation(uri: uri(location.file), uriBaseId: "%SRCROOT%"),
                         region: Region(startLine: location.line, startColumn: location.column,
                                        endColumn: location.column + location.length))
    }

    /// A relative URI reference: path segments percent-encoded where needed.
    static func uri(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: ":")
        return path.split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.addingPercentEncoding(withAllowedCharacters: allowed) ?? String($0) }
            .joined(separator: "/")
    }

    /// Stable across runs and line shifts: what the finding is and the text it is on, not where.
    static func fingerprint(_ parts: String...) -> String {
        Digest.sha256Hex(Data(parts.joined(separator: "\u{1F}").utf8))
    }

    struct Log: Encodable {
        let schema: String
        let version: String
        let runs: [Run]
        enum CodingKeys: String, CodingKey { case schema = "$schema", version, runs }
    }

    struct Run: Encodable {
        let tool: Tool
        let results: [Result]
        let columnKind: String
    }

    struct Tool: Encodable { let driver: Driver }

    struct Driver: Encodable {
        let name: String
        let version: String
        let semanticVersion: String
        let informationUri: String
        let rules: [Rule]
    }

    struct Rule: Encodable {
        let id: String
        let name: String
        let shortDescription: Text
        let helpUri: String
        let defaultConfiguration: Configuration
    }

    struct Configuration: Encodable { let level: String }
    struct Text: Encodable { let text: String }

    struct Result: Encodable {
        let ruleId: String
        let ruleIndex: Int
        let level: String
        let message: Text
        let locations: [Location]
        let relatedLocations: [RelatedLocation]?
        let partialFingerprints: [String: String]
    }

    struct Location: Encodable {
        let physicalLocation: PhysicalLocation
        let message: Text?
    }

    struct RelatedLocation: Encodable {
        let id: Int
        let physicalLocation: PhysicalLocation
        let message: Text
    }

    struct PhysicalLocation: Encodable {
        let artifactLocation: ArtifactLocation
        let region: Region
    }

    struct ArtifactLocation: Encodable {
        let uri: String
        let uriBaseId: String
    }

    struct Region: Encodable {
        let startLine: Int
        let startColumn: Int
        let endColumn: Int
    }
}
