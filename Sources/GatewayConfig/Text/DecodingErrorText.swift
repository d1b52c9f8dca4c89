/// A JSON decoding error in a person's words: what is wrong, and where (`regions.HK.routes[0]`).
/// Artifacts and the language server's messages are both read through `JSONDecoder`.
package enum DecodingErrorText {
    package static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return String(describing: error) }
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return keys.isEmpty ? "at the top level" : "at \(keys.hasPrefix(".") ? String(keys.dropFirst()) : keys)"
        }
        switch error {
        case .keyNotFound(let key, let context): return "missing `\(key.stringValue)` \(path(context))"
        case .typeMismatch(let type, let context): return "expected \(describe(type)) \(path(context))"
        case .valueNotFound(let type, let context): return "expected \(describe(type)), found null \(path(context))"
        case .dataCorrupted(let context):
            // Foundation's own text for bad JSON names no position a person can use; say what it is.
            let detail = context.underlyingError == nil ? context.debugDescription : "the bytes are not valid JSON"
            return "\(detail) \(path(context))"
        @unknown default: return "the JSON could not be decoded"
        }
    }

    static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "text"
        case is Int.Type, is Int64.Type: "a whole number"
        case is Bool.Type: "true or false"
        case is [Any].Type: "a list"
        default: String(describing: type).hasPrefix("Dictionary") ? "an object" : "a value of the expected type"
        }
    }
}
