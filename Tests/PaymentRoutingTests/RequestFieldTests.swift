import GatewayConfig
import PaymentRouting
import Testing

/// The one request validator names the field at fault, so `regiond` can say which field a 400 is about.
@Suite struct RequestFieldTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var body: String
        var field: String?
        var message: String
        var testDescription: String { body }
    }

    static let cases: [Case] = [
        Case(body: #"not json"#, field: nil, message: "not a JSON object of strings"),
        Case(body: #"["HK"]"#, field: nil, message: "not a JSON object of strings"),
        Case(body: #"{"region":"HK","merchant":"m","method":"ALIPAY_HK","amount":120.5}"#, field: "amount",
             message: "\"amount\" is not a string"),
        Case(body: #"{"region":null,"merchant":"m","method":"ALIPAY_HK","amount":"1.00 HKD"}"#, field: "region",
             message: "\"region\" is not a string"),
        Case(body: #"{"merchant":"m","method":"ALIPAY_HK","amount":"1.00 HKD"}"#, field: "region", message: "missing \"region\""),
        Case(body: #"{"region":"HK","method":"ALIPAY_HK","amount":"1.00 HKD"}"#, field: "merchant", message: "missing \"merchant\""),
        Case(body: #"{"region":"HK","merchant":"","method":"ALIPAY_HK","amount":"1.00 HKD"}"#, field: "merchant",
             message: "the merchant id is empty"),
        Case(body: #"{"region":"HK","merchant":"m","amount":"1.00 HKD"}"#, field: "method", message: "missing \"method\""),
        Case(body: #"{"region":"HK","merchant":"m","method":"ALIPAY_HK"}"#, field: "amount", message: "missing \"amount\""),
        Case(body: #"{"region":"HK","merchant":"m","method":"ALIPAY_HK","amount":"1.00 XXY"}"#, field: "amount",
             message: "`XXY` is not an ISO 4217 currency code"),
        Case(body: #"{"region":"HK","merchant":"m","method":"ALIPAY_HK","amount":"1.001 HKD"}"#, field: "amount",
             message: "`1.001 HKD` has 3 decimals; HKD has 2"),
        Case(body: #"{"region":"HK","merchant":"m","method":"ALIPAY_HK","amount":"-1.00 HKD"}"#, field: "amount",
             message: "`-1.00 HKD` is negative"),
        Case(body: #"{"region":"HK","merchant":"m","method":"ALIPAY_HK","amount":"1.00 HKD","at":"yesterday"}"#, field: "at",
             message: "`yesterday` is not an RFC 3339 instant with offset, e.g. 2026-12-01T10:00:00Z"),
        Case(body: #"{"region":"HK","merchant":"m","method":"ALIPAY_HK","amount":"1.00 HKD","at":"0001-01-01T00:00:00+00:01"}"#,
             field: "at", message: "`0001-01-01T00:00:00+00:01` is too early: captures before 0001-01-01T00:00:00Z are not routed"),
        Case(body: #"{"region":"HK","merchant":"m","method":"ALIPAY_HK","amount":"1.00 HKD","at":"9999-12-31T23:59:59-00:01"}"#,
             field: "at", message: "`9999-12-31T23:59:59-00:01` is too late: captures from 9999-01-01T00:00:00Z on are not routed"),
        Case(body: #"{"region":"HK","merchant":"m","method":"ALIPAY_HK","amount":"1.00 HKD","amount":"999999.00 HKD"}"#,
             field: "amount", message: #""amount" appears twice"#),
        Case(body: #"{"region":"HK","merchant":"m\u0000","method":"ALIPAY_HK","amount":"1.00 HKD"}"#, field: "merchant",
             message: #""merchant" holds control character U+0000"#),
        Case(body: #"{"region":"H\tK","merchant":"m","method":"ALIPAY_HK","amount":"1.00 HKD"}"#, field: "region",
             message: #""region" holds control character U+0009"#),
        Case(body: #"{"region":"HK","merchant":"m","method":"ALIPAY_HK\u007F","amount":"1.00 HKD"}"#, field: "method",
             message: #""method" holds control character U+007F"#),
    ]

    @Test(arguments: cases) func failureNamesTheField(_ testCase: Case) throws {
        let now = try #require(Instant("2026-12-01T10:00:00Z"))
        let result = RequestReader.request(json: Array(testCase.body.utf8)[...], defaultAt: now)
        guard case .failure(let error) = result else {
            Issue.record("accepted \(testCase.body)")
            return
        }
        #expect(error.field == testCase.field)
        #expect(error.description == testCase.message)
    }

    @Test func missingInstantTakesTheDefaultOnlyWhenOneIsGiven() throws {
        let body = Array(#"{"region":"HK","merchant":"m","method":"ALIPAY_HK","amount":"1.00 HKD"}"#.utf8)[...]
        let now = try #require(Instant("2026-12-01T10:00:00Z"))
        let request = try RequestReader.request(json: body, defaultAt: now).get()
        #expect(request.at == now)
        guard case .failure(let error) = RequestReader.request(json: body) else {
            Issue.record("a batch line without `at` was accepted")
            return
        }
        #expect(error.field == "at")
    }
}
