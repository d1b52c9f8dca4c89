import GatewayConfig

/// A value together with where it was written.
package struct Located<Value: Sendable>: Sendable {
    package var value: Value
    package var location: SourceLocation

    package init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }
}

extension Located: Equatable where Value: Equatable {}
extension Located: Hashable where Value: Hashable {}

/// The fields of one mapping, after unknown keys have been reported.
struct Fields {
    /// Where the mapping is introduced: its key (`availability:`), or the mapping itself at the root.
    let mappingLocation: SourceLocation
    private let pairs: [String: YAMLPair]

    init(mappingLocation: SourceLocation, pairs: [String: YAMLPair]) {
        self.mappingLocation = mappingLocation
        self.pairs = pairs
    }

    /// The value of `key`, or nil when absent or null.
    subscript(key: String) -> YAMLNode? {
        guard let value = pairs[key]?.value, !value.isNull else { return nil }
        return value
    }

    func keyLocation(_ key: String) -> SourceLocation? { pairs[key]?.key.location }

    /// The value of `key` when it is written but null (`~`, `null`, nothing).
    func nullValue(_ key: String) -> YAMLNode? {
        guard let value = pairs[key]?.value, value.isNull else { return nil }
        return value
    }
}

/// Reads YAML nodes as the schema says each field is typed, collecting diagnostics.
/// Every accessor returns nil after reporting, so one mistake never cascades.
final class FieldReader {
    private(set) var diagnostics: [Diagnostic] = []
    /// The file whose fields are being read; missing fields are reported in it.
    let primaryFile: String
    let rootLocation: SourceLocation

    init(primaryFile: String, rootLocation: SourceLocation) {
        self.primaryFile = primaryFile
        self.rootLocation = rootLocation
    }

    func error(_ code: DiagnosticCode, _ message: String, at location: SourceLocation, hint: String? = nil,
               related: [RelatedNote] = [], fix: String? = nil) {
        diagnostics.append(.error(code, message, at: location, hint: hint, related: related, fix: fix))
    }

