/// The JSON form of a value written as text (a date, an instant, a code): one string, read by the
/// value's own parser and written as its description.
package enum TextCoding {
    /// The value `parse` reads from the decoder's string; otherwise a `DecodingError` saying
    /// `<refusal>: <text>` (`not a date: 2026-02-30`).
    package static func decode<Value>(_ decoder: any Decoder, refusal: String, _ parse: (String) -> Value?) throws -> Value {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = parse(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "\(refusal): \(text)"))
        }
        return value
    }

    package static func encode(_ text: String, to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}
