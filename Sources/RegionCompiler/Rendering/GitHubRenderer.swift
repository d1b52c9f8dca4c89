/// Renders diagnostics as GitHub Actions workflow commands, so each lands on its line in the
/// pull request: `::error file=F,line=L,col=C,title=CODE::message`. GitHub shows at most ten
/// errors and ten warnings per step, so a closing notice counts everything by code.
package enum GitHubRenderer {
    package static func render(_ diagnostics: [Diagnostic], budget: DiagnosticBudget = .standard) -> String {
        let selection = budget.select(diagnostics)
        var lines = selection.shown.map(line)
        for line in budget.omissionLines(selection) {
            let file = line.file.map { "file=\(escapeProperty($0))," } ?? ""
            lines.append("::notice \(file)title=regionc::\(escapeData(line.text))")
        }
        if !diagnostics.isEmpty { lines.append(summary(diagnostics)) }
        return lines.joined(separator: "\n")
    }

    static func line(_ diagnostic: Diagnostic) -> String {
        let location = diagnostic.location
        return "::\(diagnostic.severity.rawValue) file=\(escapeProperty(location.file)),line=\(location.line),col=\(location.column),"
            + "title=\(escapeProperty(diagnostic.code.rawValue))::\(escapeData(diagnostic.messageWithHint))"
    }

    /// `::notice title=regionc::3 errors, 1 warning: RC0202 x2, RC0305 x1, RC0802 x1`.
    static func summary(_ diagnostics: [Diagnostic]) -> String {
        var counts: [DiagnosticCode: Int] = [:]
        for diagnostic in diagnostics { counts[diagnostic.code, default: 0] += 1 }
        let byCode = counts.keys.sorted().map { "\($0.rawValue) x\(counts[$0] ?? 0)" }.joined(separator: ", ")
        let errors = diagnostics.errorCount
        let warnings = diagnostics.warningCount
        let text = "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s"): \(byCode)"
        return "::notice title=regionc::\(escapeData(text))"
    }

    /// The message part: `%`, CR and LF would end or corrupt the command.
    static func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25")
            .replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    /// Property values additionally escape `:` and `,`, which separate properties.
    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
