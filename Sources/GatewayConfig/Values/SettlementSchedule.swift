/// A settlement schedule `T+N`: payout N business days after capture, N in 0 ... 10.
package struct SettlementSchedule: Sendable, Hashable, CustomStringConvertible {
    package static let maximumDays = 10
    package let businessDays: Int

    package init?(businessDays: Int) {
        guard (0...Self.maximumDays).contains(businessDays) else { return nil }
        self.businessDays = businessDays
    }

    package init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count >= 3, bytes.count <= 4, bytes[0] == 0x54, bytes[1] == 0x2B,
              bytes.count == 3 || bytes[2] != 0x30,
              let days = parseDigits(bytes[2...]) else { return nil }
        self.init(businessDays: days)
    }

    package var description: String { "T+\(businessDays)" }
}
