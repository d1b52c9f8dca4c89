/// An active ISO 4217 currency code that has minor units (`HKD`: 2, `KRW`: 0, `BHD`: 3).
public struct CurrencyCode: Sendable, Hashable, Comparable, CustomStringConvertible, Codable {
    public let rawValue: String
    /// ISO 4217 minor units: digits after the decimal point.
    package let minorUnits: Int

    public init?(_ text: String) {
        guard let units = ISO4217.minorUnits(of: text) else { return nil }
        rawValue = text
        minorUnits = units
    }

    public var description: String { rawValue }
    public static func < (lhs: CurrencyCode, rhs: CurrencyCode) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        self = try TextCoding.decode(decoder, refusal: "not an active ISO 4217 code") { CurrencyCode($0) }
    }

    public func encode(to encoder: any Encoder) throws { try TextCoding.encode(rawValue, to: encoder) }
}
