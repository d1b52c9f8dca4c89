import GatewayConfig
import Testing

/// The byte-level parse and write paths (used by the batch replay) agree with the string forms.
@Suite struct ByteFormsTests {
    @Test(arguments: ["120.50 HKD", "0.05 USD", "1000 KRW", "-3.50 HKD", "0.001 BHD", "92233720368547758.07 USD"])
    func moneyWritesItsDescription(_ text: String) throws {
        let money = try Money.parse(text).get()
        var bytes: [UInt8] = []
        money.write(into: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == money.description)
        // Parsing from a slice that does not start at index 0.
        let padded = Array(("xx" + text).utf8)
        #expect(try Money.parse(utf8: padded[2...]).get() == money)
    }

    @Test(arguments: ["2026-12-01T00:00:00+08:00", "1999-12-31T23:59:59Z", "2026-03-08T06:59:59Z", "2199-12-31T23:59:59-05:30"])
    func instantsWriteTheirDescription(_ text: String) throws {
        let instant = try Instant.parse(text).get()
        var bytes: [UInt8] = []
        instant.write(into: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == instant.description)
        let padded = Array(("{\"at\":\"" + text).utf8)
        #expect(try Instant.parse(utf8: padded[7...]).get() == instant)
        var date: [UInt8] = []
        instant.utcDate.write(into: &date)
        #expect(String(decoding: date, as: UTF8.self) == instant.utcDate.description)
    }

    @Test func jsonTextEscapes() {
        var bytes: [UInt8] = []
        JSONText.writeString("a\"b\\c\nd\u{01}é/", into: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "\"a\\\"b\\\\c\\nd\\u0001é/\"")
    }
}
