// The LSP 3.17 types of the editor features (hover, definition, completion, code actions,
// symbols, references), beside the core's in LSPTypes.swift; only the fields this server uses.

/// Markdown shown by the editor (hover, a completion item's documentation).
package struct MarkupContent: Codable, Sendable, Hashable {
    package var kind = "markdown"
    package var value: String

    package init(markdown value: String) { self.value = value }
}

package struct Hover: Codable, Sendable, Hashable {
    package var contents: MarkupContent
    package var range: LSPRange?
}

package struct ReferenceParams: Codable, Sendable, Hashable {
    package struct Context: Codable, Sendable, Hashable {
        package var includeDeclaration: Bool
    }

    package var textDocument: TextDocumentIdentifier
    package var position: Position
    package var context: Context?
}

package struct TextEdit: Codable, Sendable, Hashable {
    package var range: LSPRange
    package var newText: String
}

package struct WorkspaceEdit: Codable, Sendable, Hashable {
    package var changes: [String: [TextEdit]]
}

package enum CompletionItemKind {
    package static let value = 12
    package static let enumMember = 20
    package static let property = 10
    package static let constant = 21
}

package struct CompletionItem: Codable, Sendable, Hashable {
    package var label: String
    package var kind: Int?
    package var detail: String?
    package var documentation: MarkupContent?
    /// What replaces the word at the cursor.
    package var textEdit: TextEdit?
    /// Sorts and filters as the label, but keys sort before nothing else: set for order in lists.
    package var sortText: String?
}

package struct CompletionList: Codable, Sendable, Hashable {
    package var isIncomplete: Bool
    package var items: [CompletionItem]
}

package struct CodeActionParams: Codable, Sendable, Hashable {
    package struct Context: Codable, Sendable, Hashable {
        package var diagnostics: [LSPDiagnostic]
        package var only: [String]?
    }

    package var textDocument: TextDocumentIdentifier
    package var range: LSPRange
    package var context: Context
}

package enum CodeActionKind {
    package static let quickFix = "quickfix"
}

package struct CodeAction: Codable, Sendable, Hashable {
    package var title: String
    package var kind: String
    package var diagnostics: [LSPDiagnostic]
    package var edit: WorkspaceEdit
    package var isPreferred: Bool
}

package struct DocumentSymbolParams: Codable, Sendable, Hashable {
    package var textDocument: TextDocumentIdentifier
}

package enum SymbolKind {
    package static let file = 1
    package static let module = 2
    package static let namespace = 3
    package static let object = 19
    package static let event = 24
    package static let field = 8
    package static let constant = 14
    package static let array = 18
    package static let key = 20
}

package struct DocumentSymbol: Codable, Sendable, Hashable {
    package var name: String
    package var detail: String?
    package var kind: Int
    package var range: LSPRange
    package var selectionRange: LSPRange
    package var children: [DocumentSymbol]?
}
