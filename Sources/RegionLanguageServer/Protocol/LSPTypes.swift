// The Language Server Protocol 3.17 types this server reads and writes, written by hand and only
// those used. The package mirror has no well-kept Swift library of LSP types (the one protocol SDK
// in it, modelcontextprotocol/swift-sdk, is for MCP), and the few structures needed here are
// small, plain Codable values over Foundation's JSONDecoder and JSONEncoder. Only this module (and
// its tests) builds them, so they take Swift's own memberwise initializers.
// Field names follow the specification: https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/

/// A place in a document: zero-based line, and character offset in UTF-16 code units
/// (the encoding this server announces, and LSP's default).
package struct Position: Codable, Sendable, Hashable, Comparable {
    package var line: Int
    package var character: Int

    package static func < (lhs: Position, rhs: Position) -> Bool {
        (lhs.line, lhs.character) < (rhs.line, rhs.character)
    }
}

/// `Range` in the specification, named apart from Swift's.
package struct LSPRange: Codable, Sendable, Hashable {
    package var start: Position
    package var end: Position
}

package struct Location: Codable, Sendable, Hashable {
    package var uri: String
    package var range: LSPRange
}

package struct TextDocumentIdentifier: Codable, Sendable, Hashable {
    package var uri: String
}

package struct VersionedTextDocumentIdentifier: Codable, Sendable, Hashable {
    package var uri: String
    package var version: Int?
}

package struct TextDocumentItem: Codable, Sendable, Hashable {
    package var uri: String
    package var languageId: String?
    package var version: Int?
    package var text: String
}

/// Any request about a place in a document (hover, definition, completion, references).
package struct TextDocumentPositionParams: Codable, Sendable, Hashable {
    package var textDocument: TextDocumentIdentifier
    package var position: Position
}

// MARK: Lifecycle

package struct WorkspaceFolder: Codable, Sendable, Hashable {
    package var uri: String
    package var name: String?
}

package struct InitializeParams: Decodable, Sendable {
    package var processId: Int?
    package var rootUri: String?
    package var rootPath: String?
    package var workspaceFolders: [WorkspaceFolder]?
}

package struct InitializeResult: Encodable, Sendable {
    package var capabilities: ServerCapabilities
    package var serverInfo: ServerInfo
}

package struct ServerInfo: Encodable, Sendable {
    package var name: String
    package var version: String
}

/// What the server offers. Handlers added later announce themselves through `ServerCapabilities`'
/// optional members (see `HandlerRegistry.capabilities`).
package struct ServerCapabilities: Encodable, Sendable {
    package var positionEncoding = "utf-16"
    package var textDocumentSync = TextDocumentSyncOptions()
    package var hoverProvider: Bool?
    package var definitionProvider: Bool?
    package var referencesProvider: Bool?
    package var documentSymbolProvider: Bool?
    package var completionProvider: CompletionOptions?
    package var codeActionProvider: CodeActionOptions?
}

package struct TextDocumentSyncOptions: Encodable, Sendable {
    package var openClose = true
    /// 2: incremental (ranges); a change without a range replaces the whole text.
    package var change = TextDocumentSyncKind.incremental
    package var save = SaveOptions()
}

package enum TextDocumentSyncKind {
    package static let full = 1
    package static let incremental = 2
}

package struct SaveOptions: Encodable, Sendable {
    package var includeText = false
}

package struct CompletionOptions: Encodable, Sendable {
    package var triggerCharacters: [String]?
    package var resolveProvider: Bool?
}

package struct CodeActionOptions: Encodable, Sendable {
    package var codeActionKinds: [String]?
}

package struct CancelParams: Decodable, Sendable {
    package var id: RequestID
}

// MARK: Documents

package struct DidOpenTextDocumentParams: Decodable, Sendable {
    package var textDocument: TextDocumentItem
}

package struct DidChangeTextDocumentParams: Decodable, Sendable {
    package var textDocument: VersionedTextDocumentIdentifier
    package var contentChanges: [TextDocumentContentChangeEvent]
}

/// One change: `range` replaced by `text`, or the whole document when there is no range.
package struct TextDocumentContentChangeEvent: Codable, Sendable, Hashable {
    package var range: LSPRange?
    package var text: String
}

package struct DidCloseTextDocumentParams: Decodable, Sendable {
    package var textDocument: TextDocumentIdentifier
}

package struct DidSaveTextDocumentParams: Decodable, Sendable {
    package var textDocument: TextDocumentIdentifier
}

package struct DidChangeWatchedFilesParams: Decodable, Sendable {
    package var changes: [FileEvent]
}

package struct FileEvent: Decodable, Sendable {
    package var uri: String
    package var type: Int
}

// MARK: Diagnostics and logs

package struct PublishDiagnosticsParams: Codable, Sendable, Hashable {
    package var uri: String
    package var diagnostics: [LSPDiagnostic]
}

/// `Diagnostic` in the specification, named apart from the compiler's own.
package struct LSPDiagnostic: Codable, Sendable, Hashable {
    package var range: LSPRange
    /// 1 error, 2 warning.
    package var severity: Int
    /// The RC code, e.g. `RC0202`.
    package var code: String
    package var source: String
    package var message: String
    package var relatedInformation: [DiagnosticRelatedInformation]?
    package var data: DiagnosticData?
}

package struct DiagnosticRelatedInformation: Codable, Sendable, Hashable {
    package var location: Location
    package var message: String
}

/// What a code action needs back from a diagnostic the client hands in: its hint, whole, and the
/// text that replaces the diagnostic's range when the hint is a replacement (`Diagnostic.fix`).
package struct DiagnosticData: Codable, Sendable, Hashable {
    package var hint: String?
    package var fix: String?
}

package enum MessageType {
    package static let error = 1
    package static let warning = 2
    package static let info = 3
    package static let log = 4
}

package struct LogMessageParams: Codable, Sendable {
    package var type: Int
    package var message: String
}
