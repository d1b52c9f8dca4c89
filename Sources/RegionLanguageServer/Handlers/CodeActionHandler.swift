/// `textDocument/codeAction`: the quick fix of every diagnostic whose hint is a replacement.
struct CodeActionHandler: RequestHandler {
    static let method = "textDocument/codeAction"

    func handle(_ params: CodeActionParams, context: RequestContext) async throws -> [CodeAction] {
        QuickFixes.actions(for: params)
    }

    func announce(in capabilities: inout ServerCapabilities) {
        capabilities.codeActionProvider = CodeActionOptions(codeActionKinds: [CodeActionKind.quickFix])
    }
}