    /// A finding another reader made (a scheduled phase is read apart, and only its step's own
    /// findings are kept).
    func report(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    // MARK: Structure

    /// Opens a mapping: reports unknown keys (with a suggestion) and missing required ones.
    /// `path` names the mapping in messages (`availability`); `introducedAt` is its key's location.
    func mapping(_ node: YAMLNode, path: String, introducedAt: SourceLocation?, known: [String], required: [String] = [])
        -> Fields? {
        guard case .mapping(let pairs) = node.kind else {
            wrongType(node, expected: "a mapping", path: path)
            return nil
        }
        var byKey: [String: YAMLPair] = [:]
        for pair in pairs {
            let key = pair.keyText
            guard known.contains(key) else {
                let prefix = path.isEmpty ? "" : "\(path)."
                let correction = Suggestion.correction(for: key, among: known)
                error(.unknownKey, "unknown key `\(prefix)\(key)`", at: pair.key.location,
                      hint: correction?.hint ?? "known keys here: \(known.map { "`\($0)`" }.joined(separator: ", "))",
                      fix: correction?.replacement)
                continue
            }
            byKey[key] = pair
        }
        let mappingLocation = missingFieldLocation(introducedAt ?? node.location)
        let fields = Fields(mappingLocation: mappingLocation, pairs: byKey)
        for key in required where fields[key] == nil {
            let fullPath = path.isEmpty ? key : "\(path).\(key)"
            if let null = fields.nullValue(key) {
                error(.nullValue, "`\(fullPath)` is null", at: null.location, hint: "give it a value; it is required")
            } else {
                reportMissing(fullPath, at: mappingLocation)
            }
        }
        return fields
    }

    func reportMissing(_ path: String, at location: SourceLocation) {
        error(.missingField, "missing required field `\(path)`", at: location,
              hint: "add `\(path.split(separator: ".").last.map(String.init) ?? path):` here or in defaults.yaml")
    }

    /// A missing field belongs to the file being read, even when its parent came from defaults.yaml.
    func missingFieldLocation(_ location: SourceLocation) -> SourceLocation {
        location.file == primaryFile ? location : rootLocation
    }

    func sequence(_ node: YAMLNode, path: String) -> [YAMLNode]? {
        if case .sequence(let items) = node.kind { return items }
        if case .scalar(let text, _) = node.kind, !node.isNull {
            wrongType(node, expected: "a list", path: path, hint: "write a list, e.g. `\(path.split(separator: ".").last ?? ""): [\(text)]`")
        } else {
            wrongType(node, expected: "a list", path: path)
        }
        return nil
    }

    func wrongType(_ node: YAMLNode, expected: String, path: String, hint: String? = nil) {
        if case .unreadable = node.kind { return }
        // The root has no path: name it as the file's content, not as an empty `` key.
        let subject = path.isEmpty ? "the file's content" : "`\(path)`"
        error(.wrongType, "\(subject) must be \(expected), found \(node.kindName)", at: node.location, hint: hint)
    }

    // MARK: Scalars

    /// The text of a scalar, whatever its quoting. Null is reported for required values.
    func text(_ node: YAMLNode, path: String, allowEmpty: Bool = false) -> Located<String>? {
        if case .unreadable = node.kind { return nil }
        guard case .scalar(let text, _) = node.kind else {
            wrongType(node, expected: "text", path: path)
            return nil
        }
        if node.isNull {
            error(.nullValue, "`\(path)` is null", at: node.location, hint: "give it a value or remove the key")
            return nil
        }
        if text.isEmpty, !allowEmpty {
            error(.emptyString, "`\(path)` is an empty string", at: node.location, hint: "give it a value or remove the key")
            return nil
        }
        return Located(text, at: node.location)
    }

    /// A whole number, typed strictly: no quotes, no leading zeros, no sexagesimal, within range.
    func integer(_ node: YAMLNode, path: String, range: ClosedRange<Int>, rangeCode: DiagnosticCode) -> Located<Int>? {
        guard let located = text(node, path: path) else { return nil }
        let text = located.value
        if case .scalar(_, let style) = node.kind, style != .plain {
            error(.wrongType, "`\(path)` must be a number, found the string \"\(text)\"", at: node.location,
                  hint: "remove the quotes: `\(text)`", fix: text)
            return nil
        }
        let digits = text.hasPrefix("-") || text.hasPrefix("+") ? String(text.dropFirst()) : text
        if digits.contains(":"), digits.split(separator: ":", omittingEmptySubsequences: false).allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }) {
            error(.sexagesimalNumber, "`\(text)` is not a number: YAML 1.1 reads it as base 60", at: node.location,
                  hint: "write a plain whole number for `\(path)`")
            return nil
        }
        guard !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit) else {
            error(.invalidNumber, "`\(path)` must be a whole number, found `\(text)`", at: node.location,
                  hint: "write digits only, e.g. `25`")
            return nil
        }
        if digits.count > 1, digits.hasPrefix("0") {
            let trimmed = digits.drop { $0 == "0" }
            let written = trimmed.isEmpty ? "0" : String(trimmed)
            error(.leadingZero, "`\(text)` has a leading zero (YAML 1.1 reads it as octal)", at: node.location,
                  hint: "write `\(written)`", fix: text.hasPrefix("-") || text.hasPrefix("+") ? nil : written)
            return nil
        }
        guard digits.count <= 18, let magnitude = Int(digits) else {
            error(rangeCode, "`\(path)` is \(text), outside \(range.lowerBound)..\(range.upperBound)", at: node.location)
            return nil
        }
        let value = text.hasPrefix("-") ? -magnitude : magnitude
        guard range.contains(value) else {
            error(rangeCode, "`\(path)` is \(value), outside \(range.lowerBound)..\(range.upperBound)", at: node.location)
            return nil
        }
        return Located(value, at: node.location)
    }

    /// `true` or `false`; the YAML 1.1 words (`yes`, `off`, ...) are refused with a hint.
    func boolean(_ node: YAMLNode, path: String) -> Located<Bool>? {
        guard let located = text(node, path: path) else { return nil }
        let text = located.value
        if case .scalar(_, let style) = node.kind, style != .plain {
            error(.wrongType, "`\(path)` must be true or false, found the string \"\(text)\"", at: node.location,
                  hint: "remove the quotes")
            return nil
        }
        switch text {
        case "true", "True", "TRUE": return Located(true, at: node.location)
        case "false", "False", "FALSE": return Located(false, at: node.location)
        default:
            let lower = text.lowercased()
            if ["yes", "y", "on"].contains(lower) {
                error(.yaml11Boolean, "`\(text)` is a YAML 1.1 boolean; `\(path)` takes true or false", at: node.location,
                      hint: "write `true`", fix: "true")
            } else if ["no", "n", "off"].contains(lower) {
                error(.yaml11Boolean, "`\(text)` is a YAML 1.1 boolean; `\(path)` takes true or false", at: node.location,
                      hint: "write `false`", fix: "false")
            } else {
                error(.wrongType, "`\(path)` must be true or false, found `\(text)`", at: node.location)
            }
            return nil
        }
    }

    /// A list of scalars read by `read`, reporting repeated values at the repeat.
    func list<T: Hashable & Sendable>(_ node: YAMLNode, path: String, item: (YAMLNode) -> T?) -> [Located<T>]? {
        guard let items = sequence(node, path: path) else { return nil }
        var seen: [T: SourceLocation] = [:]
        var values: [Located<T>] = []
        for itemNode in items {
            guard let value = item(itemNode) else { continue }
            if let first = seen[value] {
                error(.duplicateListItem, "`\(itemNode.scalarText ?? "\(value)")` appears twice in `\(path)`", at: itemNode.location,
                      hint: "remove the repeat", related: [RelatedNote(location: first, message: "first listed here")])
                continue
            }
            seen[value] = itemNode.location
            values.append(Located(value, at: itemNode.location))
        }
        return values
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
