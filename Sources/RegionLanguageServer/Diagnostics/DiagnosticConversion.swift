import RegionCompiler

/// A compiler diagnostic as LSP shows it: `code` the RC code, `source` `regionc`, the range the
/// diagnostic's span in UTF-16 units, notes as related information, the hint after the message
/// (and whole in `data`, for a code action to read back).
package enum DiagnosticConversion {
    package static let source = "regionc"

    /// `lineText(path, line)` is the text of a 1-based line of a compiled file, nil when unknown.
    package static func convert(_ diagnostic: Diagnostic, uri: (String) -> String,
                                lineText: (String, Int) -> String?) -> LSPDiagnostic {
        let location = diagnostic.location
        let related = diagnostic.related.map { note in
            DiagnosticRelatedInformation(
                location: Location(uri: uri(note.location.file),
                                   range: LineColumns.range(of: note.location, lineText: lineText(note.location.file, note.location.line))),
                message: note.message)
        }
        return LSPDiagnostic(
            range: LineColumns.range(of: location, lineText: lineText(location.file, location.line)),
            severity: diagnostic.severity == .error ? 1 : 2,
            code: diagnostic.code.rawValue,
            source: source,
            message: diagnostic.messageWithHint,
            relatedInformation: related.isEmpty ? nil : related,
            data: diagnostic.hint == nil && diagnostic.fix == nil ? nil : DiagnosticData(hint: diagnostic.hint, fix: diagnostic.fix))
    }
}
