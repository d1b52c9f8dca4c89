import Foundation
import Hummingbird

/// How the service's JSON answers (`/v1/config`, `/v1/acquirers`) are written: keys sorted, `/`
/// unescaped, and every documented field present (`NullWhenAbsent`).
enum AnswerJSON {
    static func response(_ answer: some Encodable, digest: String) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return DecisionHandlers.json(Array(try encoder.encode(answer)), digest: digest)
    }
}

/// A field an answer always carries, `null` when there is nothing to say: Swift's synthesized
/// encoding would leave a nil optional out, and the OpenAPI document lists these fields as required.
@propertyWrapper
struct NullWhenAbsent<Value: Encodable>: Encodable {
    var wrappedValue: Value?

    init(wrappedValue: Value?) { self.wrappedValue = wrappedValue }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let wrappedValue { try container.encode(wrappedValue) } else { try container.encodeNil() }
    }
}
