/// An assigned ISO 3166-1 alpha-2 region code, upper case (`HK`, `NO`).
public struct RegionCode: Sendable, Hashable, Comparable, CustomStringConvertible, Codable {
    public let rawValue: String

    public init?(_ text: String) {
        guard ISO3166.isAssigned(text) else { return nil }
        rawValue = text
    }

    public var name: String { ISO3166.names[rawValue] ?? rawValue }
    public var description: String { rawValue }
    public static func < (lhs: RegionCode, rhs: RegionCode) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let code = RegionCode(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not an ISO 3166-1 alpha-2 code: \(text)"))
        }
        self = code
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
