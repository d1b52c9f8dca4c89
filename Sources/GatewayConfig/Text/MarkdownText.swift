/// Input text (a region name, a method id, a file path) put into Markdown that a pull request
/// shows: it renders as the text it is, never as markup. A `[link](http://…)` stays brackets,
/// `**bold**` stays asterisks, `<b>` stays angle brackets, a `|` does not split a table cell,
/// and control and bidirectional characters (U+202E) are spelled out (`\u{202E}`), so a cell
/// is one line that reads as it is stored. The one home of Markdown escaping for every
/// renderer (`diff`, `diff --traffic`, `report`).
package enum MarkdownText {
    /// Characters that start inline markup in GitHub Markdown: code, emphasis, strikethrough,
    /// links and images, HTML and autolinks (both open with `<`, so `->` stays as it is),
    /// entities, math, table cells, headings (after a list marker), and the escape character
    /// itself. Each is written backslash-escaped.
    static let markup: Set<Unicode.Scalar> = ["\\", "`", "*", "_", "~", "[", "]", "<", "&", "$", "|", "#"]

    /// Text for a table cell or a list item's text: markup escaped, control characters spelled.
    package static func inline(_ text: String) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            if ControlCharacters.needsCare(scalar) {
                out += ControlCharacters.spelled(scalar)
            } else {
                if markup.contains(scalar) { out.unicodeScalars.append("\\") }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The inside of a code span (`` `…` ``): backticks, which would end it, become `'`; control
    /// characters are spelled; in a table, `|` is escaped (GitHub splits cells before it reads
    /// code spans). Nothing else is markup inside a code span.
    package static func code(_ text: String, inTable: Bool = false) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if ControlCharacters.needsCare(scalar) {
                out += ControlCharacters.spelled(scalar)
            } else if scalar == "`" {
                out += "'"
            } else {
                if inTable, scalar == "|" { out += "\\" }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
