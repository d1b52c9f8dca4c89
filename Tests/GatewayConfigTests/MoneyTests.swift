import GatewayConfig
import Testing

@Suite struct MoneyTests {
    struct Case: Sendable, CustomStringConvertible {
        let text: String
        let expected: Result<Int64, Money.ParseError>
        var description: String { text }
    }

    static let cases: [Case] = [
        Case(text: "120.50 HKD", expected: .success(12050)),
        Case(text: "0.10 USD", expected: .success(10)),
        Case(text: "1 USD", expected: .success(100)),
        Case(text: "1.5 USD", expected: .success(150)),
        Case(text: "1000 KRW", expected: .success(1000)),
        Case(text: "12.5 KRW", expected: .failure(.tooManyDecimals(currency: "KRW", found: 1, allowed: 0))),
        Case(text: "1.234 BHD", expected: .success(1234)),
        Case(text: "1.2345 BHD", expected: .failure(.tooManyDecimals(currency: "BHD", found: 4, allowed: 3))),
        Case(text: "-3.50 USD", expected: .success(-350)),
        Case(text: "92233720368547758.07 USD", expected: .success(Int64.max)),
        Case(text: "92233720368547758.08 USD", expected: .failure(.overflow)),
        Case(text: "99999999999999999999.00 HKD", expected: .failure(.overflow)),
        Case(text: "100", expected: .failure(.malformed)),
        Case(text: "HKD 100", expected: .failure(.malformed)),
        Case(text: "1,000.00 HKD", expected: .failure(.malformed)),
        Case(text: "1. HKD", expected: .failure(.malformed)),
        Case(text: ".5 HKD", expected: .failure(.malformed)),
        Case(text: "100  HKD", expected: .failure(.malformed)),
        Case(text: "100 hkd", expected: .failure(.malformed)),
        Case(text: "100 XYZ", expected: .failure(.unknownCurrency("XYZ"))),
        Case(text: "1e3 USD", expected: .failure(.malformed)),
    ]

    @Test(arguments: cases)
    func parses(_ testCase: Case) {
        let parsed = Money.parse(testCase.text).map(\.minorUnits)
        switch (parsed, testCase.expected) {
        case (.success(let got), .success(let want)): #expect(got == want)
        case (.failure(let got), .failure(let want)): #expect(got == want)
        default: Issue.record("\(testCase.text): got \(parsed), want \(testCase.expected)")
        }
    }

    @Test func printsInTheDescriptorNotation() throws {
        let krw = try #require(CurrencyCode("KRW"))
        let hkd = try #require(CurrencyCode("HKD"))
        let bhd = try #require(CurrencyCode("BHD"))
        #expect(Money(minorUnits: 12050, currency: hkd).description == "120.50 HKD")
        #expect(Money(minorUnits: 5, currency: hkd).description == "0.05 HKD")
        #expect(Money(minorUnits: 1000, currency: krw).description == "1000 KRW")
        #expect(Money(minorUnits: 1, currency: bhd).description == "0.001 BHD")
        #expect(Money(minorUnits: -350, currency: hkd).description == "-3.50 HKD")
    }
}
