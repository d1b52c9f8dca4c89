import Foundation
import GatewayConfig
import Testing

/// Inputs the `roundtrip` fuzz target (Fuzz/Sources/FuzzRoundTrip) found breaking
/// `parse(format(x)) == x`, replayed here without the fuzzer. The input is read as that target
/// reads it: 8 bytes of minor units and 1 byte picking a currency, then 8 bytes of seconds, then a
/// date and a time; the rest, and the whole input, as text that must round-trip when it parses.
@Suite struct RoundTripFindingsTests {
    static let fixtures = FuzzFixtures.names(target: "roundtrip")

    @Test(arguments: fixtures)
    func roundTrips(_ name: String) throws {
        let bytes = try FuzzFixtures.bytes(target: "roundtrip", name: name)
        var reader = ByteReader(bytes: bytes[...])
        let currencies = ISO4217.entries.keys.sorted().compactMap(CurrencyCode.init)
        let money = Money(minorUnits: reader.int64(), currency: currencies[Int(reader.byte()) % currencies.count])
        #expect(Money.parse(money.description) == .success(money), "\(money.minorUnits) \(money.currency) prints as \(money)")

        let (first, last): (Int64, Int64) = (-62_135_596_800, 253_402_300_799)
        let seconds = reader.int64()
        let instant = Instant(secondsSinceEpoch: first + ((seconds % (last - first + 1)) + (last - first + 1)) % (last - first + 1))
        #expect(Instant.parse(instant.description) == .success(instant), "\(instant.secondsSinceEpoch) prints as \(instant)")

        let (year, month, day) = (Int(reader.int64() % 10_001), Int(reader.byte() % 13), Int(reader.byte() % 32))
        if let date = CalendarDate(year: year, month: month, day: day) {
            #expect(CalendarDate(date.description) == date)
            #expect(CalendarDate(daysSinceEpoch: date.daysSinceEpoch) == date)
        }
        let (hour, minute) = (Int(reader.byte() % 25), Int(reader.byte() % 61))
        if let time = LocalTime(hour: hour, minute: minute) { #expect(LocalTime(time.description) == time) }

        for text in [String(decoding: reader.bytes, as: UTF8.self), String(decoding: bytes, as: UTF8.self)] {
            if case .success(let parsed) = Money.parse(text) { #expect(Money.parse(parsed.description) == .success(parsed)) }
            if case .success(let parsed) = Instant.parse(text) { #expect(Instant.parse(parsed.description) == .success(parsed)) }
            if let parsed = CalendarDate(text) { #expect(CalendarDate(parsed.description) == parsed) }
            if let parsed = LocalTime(text) { #expect(LocalTime(parsed.description) == parsed) }
        }
    }

    /// The smallest amount there is: -2^63 minor units printed, then parsed.
    @Test func smallestAmountParses() {
        #expect(Money.parse("-92233720368547758.08 USD").map(\.minorUnits) == .success(Int64.min))
        #expect(Money.parse("-92233720368547758.09 USD") == .failure(.overflow))
        #expect(Money.parse("-9223372036854775808 KRW").map(\.minorUnits) == .success(Int64.min))
    }
}

/// Reads fixed-size integers off the front of an input, as the fuzz targets do; zeros once it runs out.
struct ByteReader {
    var bytes: ArraySlice<UInt8>
    mutating func int64() -> Int64 {
        var value: UInt64 = 0
        for _ in 0..<8 { value = value << 8 | UInt64(bytes.popFirst() ?? 0) }
        return Int64(bitPattern: value)
    }
    mutating func byte() -> UInt8 { bytes.popFirst() ?? 0 }
}
