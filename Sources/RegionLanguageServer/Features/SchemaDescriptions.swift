import Foundation
import GatewayConfig
import RegionCompiler

/// A key's meaning, read from the `description` the tree's JSON Schema gives it (`schemas/` beside
/// the regions directory, the schema each file's `# yaml-language-server` line names): the text
/// yaml-language-server shows has one home, and the hover shows the same.
struct SchemaDescriptions {
    private let schema: [String: Any]

    /// The schema for documents of `role`, or nil when the tree has none (or it does not read).
    init?(for role: FeatureDocument.Role, root: WorkspaceRoot) {
        let name = switch role {
        case .region: "region.schema.json"
        case .catalog: "catalog.schema.json"
        case .defaults: "defaults.schema.json"
        case .calendar: "calendar.schema.json"
        }
        let path = FilePaths.join(FilePaths.sibling("schemas", of: root.regions), name)
        guard let data = FileManager.default.contents(atPath: path),
              let schema = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else { return nil }
        self.schema = schema
    }

    /// The description of the key or value at `path`, or nil when the schema gives none.
    func description(at path: [YAMLPathComponent]) -> String? {
        var node: [String: Any] = schema
        for component in path {
            let resolved = resolve(node)
            switch component {
            case .key(let key):
                if let properties = resolved["properties"] as? [String: Any], let property = properties[key] as? [String: Any] {
                    node = property
                } else if let patterns = resolved["patternProperties"] as? [String: Any],
                          let matching = patterns.first(where: { key.range(of: $0.key, options: .regularExpression) != nil })?.value
                              as? [String: Any] {
                    node = matching
                } else if let additional = resolved["additionalProperties"] as? [String: Any] {
                    node = additional
                } else {
                    return nil
                }
            case .index:
                guard let items = resolved["items"] as? [String: Any] else { return nil }
                node = items
            }
        }
        return node["description"] as? String ?? resolve(node)["description"] as? String
    }

    /// A node's `$ref` followed within the schema (`#/$defs/name`), a few levels at most.
    private func resolve(_ node: [String: Any]) -> [String: Any] {
        var current = node
        for _ in 0..<8 {
            guard let reference = current["$ref"] as? String, reference.hasPrefix("#/") else { return current }
            var target: Any = schema
            for part in reference.dropFirst(2).split(separator: "/") {
                guard let next = (target as? [String: Any])?[String(part)] else { return current }
                target = next
            }
            guard let resolved = target as? [String: Any] else { return current }
            current = resolved
        }
        return current
    }
}
