import Foundation

/// How `regionc` writes a JSON report (diagnostics, SARIF, diff, timeline): keys sorted, indented,
/// `/` unescaped, so the same findings give the same text.
enum ReportJSON {
    static func text(_ report: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(report), as: UTF8.self)
    }
}
