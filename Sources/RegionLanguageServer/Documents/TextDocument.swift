/// An open buffer: the client's text (unsaved) and the URI the client names it by.
package struct TextDocument: Sendable, Hashable {
    package var uri: String
    package var version: Int?
    package var text: String

    package init(uri: String, version: Int?, text: String) {
        self.uri = uri
        self.version = version
        self.text = text
    }

    /// Applies changes in order: a change with a range replaces it (positions in UTF-16 units, the
    /// range's ends put in order and clamped to the text), one without replaces the whole text.
    package mutating func apply(_ changes: [TextDocumentContentChangeEvent], version: Int?) {
        for change in changes {
            guard let range = change.range else {
                text = change.text
                continue
            }
            let (first, second) = range.start <= range.end ? (range.start, range.end) : (range.end, range.start)
            let lower = LineColumns.index(of: first, in: text)
            let upper = LineColumns.index(of: second, in: text)
            text.replaceSubrange(lower..<Swift.max(lower, upper), with: change.text)
        }
        self.version = version ?? self.version
    }
}
