/// `workspace/didChangeWatchedFiles`: files were created, changed or deleted outside the editor's
/// buffers (a `git checkout`), so the tree is read again.
struct DidChangeWatchedFilesHandler: NotificationHandler {
    static let method = "workspace/didChangeWatchedFiles"

    func handle(_ params: DidChangeWatchedFilesParams, context: ServerContext) async {
        await context.workspace.reloadFromDisk()
        await context.diagnostics.schedule()
    }
}
