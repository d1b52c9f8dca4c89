import GatewayConfig

/// A region descriptor with `defaults.yaml` applied, printed as YAML with the origin of every
/// value (`# defaults.yaml:4`), so operations can see what a region really says.
package enum EffectiveDescriptor {
    /// The merged descriptor of the region in `file`, or nil when it cannot be parsed or is not a
    /// mapping (a list or a scalar has no fields to show).
    /// With `at`, the availability (the region's and each method's) is the phase in effect at that
    /// instant: the steps up to it applied as the compiler applies them, each value still naming
    /// the line it came from, so a reviewer sees which step set it.
    package static func render(regionFile: SourceFile, defaults: SourceFile?, at instant: Instant? = nil) -> String? {
        guard let root = YAMLComposer.compose(regionFile).root, case .mapping = root.kind else { return nil }
        let defaultsRoot = defaults.flatMap { YAMLComposer.compose($0).root }
        var lines: [String] = []
        var merged = DefaultsMerger.mergeIntoRegion(defaults: defaultsRoot, into: root)
        if let instant {
            let phase = EffectivePhase.apply(merged, at: instant)
            merged = phase.node
            lines += phase.notes.map { "# \($0)" }
        }
        write(merged, indent: "", into: &lines)
        return lines.joined(separator: "\n") + "\n"
    }

    static func write(_ node: YAMLNode, indent: String, into lines: inout [String]) {
        guard case .mapping(let pairs) = node.kind else { return }
        for pair in pairs {
            let key = "\(indent)\(pair.keyText):"
            switch pair.value.kind {
            case .mapping:
                lines.append(key)
                write(pair.value, indent: indent + "  ", into: &lines)
            case .sequence(let items) where items.contains(where: { if case .mapping = $0.kind { true } else { false } }):
                lines.append(key)
                for item in items {
                    var nested: [String] = []
                    write(item, indent: indent + "    ", into: &nested)
                    if let first = nested.first {
                        lines.append(indent + "  - " + first.dropFirst(indent.count + 4))
                        lines += nested.dropFirst()
                    }
                }
            default:
                lines.append("\(key) \(inline(pair.value))  # \(origin(pair.value))")
            }
        }
    }

    static func inline(_ node: YAMLNode) -> String {
        switch node.kind {
        case .scalar(let text, let style):
            return style == .plain ? text : "\"\(text.replacingOccurrences(of: "\"", with: "\\\""))\""
        case .sequence(let items): return "[" + items.map(inline).joined(separator: ", ") + "]"
        case .mapping(let pairs): return "{ " + pairs.map { "\($0.keyText): \(inline($0.value))" }.joined(separator: ", ") + " }"
        case .unreadable: return "~"
        }
    }

    static func origin(_ node: YAMLNode) -> String {
        let file = node.location.file.split(separator: "/").last.map(String.init) ?? node.location.file
        return "\(file):\(node.location.line)"
    }
}
