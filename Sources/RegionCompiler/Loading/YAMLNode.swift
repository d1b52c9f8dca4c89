/// A YAML node as written: scalars keep their text and quoting, every node its position.
/// Nothing is typed here; the descriptor's schema types each scalar by the field it is in.
package struct YAMLNode: Sendable {
    package enum ScalarStyle: Sendable, Equatable {
        case plain, quoted, block
    }

    package enum Kind: Sendable {
        case scalar(String, ScalarStyle)
        case mapping([YAMLPair])
        case sequence([YAMLNode])
        /// A value that could not be read (an alias, nesting past the depth limit, an event where a
        /// node belongs), reported where it was met; it stands in for a value nothing checks again.
        case unreadable
    }

    package var kind: Kind
    package var location: SourceLocation

    package init(_ kind: Kind, at location: SourceLocation) {
        self.kind = kind
        self.location = location
    }

    /// A plain `null`, `~` or nothing at all: the field is not set.
    package var isNull: Bool {
        if case .scalar(let text, .plain) = kind {
            return text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
        }
        return false
    }

    package var scalarText: String? {
        if case .scalar(let text, _) = kind { return text }
        return nil
    }

    package var kindName: String {
        switch kind {
        case .scalar(let text, let style): style == .plain && isNull ? "null" : (style == .plain && text.count < 40 ? "`\(text)`" : "text")
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .unreadable: "an unreadable value"
        }
    }
}

package struct YAMLPair: Sendable {
    package var key: YAMLNode
    package var value: YAMLNode

    package var keyText: String { key.scalarText ?? "" }
}
