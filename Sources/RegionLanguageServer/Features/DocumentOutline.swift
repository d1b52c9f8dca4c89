import RegionCompiler

/// A document's outline from its YAML tree: every key, list items named by what they are (a
/// route by its name, a payment method by its id, a scheduled step by its `at`, a freeze or
/// blackout by its window), a region file under one symbol for its region.
enum DocumentOutline {
    static func symbols(of document: FeatureDocument) -> [DocumentSymbol] {
        guard let root = document.root, case .mapping(let pairs) = root.kind else { return [] }
        let children = pairs.map { symbol(for: $0, in: document) }
        guard document.role == .region, let region = pairs.first(where: { $0.keyText == "region" }),
              let code = region.value.scalarText, let first = pairs.first, let last = pairs.last else { return children }
        let name = pairs.first { $0.keyText == "name" }?.value.scalarText
        return [DocumentSymbol(name: code, detail: name, kind: SymbolKind.module,
                               range: span(from: first.key.location, through: last.value, in: document),
                               selectionRange: document.range(of: region.value.location), children: children)]
    }

    private static func symbol(for pair: YAMLPair, in document: FeatureDocument) -> DocumentSymbol {
        let (kind, detail, children) = describe(pair.value, in: document)
        return DocumentSymbol(name: pair.keyText.isEmpty ? "(empty key)" : pair.keyText, detail: detail, kind: kind,
                              range: span(from: pair.key.location, through: pair.value, in: document),
                              selectionRange: document.range(of: pair.key.location), children: children)
    }

    private static func item(_ node: YAMLNode, index: Int, in document: FeatureDocument) -> DocumentSymbol {
        let (kind, detail, children) = describe(node, in: document)
        return DocumentSymbol(name: itemName(node) ?? "[\(index)]", detail: detail, kind: kind,
                              range: span(from: node.location, through: node, in: document),
                              selectionRange: document.range(of: node.location.position), children: children)
    }

    private static func describe(_ node: YAMLNode, in document: FeatureDocument) -> (kind: Int, detail: String?, children: [DocumentSymbol]?) {
        switch node.kind {
        case .scalar(let text, _):
            return (SymbolKind.field, text, nil)
        case .mapping(let pairs):
            return (SymbolKind.object, itemDetail(pairs), pairs.map { symbol(for: $0, in: document) })
        case .sequence(let items):
            let children = items.enumerated().map { item($0.element, index: $0.offset, in: document) }
            return (SymbolKind.array, "\(items.count) item\(items.count == 1 ? "" : "s")", children)
        case .unreadable:
            return (SymbolKind.field, nil, nil)
        }
    }

    /// A list item's name: its own value when a scalar, else the field that names it.
    private static func itemName(_ node: YAMLNode) -> String? {
        switch node.kind {
        case .scalar(let text, _): return text
        case .mapping(let pairs):
            func value(_ key: String) -> String? { pairs.first { $0.keyText == key }?.value.scalarText }
            if let name = value("name") ?? value("method") ?? value("date") { return name }
            if let at = value("at") { return "at \(at)" }
            if let from = value("from") { return "\(from) to \(value("until") ?? "?")" }
            return nil
        default: return nil
        }
    }

    /// What a named item says in brief: a route's acquirers, a step's changes, a window's reason.
    private static func itemDetail(_ pairs: [YAMLPair]) -> String? {
        func value(_ key: String) -> YAMLNode? { pairs.first { $0.keyText == key }?.value }
        if let acquirer = value("acquirer")?.scalarText {
            var fallbacks: [String] = []
            if case .sequence(let items)? = value("fallback")?.kind { fallbacks = items.compactMap(\.scalarText) }
            return ([acquirer] + fallbacks).joined(separator: " → ")
        }
        if value("at") != nil {
            return pairs.filter { $0.keyText != "at" }.map { pair in
                pair.value.scalarText.map { "\(pair.keyText): \($0)" } ?? pair.keyText
            }.joined(separator: ", ")
        }
        return value("reason")?.scalarText
    }

    /// From `start` to the end of the last scalar inside `node` (collections have no end of their own).
    private static func span(from start: SourceLocation, through node: YAMLNode, in document: FeatureDocument) -> LSPRange {
        let end = lastScalar(in: node) ?? start
        let startRange = document.range(of: start.position)
        let endRange = document.range(of: end)
        return LSPRange(start: startRange.start, end: max(startRange.end, endRange.end))
    }

    private static func lastScalar(in node: YAMLNode) -> SourceLocation? {
        switch node.kind {
        case .scalar: return node.location
        case .mapping(let pairs):
            guard let last = pairs.last else { return nil }
            return lastScalar(in: last.value) ?? last.key.location
        case .sequence(let items): return items.reversed().lazy.compactMap(lastScalar(in:)).first
        case .unreadable: return nil
        }
    }
}
