/// Proleptic Gregorian day arithmetic (Howard Hinnant's days-from-civil), so dates and
/// instants need no Foundation calendar and behave identically on every platform.
package enum CivilCalendar {
    /// Days since 1970-01-01 for a valid year, month, day.
    package static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The civil date of a day count since 1970-01-01.
    package static func civilFromDays(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    package static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    package static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 1, 3, 5, 7, 8, 10, 12: 31
        case 4, 6, 9, 11: 30
        case 2: isLeapYear(year) ? 29 : 28
        default: 0
        }
    }
}

/// Parses a fixed run of ASCII digits; nil on anything else.
func parseDigits<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Int? {
    guard !bytes.isEmpty, bytes.count <= 9 else { return nil }
    var value = 0
    for byte in bytes {
        guard byte >= 0x30, byte <= 0x39 else { return nil }
        value = value * 10 + Int(byte - 0x30)
    }
    return value
}

func appendTwoDigits(_ value: Int, into output: inout [UInt8]) {
    output.append(UInt8(truncatingIfNeeded: 0x30 + value / 10 % 10))
    output.append(UInt8(truncatingIfNeeded: 0x30 + value % 10))
}

/// At least four digits, zero-padded, exactly as `fourDigits` writes them: a UTC year past 9999
/// (reachable from `9999-12-31T23:59:59-01:00`) keeps all its digits.
func appendFourDigits(_ value: Int, into output: inout [UInt8]) {
    guard (0...9999).contains(value) else {
        output.append(contentsOf: fourDigits(value).utf8)
        return
    }
    appendTwoDigits(value / 100, into: &output)
    appendTwoDigits(value % 100, into: &output)
}

/// `value` in decimal, without building a string.
func appendDecimal(_ value: UInt64, into output: inout [UInt8]) {
    var place: UInt64 = 1
    while value / place >= 10 { place *= 10 }
    while place > 0 {
        output.append(UInt8(truncatingIfNeeded: 0x30 + value / place % 10))
        place /= 10
    }
}

/// The text of a value's byte form: one formatter serves both `description` and the batch path.
func text(writtenBy write: (inout [UInt8]) -> Void) -> String {
    var bytes: [UInt8] = []
    write(&bytes)
    return String(decoding: bytes, as: UTF8.self)
}

func twoDigits(_ value: Int) -> String {
    value < 10 ? "0\(value)" : "\(value)"
}

func fourDigits(_ value: Int) -> String {
    let text = String(value)
    return String(repeating: "0", count: max(0, 4 - text.count)) + text
}
