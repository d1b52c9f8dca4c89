import Foundation


/// An artifact must hold exactly what the compiler writes. `JSONDecoder` ignores keys it does not
/// know, so a corrupted or hand-edited key (`"Methods"` for `"methods"`) would silently drop a
/// route's match and turn it into a catch-all. Comparing the input's JSON tree with the tree of its
/// own re-encoding finds any key the types do not read, and any value they would read differently.
enum ArtifactShape {
    /// The path of the first place where `input` has what `decoded` does not carry, or nil.
    static func firstUnreadPart(of input: Data, decoded: GatewayArtifact) -> String? {
        guard let reencoded = try? CanonicalJSON.encode(decoded),
              let expected = try? JSONSerialization.jsonObject(with: reencoded, options: [.fragmentsAllowed]),
              let actual = try? JSONSerialization.jsonObject(with: input, options: [.fragmentsAllowed])
        else { return "the top level" }
        return difference(expected: expected, actual: actual, path: "")
    }

    private static func difference(expected: Any, actual: Any, path: String) -> String? {
        switch (expected, actual) {
        case (let expected as [String: Any], let actual as [String: Any]):
            for key in actual.keys.sorted() {
                let child = path.isEmpty ? key : "\(path).\(key)"
                guard let value = expected[key] else { return "unexpected key `\(child)`" }
                if let found = difference(expected: value, actual: actual[key] as Any, path: child) { return found }
            }
            if let missing = expected.keys.sorted().first(where: { actual[$0] == nil }) {
                return "`\(path.isEmpty ? missing : "\(path).\(missing)")` is missing"
            }
            return nil
        case (let expected as [Any], let actual as [Any]):
            guard expected.count == actual.count else { return "`\(path)` has \(actual.count) items, read as \(expected.count)" }
            for (index, pair) in zip(expected, actual).enumerated() {
                if let found = difference(expected: pair.0, actual: pair.1, path: "\(path)[\(index)]") { return found }
            }
            return nil
        default:
            let same = (expected as? NSObject)?.isEqual(actual) ?? false
            return same ? nil : "`\(path)` is not read as written"
        }
    }
}
