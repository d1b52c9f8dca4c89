/// A duration as descriptors write it, `<integer>s|m|h` (`30s`, `5m`, `1h`): the health policy's
/// window and ejections. The one reader and writer of that grammar; ranges are the caller's
/// (`HealthPolicyRule`), so `0s` reads as zero seconds and is refused there, with its field.
package enum DurationText {
    package enum Failure: Error, Sendable, Equatable {
        /// Not digits then one unit letter (`5 minutes`, `-1m`, `1.5h`, `60`).
        case malformed
        /// A unit other than s, m or h (`1d`, `2w`, `500ms`).
        case unknownUnit(String)
        /// `05m`: YAML 1.1 readers take a leading zero for octal; refused as numbers are.
        case leadingZero
        /// More seconds than fit in 64 bits.
        case overflow
    }

    /// Seconds per unit letter.
    static let units: [Character: Int64] = ["s": 1, "m": 60, "h": 3600]

    package static func seconds(_ text: String) -> Result<Int64, Failure> {
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        let unit = text.dropFirst(digits.count)
        guard !digits.isEmpty, !unit.isEmpty, unit.allSatisfy({ $0.isASCII && $0.isLetter }) else { return .failure(.malformed) }
        guard let perUnit = unit.count == 1 ? unit.first.flatMap({ units[$0] }) : nil else { return .failure(.unknownUnit(String(unit))) }
        if digits.count > 1, digits.hasPrefix("0") { return .failure(.leadingZero) }
        guard digits.count <= 18, let count = Int64(digits) else { return .failure(.overflow) }
        let (total, overflow) = count.multipliedReportingOverflow(by: perUnit)
        return overflow ? .failure(.overflow) : .success(total)
    }

    /// The shortest text for `seconds`: the largest unit that divides it (`300` -> `5m`).
    package static func text(seconds: Int64) -> String {
        if seconds != 0, seconds % 3600 == 0 { return "\(seconds / 3600)h" }
        if seconds != 0, seconds % 60 == 0 { return "\(seconds / 60)m" }
        return "\(seconds)s"
    }
}
