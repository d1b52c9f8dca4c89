/// `textDocument/completion`: the keys valid at the cursor, or the values its field takes.
struct CompletionHandler: RequestHandler {
    static let method = "textDocument/completion"

    func handle(_ params: TextDocumentPositionParams, context: RequestContext) async throws -> CompletionList {
        let uri = params.textDocument.uri
        guard let path = DocumentURI.path(of: uri), let text = context.snapshot.text(at: uri),
              let role = FeatureDocument.role(ofPath: path, root: context.snapshot.root),
              let found = CompletionContext.at(params.position, uri: uri, path: path, text: text, root: context.snapshot.root)
        else { return CompletionList(isIncomplete: false, items: []) }
        let compilation = await LatestCompilation.of(context)
        return CompletionList(isIncomplete: false,
                              items: CompletionItems.items(for: found, role: role, compilation: compilation, snapshot: context.snapshot))
    }

    func announce(in capabilities: inout ServerCapabilities) {
        capabilities.completionProvider = CompletionOptions(triggerCharacters: [":", " ", "[", ",", "-"])
    }
}
