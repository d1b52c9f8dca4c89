/// Renders diagnostics for people, rustc style: the line, a caret under the span, the hint.
public struct TextRenderer: Sendable {
    package var colored: Bool

    public init(colored: Bool) { self.colored = colored }

    public func render(_ diagnostic: Diagnostic, source: SourceFile?) -> String {
        let location = diagnostic.location
        let severityColor = diagnostic.severity == .error ? "31" : "33"
        var out = paint("\(diagnostic.severity.rawValue)[\(diagnostic.code.rawValue)]", severityColor, bold: true)
        out += paint(": \(diagnostic.message)", nil, bold: true) + "\n"
        let lineNumber = String(location.line)
        let gutter = String(repeating: " ", count: lineNumber.count)
        out += "\(gutter)\(paint("-->", "34", bold: true)) \(DisplayText.name(location.file)):\(location.line):\(location.column)\n"
        if let text = source?.line(location.line) {
            let bar = paint("|", "34", bold: true)
            let (shown, column) = DisplayText.sourceLine(text, column: location.column)
            let available = max(1, shown.unicodeScalars.count - (column - 1))
            let carets = String(repeating: "^", count: min(location.length, available))
            let padding = String(repeating: " ", count: max(0, column - 1))
            out += "\(gutter) \(bar)\n"
            out += "\(paint(lineNumber, "34", bold: true)) \(bar) \(shown)\n"
            out += "\(gutter) \(bar) \(padding)\(paint(carets, severityColor, bold: true))"
            if let hint = diagnostic.hint { out += " " + paint(hint, severityColor, bold: false) }
            out += "\n"
        } else if let hint = diagnostic.hint {
            out += "\(gutter) = help: \(hint)\n"
        }
        for note in diagnostic.related {
            out += "\(gutter) = note: \(note.message) at \(DisplayText.name(note.location.file)):\(note.location.line):\(note.location.column)\n"
        }
        return out
    }

    /// Renders at most `budget`'s share of the diagnostics, then a line per file with the count of
    /// the rest. Linear: each source line is found through the file's line index.
    package func render(_ diagnostics: [Diagnostic], sources: [SourceFile], budget: DiagnosticBudget = .standard) -> String {
        let byPath = Dictionary(sources.map { ($0.displayPath, $0) }, uniquingKeysWith: { first, _ in first })
        let selection = budget.select(diagnostics)
        var parts = selection.shown.map { render($0, source: byPath[$0.location.file]) }
        for line in budget.omissionLines(selection) {
            parts.append(paint("note", "34", bold: true) + ": " + line.text + "\n")
        }
        return parts.joined(separator: "\n")
    }

    /// The closing line: `ok: 10 regions, no errors` or `error: 3 errors, 1 warning in 2 files`.
    public func summary(_ diagnostics: [Diagnostic], regionCount: Int) -> String {
        let errors = diagnostics.errorCount
        let warnings = diagnostics.warningCount
        let files = Set(diagnostics.map(\.location.file)).count
        if errors == 0 {
            let warningText = warnings == 0 ? "no warnings" : plural(warnings, "warning")
            return paint("ok", "32", bold: true) + ": \(plural(regionCount, "region")) valid, \(warningText)"
        }
        return paint("error", "31", bold: true)
            + ": \(plural(errors, "error")), \(plural(warnings, "warning")) in \(plural(files, "file"))"
    }

    func plural(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }

    func paint(_ text: String, _ color: String?, bold: Bool) -> String {
        guard colored else { return text }
        let codes = [bold ? "1" : nil, color].compactMap { $0 }.joined(separator: ";")
        return codes.isEmpty ? text : "\u{1B}[\(codes)m\(text)\u{1B}[0m"
    }
}
