/// `textDocument/didOpen`: the buffer's text replaces the file's on disk from now on.
struct DidOpenHandler: NotificationHandler {
    static let method = "textDocument/didOpen"

    func handle(_ params: DidOpenTextDocumentParams, context: ServerContext) async {
        guard await context.workspace.open(params.textDocument) else { return }
        await context.diagnostics.schedule()
    }
}
