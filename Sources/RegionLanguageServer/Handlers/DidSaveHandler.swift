/// `textDocument/didSave`: the file on disk changed, so the tree is read again.
struct DidSaveHandler: NotificationHandler {
    static let method = "textDocument/didSave"

    func handle(_ params: DidSaveTextDocumentParams, context: ServerContext) async {
        await context.workspace.reloadFromDisk()
        await context.diagnostics.schedule()
    }
}
