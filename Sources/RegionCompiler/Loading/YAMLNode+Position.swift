/// One step from a file's root down to a node: a mapping's key, or a list's item.
package enum YAMLPathComponent: Sendable, Hashable {
    case key(String)
    case index(Int)

    package var key: String? {
        if case .key(let key) = self { return key }
        return nil
    }
}

/// The scalar found at a position, with the way down to it.
package struct YAMLHit: Sendable {
    /// The keys and indices from the root to the scalar; for a key, its own name is the last step.
    package var path: [YAMLPathComponent]
    /// The scalar (a key or a value).
    package var node: YAMLNode
    package var isKey: Bool
    /// The collections that hold it, root first: the last is the mapping or list it sits in.
    package var containers: [YAMLNode]

    /// The path's keys alone (`payment_methods`, `method`), indices left out.
    package var keys: [String] { path.compactMap(\.key) }
}

extension YAMLNode {
    /// The key or scalar value written at 1-based `line` and scalar `column` (a position just after
    /// its last character counts, as an editor's cursor at the end of a word), the deepest first.
    /// Editor features (hover, definition, completion) find what the cursor is on with it.
    package func scalar(atLine line: Int, column: Int) -> YAMLHit? {
        Self.find(in: self, line: line, column: column, path: [], containers: [])
    }

    private static func covers(_ location: SourceLocation, line: Int, column: Int) -> Bool {
        location.line == line && column >= location.column && column <= location.column + location.length
    }

    private static func find(in node: YAMLNode, line: Int, column: Int, path: [YAMLPathComponent],
                             containers: [YAMLNode]) -> YAMLHit? {
        switch node.kind {
        case .scalar:
            return covers(node.location, line: line, column: column)
                ? YAMLHit(path: path, node: node, isKey: false, containers: containers) : nil
        case .mapping(let pairs):
            let inside = containers + [node]
            for pair in pairs {
                let here = path + [.key(pair.keyText)]
                if covers(pair.key.location, line: line, column: column) {
                    return YAMLHit(path: here, node: pair.key, isKey: true, containers: inside)
                }
                if let hit = find(in: pair.value, line: line, column: column, path: here, containers: inside) { return hit }
            }
            return nil
        case .sequence(let items):
            let inside = containers + [node]
            for (index, item) in items.enumerated() {
                if let hit = find(in: item, line: line, column: column, path: path + [.index(index)], containers: inside) {
                    return hit
                }
            }
            return nil
        case .unreadable:
            return nil
        }
    }

    /// Every scalar value (not key) with its path, in document order: uses of an id across a file.
    package func scalarValues() -> [(path: [YAMLPathComponent], node: YAMLNode)] {
        var found: [(path: [YAMLPathComponent], node: YAMLNode)] = []
        Self.collect(self, path: [], into: &found)
        return found
    }

    private static func collect(_ node: YAMLNode, path: [YAMLPathComponent],
                                into found: inout [(path: [YAMLPathComponent], node: YAMLNode)]) {
        switch node.kind {
        case .scalar: found.append((path, node))
        case .mapping(let pairs): for pair in pairs { collect(pair.value, path: path + [.key(pair.keyText)], into: &found) }
        case .sequence(let items): for (index, item) in items.enumerated() { collect(item, path: path + [.index(index)], into: &found) }
        case .unreadable: break
        }
    }

    /// The value at `keys` (mappings only), or nil.
    package func value(atKeys keys: [String]) -> YAMLPair? {
        var node = self
        var found: YAMLPair?
        for key in keys {
            guard case .mapping(let pairs) = node.kind, let pair = pairs.first(where: { $0.keyText == key }) else { return nil }
            found = pair
            node = pair.value
        }
        return found
    }
}
