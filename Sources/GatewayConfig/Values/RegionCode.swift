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
        self = try TextCoding.decode(decoder, refusal: "not an ISO 3166-1 alpha-2 code") { RegionCode($0) }
    }

    package func encode(to encoder: any Encoder) throws { try TextCoding.encode(rawValue, to: encoder) }
}
