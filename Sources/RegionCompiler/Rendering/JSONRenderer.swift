import Foundation
import GatewayConfig

/// Renders diagnostics as one JSON document (documented in docs/diagnostics.md):
/// `{"diagnostics":[...],"summary":{"errors":N,"warnings":N,"files":N,"regions":N,"omitted":N}}`; at most
/// `DiagnosticBudget.standard` diagnostics are listed, `omitted` counts the rest.
package enum JSONRenderer {
    struct Document: Encodable {
        let diagnostics: [Entry]
        let summary: Summary
    }

    struct Entry: Encodable {
        let severity: String
        let code: String
        let message: String
        let file: String
        let line: Int
        let column: Int
        let hint: String?
        let related: [Related]?
    }

    struct Related: Encodable {
        let message: String
        let file: String
        let line: Int
        let column: Int
    }

    struct Summary: Encodable {
        let errors: Int
        let warnings: Int
        let files: Int
        let regions: Int
        /// Diagnostics counted above but not listed (DiagnosticBudget).
        let omitted: Int
    }

    package static func render(_ diagnostics: [Diagnostic], fileCount: Int, regionCount: Int,
                              budget: DiagnosticBudget = .standard) throws -> String {
        let selection = budget.select(diagnostics)
        let entries = selection.shown.map { diagnostic in
            Entry(severity: diagnostic.severity.rawValue, code: diagnostic.code.rawValue, message: diagnostic.message,
                  file: diagnostic.location.file, line: diagnostic.location.line, column: diagnostic.location.column,
                  hint: diagnostic.hint,
                  related: diagnostic.related.isEmpty ? nil : diagnostic.related.map {
                      Related(message: $0.message, file: $0.location.file, line: $0.location.line, column: $0.location.column)
                  })
        }
        let document = Document(diagnostics: entries,
                                summary: Summary(errors: diagnostics.errorCount, warnings: diagnostics.warningCount,
                                                 files: fileCount, regions: regionCount, omitted: selection.omittedCount))
        return try ReportJSON.text(document)
    }
}
