/// An assigned ISO 3166-1 alpha-2 region code, upper case (`HK`, `NO`).
package struct RegionCode: Sendable, Hashable, Comparable, CustomStringConvertible, Codable {
    package let rawValue: String

    package init?(_ text: String) {
        guard ISO3166.isAssigned(text) else { return nil }
        rawValue = text
    }

    package var name: String { ISO3166.names[rawValue] ?? rawValue }
    package var description: String { rawValue }
    package static func < (lhs: RegionCode, rhs: RegionCode) -> Bool { lhs.rawValue < rhs.rawValue }

    package init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let code = RegionCode(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not an ISO 3166-1 alpha-2 code: \(text)"))
        }
        self = code
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
