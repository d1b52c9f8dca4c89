// Target: `parse(format(x)) == x` for Money, Instant, CalendarDate and LocalTime, both ways:
// a value built from the input's bytes prints to text that parses back to it, and any text that
// parses prints to text that parses back to the same value.
import FuzzSupport
@testable import GatewayConfig

let currencies = ISO4217.entries.keys.sorted().compactMap(CurrencyCode.init)

/// Reads fixed-size integers off the front of the input; zeros once it runs out.
struct ByteReader {
    var bytes: ArraySlice<UInt8>
    mutating func int64() -> Int64 {
        var value: UInt64 = 0
        for _ in 0..<8 { value = value << 8 | UInt64(bytes.popFirst() ?? 0) }
        return Int64(bitPattern: value)
    }
    mutating func byte() -> UInt8 { bytes.popFirst() ?? 0 }
}

/// Seconds of 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z: the instants RFC 3339 text in UTC can name.
let firstInstant: Int64 = -62_135_596_800
let lastInstant: Int64 = 253_402_300_799

func fuzzRoundTrip(_ bytes: [UInt8]) {
    var reader = ByteReader(bytes: bytes[...])

    // Values built from bytes.
    let money = Money(minorUnits: reader.int64(), currency: currencies[Int(reader.byte()) % currencies.count])
    require(Money.parse(money.description) == .success(money), "Money \(money.minorUnits) \(money.currency) prints as `\(money)`, which does not parse back")

    let seconds = reader.int64()
    let span = lastInstant - firstInstant + 1
    let instant = Instant(secondsSinceEpoch: firstInstant + ((seconds % span) + span) % span)
    require(Instant.parse(instant.description) == .success(instant), "Instant \(instant.secondsSinceEpoch) prints as `\(instant)`, which does not parse back")

    let (year, month, day) = (Int(reader.int64() % 10_001), Int(reader.byte() % 13), Int(reader.byte() % 32))
    if let date = CalendarDate(year: year, month: month, day: day) {
        require(CalendarDate(date.description) == date, "\(year)-\(month)-\(day) prints as `\(date)`, which does not parse back")
        require(CalendarDate(daysSinceEpoch: date.daysSinceEpoch) == date, "\(date) does not survive daysSinceEpoch")
    }
    let (hour, minute) = (Int(reader.byte() % 25), Int(reader.byte() % 61))
    if let time = LocalTime(hour: hour, minute: minute) {
        require(LocalTime(time.description) == time, "\(hour):\(minute) prints as `\(time)`, which does not parse back")
    }

    // Text that parses (the rest of the input, and the whole input).
    for text in [String(decoding: reader.bytes, as: UTF8.self), String(decoding: bytes, as: UTF8.self)] {
        if case .success(let parsed) = Money.parse(text) {
            require(Money.parse(parsed.description) == .success(parsed), "`\(text)` parses, but its form `\(parsed)` does not parse back")
        }
        if case .success(let parsed) = Instant.parse(text) {
            require(Instant.parse(parsed.description) == .success(parsed), "`\(text)` parses, but its form `\(parsed)` does not parse back")
        }
        if let parsed = CalendarDate(text) {
            require(CalendarDate(parsed.description) == parsed, "`\(text)` parses, but its form `\(parsed)` does not parse back")
        }
        if let parsed = LocalTime(text) {
            require(LocalTime(parsed.description) == parsed, "`\(text)` parses, but its form `\(parsed)` does not parse back")
        }
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    fuzzRoundTrip(FuzzMain.bytes(data, size))
    return 0
}

FuzzMain.start { data, size in fuzzerTestOneInput(data, size) }
