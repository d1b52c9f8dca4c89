import Foundation
@testable import RegionLanguageServer
import Testing

/// Hover and definition on the shipped tree (and a Korean fixture line): each case a cursor on a
/// word and what the answer must say or where it must point.
@Suite("regionc lsp: hover and definition", .timeLimit(.minutes(1)))
struct HoverDefinitionTests {
    struct HoverCase: Sendable, CustomTestStringConvertible {
        var file: String
        /// A buffer's text from `Fixtures/features/` opened over `file`, or nil for the shipped file.
        var fixture: String? = nil
        var line: String
        var word: String
        /// Texts the hover must hold; empty: there is no hover.
        var expected: [String]
        var testDescription: String { "\(word) in \(file)" }
    }

    static let hoverCases: [HoverCase] = [
        HoverCase(file: "regions/hk.yaml", line: "acquirer: antom-hk", word: "antom-hk",
                  expected: ["**antom-hk**: Antom Hong Kong (acquirer)", "settles HKD, USD", "enabled",
                             "ejected after 5 failures in a row, or 50% of at least 20 outcomes in 1m; ejection 30s, at most 5m"]),
        HoverCase(file: "regions/hk.yaml", line: "- method: ALIPAY_HK", word: "ALIPAY_HK",
                  expected: ["**ALIPAY_HK**: AlipayHK (payment method)", "wallet: HK (Hong Kong), balances in HKD; an Alipay+ method",
                             "per payment 0.01 HKD to 50000.00 HKD"]),
        HoverCase(file: "regions/catalog.yaml", line: "  ALIPAY_HK:", word: "ALIPAY_HK", expected: ["AlipayHK (payment method)"]),
        HoverCase(file: "regions/hk.yaml", line: "presentment: [HKD", word: "USD",
                  expected: ["**USD**: US Dollar (ISO 4217), 2 minor units (1 = 100 minor units)"]),
        HoverCase(file: "regions/kr.yaml", line: "minimum_payout: 10000 KRW", word: "10000",
                  expected: ["**10000 KRW**: 10000 minor units of KRW (Won, no minor unit)"]),
        HoverCase(file: "regions/hk.yaml", line: "timezone: Asia", word: "timezone",
                  expected: ["`timezone`: IANA time zone"]),
        HoverCase(file: "regions/hk.yaml", line: "- at: 2027-02-15", word: "2027-02-15",
                  expected: ["**2027-02-15** (mon), 10:00 in Asia/Hong_Kong: in HK's settlement calendars", "- HK (calendars/hk.yaml): a business day"]),
        // The cursor after Hangul and an emoji (two UTF-16 units) on the same line.
        HoverCase(file: "regions/kr.yaml", fixture: "kr-korean-blackout.yaml", line: "인증서 교체", word: "2027-02-08T10",
                  expected: ["**2027-02-08** (mon), 10:00 in Asia/Seoul", "not a business day: Seollal holiday (설날 다음날) (2027-02-08)"]),
        HoverCase(file: "regions/hk.yaml", line: "name: Hong Kong", word: "Hong", expected: []),
    ]

    @Test("hover", arguments: hoverCases)
    func hover(_ testCase: HoverCase) async throws {
        let harness = try ServerHarness()
        try harness.copySchemas()
        try await harness.start()
        var text = try harness.text(testCase.file)
        if let fixture = testCase.fixture {
            text = try ServerHarness.fixture(fixture)
            try harness.open(testCase.file, text: text)
        }
        let position = try ServerHarness.cursor(on: testCase.word, inLine: testCase.line, of: text)
        let hover = try await harness.result("textDocument/hover", harness.positionParams(testCase.file, position), as: Hover.self)
        guard !testCase.expected.isEmpty else {
            #expect(hover == nil)
            return
        }
        let value = try #require(hover).contents.value
        for expected in testCase.expected { #expect(value.contains(expected), "\(value)") }
    }

    @Test("a hover's range is the value's, in UTF-16 units after Hangul and an emoji")
    func hoverRange() async throws {
        let harness = try ServerHarness()
        try await harness.start()
        let text = try ServerHarness.fixture("kr-korean-blackout.yaml")
        try harness.open("regions/kr.yaml", text: text)
        let position = try ServerHarness.cursor(on: "2027-02-08T12", inLine: "인증서 교체", of: text)
        let hover = try await harness.result("textDocument/hover", harness.positionParams("regions/kr.yaml", position), as: Hover.self)
        #expect(try #require(hover).range == ServerHarness.range(of: "2027-02-08T12:00:00+09:00", inLine: "인증서 교체", of: text))
    }

    struct DefinitionCase: Sendable, CustomTestStringConvertible {
        var file: String
        var fixture: String? = nil
        var line: String
        var word: String
        /// The target file and the word its range must cover (nil: the file's start); nil: no definition.
        var target: (file: String, line: String?, word: String?)?
        var testDescription: String { "\(word) in \(file)" }
    }

    static let definitionCases: [DefinitionCase] = [
        DefinitionCase(file: "regions/hk.yaml", line: "- method: ALIPAY_HK", word: "ALIPAY_HK",
                       target: ("regions/catalog.yaml", "  ALIPAY_HK:", "ALIPAY_HK")),
        DefinitionCase(file: "regions/hk.yaml", line: "fallback: [antom-sg]", word: "antom-sg",
                       target: ("regions/catalog.yaml", "  antom-sg:", "antom-sg")),
        DefinitionCase(file: "regions/kr.yaml", line: "match: { methods: [KAKAOPAY, NAVERPAY", word: "NAVERPAY",
                       target: ("regions/catalog.yaml", "  NAVERPAY:", "NAVERPAY")),
        DefinitionCase(file: "regions/hk.yaml", fixture: "hk-two-calendars.yaml", line: "calendars: [HK, US]", word: "US",
                       target: ("calendars/us.yaml", nil, nil)),
        DefinitionCase(file: "regions/hk.yaml", line: "timezone: Asia", word: "Asia", target: nil),
    ]

    @Test("definition", arguments: definitionCases)
    func definition(_ testCase: DefinitionCase) async throws {
        let harness = try ServerHarness()
        try await harness.start()
        var text = try harness.text(testCase.file)
        if let fixture = testCase.fixture {
            text = try ServerHarness.fixture(fixture)
            try harness.open(testCase.file, text: text)
        }
        let position = try ServerHarness.cursor(on: testCase.word, inLine: testCase.line, of: text)
        let location = try await harness.result("textDocument/definition", harness.positionParams(testCase.file, position),
                                                as: Location.self)
        guard let target = testCase.target else {
            #expect(location == nil)
            return
        }
        let found = try #require(location)
        #expect(found.uri == harness.uri(target.file))
        if let line = target.line, let word = target.word {
            #expect(found.range == (try ServerHarness.range(of: word, inLine: line, of: harness.text(target.file))))
        } else {
            #expect(found.range.start == Position(line: 0, character: 0))
        }
    }
}
