import RegionCompiler

/// What the cursor is completing: a key of a mapping, or a value (a scalar, or a list's item) at a
/// path. Found on the YAML tree of the text with the word at the cursor replaced by a marker (so a
/// half-typed key or an empty value still parses), the marker's place in the tree saying which.
struct CompletionContext {
    enum Want: Equatable {
        /// A key of the mapping at `mapping`, which already has `existing`.
        case key(mapping: [YAMLPathComponent], existing: Set<String>)
        /// The value (or a list's item) at `keys`.
        case value(keys: [String])
    }

    let want: Want
    /// The word at the cursor, which an item replaces.
    let range: LSPRange
    /// Whether a `:` already follows the word (a key is then completed without one).
    let colonFollows: Bool

    /// Plain scalar text the marker may stand for: never written by people.
    static let marker = "regionc_completion_marker"

    static func at(_ position: Position, uri: String, path: String, text: String, root: WorkspaceRoot) -> CompletionContext? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.indices.contains(position.line) else { return nil }
        let line = lines[position.line]
        let scalars = Array(line.unicodeScalars)
        let cursor = min(scalars.count, max(0, LineColumns.scalarColumn(ofUTF16Offset: position.character, in: line) - 1))
        guard !isInComment(scalars[..<cursor]) else { return nil }
        var start = cursor
        while start > 0, isWordScalar(scalars[start - 1]) { start -= 1 }
        var end = cursor
        while end < scalars.count, isWordScalar(scalars[end]) { end += 1 }
        let before = String(String.UnicodeScalarView(scalars[..<start]))
        let after = String(String.UnicodeScalarView(scalars[end...]))
        let range = LSPRange(
            start: Position(line: position.line, character: LineColumns.utf16Offset(ofScalarColumn: start + 1, in: line)),
            end: Position(line: position.line, character: LineColumns.utf16Offset(ofScalarColumn: end + 1, in: line)))
        let colonFollows = after.hasPrefix(":")

        // The marker alone on its line (after an indent and `- `) may be a key being typed: try it as one too.
        var variants = [before + marker + after]
        let lead = before.drop { $0 == " " }
        let afterTrimmed = after.drop { $0 == " " || $0 == "\r" }
        if (lead.isEmpty || lead.allSatisfy { $0 == "-" || $0 == " " }), afterTrimmed.isEmpty || afterTrimmed.hasPrefix("#") {
            variants.append(before + marker + ":" + after)
        }
        for truncate in [false, true] {
            for variant in variants {
                lines[position.line] = variant
                let candidate = (truncate ? Array(lines[...position.line]) : lines).joined(separator: "\n")
                guard let document = FeatureDocument(uri: uri, path: path, text: candidate, root: root),
                      let hit = document.root?.scalar(atLine: position.line + 1, column: start + 1),
                      hit.node.scalarText?.hasPrefix(marker) == true,
                      let want = want(for: hit, role: document.role) else { continue }
                return CompletionContext(want: want, range: range, colonFollows: colonFollows)
            }
        }
        return nil
    }

    private static func want(for hit: YAMLHit, role: FeatureDocument.Role) -> Want? {
        if hit.isKey {
            let mapping = Array(hit.path.dropLast())
            var existing: Set<String> = []
            var pairCount = 0
            if case .mapping(let pairs)? = hit.containers.last?.kind {
                pairCount = pairs.count
                existing = Set(pairs.map(\.keyText).filter { !$0.hasPrefix(marker) })
            }
            if KeyCatalog.keys(at: mapping, in: role) != nil { return .key(mapping: mapping, existing: existing) }
            // `- marker:` alone in a list of scalars (`methods:`): the item being typed.
            if case .index? = mapping.last, pairCount == 1 { return .value(keys: mapping.compactMap(\.key)) }
            return nil
        }
        // A scalar where a list's items are mappings (`- ` under `payment_methods:`): the item's first key.
        if case .index? = hit.path.last, KeyCatalog.keys(at: hit.path, in: role) != nil {
            return .key(mapping: hit.path, existing: [])
        }
        return .value(keys: hit.keys)
    }

    /// Letters, digits and the marks ids, codes and zone names are written with.
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || ["_", "-", "/", "."].contains(scalar)
    }

    /// A `#` at the line's start or after a blank, outside quotes, opens a comment.
    private static func isInComment(_ scalars: ArraySlice<Unicode.Scalar>) -> Bool {
        var quote: Unicode.Scalar?
        var previous: Unicode.Scalar = " "
        for scalar in scalars {
            if let open = quote {
                if scalar == open { quote = nil }
            } else if scalar == "\"" || scalar == "'" {
                quote = scalar
            } else if scalar == "#", previous == " " || previous == "\t" {
                return true
            }
            previous = scalar
        }
        return false
    }
}
