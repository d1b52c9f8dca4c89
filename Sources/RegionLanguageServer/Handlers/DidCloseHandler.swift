/// `textDocument/didClose`: the file on disk counts again (an unsaved edit is gone with the buffer).
struct DidCloseHandler: NotificationHandler {
    static let method = "textDocument/didClose"

    func handle(_ params: DidCloseTextDocumentParams, context: ServerContext) async {
        await context.workspace.close(params.textDocument.uri)
        await context.diagnostics.schedule()
    }
}
