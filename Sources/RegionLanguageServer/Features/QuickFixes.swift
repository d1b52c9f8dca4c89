/// The quick fixes of the diagnostics a client hands back: each whose hint is a replacement
/// (`data.fix`, from the compiler's `Diagnostic.fix`) becomes an edit writing it over the
/// diagnostic's range.
enum QuickFixes {
    static func actions(for params: CodeActionParams) -> [CodeAction] {
        if let only = params.context.only, !only.contains(where: { CodeActionKind.quickFix.hasPrefix($0) }) { return [] }
        return params.context.diagnostics.compactMap { diagnostic in
            guard diagnostic.source == DiagnosticConversion.source, let fix = diagnostic.data?.fix else { return nil }
            return CodeAction(
                title: "Replace with `\(fix)`", kind: CodeActionKind.quickFix, diagnostics: [diagnostic],
                edit: WorkspaceEdit(changes: [params.textDocument.uri: [TextEdit(range: diagnostic.range, newText: fix)]]),
                isPreferred: true)
        }
    }
}
