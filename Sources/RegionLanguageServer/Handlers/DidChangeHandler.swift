/// `textDocument/didChange`: ranges in UTF-16 units (incremental sync), or the whole text.
struct DidChangeHandler: NotificationHandler {
    static let method = "textDocument/didChange"

    func handle(_ params: DidChangeTextDocumentParams, context: ServerContext) async {
        guard await context.workspace.change(params) else {
            await context.client.log(MessageType.warning, "regionc lsp: a change to `\(params.textDocument.uri)`, which is not open, was ignored")
            return
        }
        await context.diagnostics.schedule()
    }
}
