import Foundation
@testable import RegionLanguageServer
import Testing

/// Completion: each case types into a shipped file (or a fixture), puts the cursor at `‸`, and
/// says which labels must (and must not) be offered.
@Suite("regionc lsp: completion", .timeLimit(.minutes(1)))
struct CompletionTests {
    static let cursorMark = "‸"

    struct CompletionCase: Sendable, CustomTestStringConvertible {
        var name: String
        var file = "regions/hk.yaml"
        var fixture: String? = nil
        var original: String
        /// `original` as typed, `‸` at the cursor.
        var typed: String
        /// Exactly these labels, in order (when set).
        var exactly: [String]? = nil
        var includes: [String] = []
        var excludes: [String] = []
        /// A label whose documentation must hold a text.
        var documented: (label: String, text: String)? = nil
        /// The word the items replace (nil: an empty range at the cursor).
        var replaces: String? = nil
        var testDescription: String { name }
    }

    static let cases: [CompletionCase] = [
        CompletionCase(name: "availability keys not yet written", original: "  status: pilot\n", typed: "  status: pilot\n  u‸\n",
                       exactly: ["until"], documented: ("until", "Optional end (exclusive)"), replaces: "u"),
        CompletionCase(name: "root keys", original: "\nsettlement:", typed: "\nbusi‸\nsettlement:",
                       includes: ["business_hours", "weekend", "holidays"], excludes: ["region", "settlement", "acquirer_health"],
                       replaces: "busi"),
        CompletionCase(name: "a schedule step's keys", original: "      rollout: { percent: 50 }\n",
                       typed: "      rollout: { percent: 50 }\n      ‸\n", exactly: ["status", "blackouts"]),
        CompletionCase(name: "a new route's keys", original: "routes:\n", typed: "routes:\n  - ‸\n",
                       exactly: ["name", "match", "acquirer", "fallback", "enabled"]),
        CompletionCase(name: "a new payment method's keys", original: "payment_methods:\n", typed: "payment_methods:\n  - ‸\n",
                       exactly: ["method", "currencies", "limits", "availability"]),
        CompletionCase(name: "method ids after method:", original: "- method: ALIPAY_HK", typed: "- method: ALI‸",
                       includes: ["ALIPAY_HK", "ALIPAY_CN", "KAKAOPAY"], excludes: ["antom-hk", "HKD"],
                       documented: ("ALIPAY_HK", "per payment 0.01 HKD to 50000.00 HKD"), replaces: "ALI"),
        CompletionCase(name: "method ids in match.methods", file: "regions/kr.yaml", original: "[KAKAOPAY, NAVERPAY, TOSSPAY]",
                       typed: "[KAKAOPAY, NAVERPAY, TOS‸]", includes: ["TOSSPAY"], replaces: "TOS"),
        CompletionCase(name: "method ids as a block list's new item", original: "    match: { methods: [ALIPAY_HK], currencies: [HKD] }",
                       typed: "    match:\n      methods:\n        - ‸\n      currencies: [HKD]", includes: ["ALIPAY_HK", "TOSSPAY"],
                       excludes: ["method"]),
        CompletionCase(name: "an acquirer entry's keys in catalog.yaml, in a flow mapping", file: "regions/catalog.yaml",
                       original: "settlement_currencies: [USD] }", typed: "settlement_currencies: [USD], ‸ }", exactly: ["enabled", "health"],
                       documented: ("health", "merged key by key over acquirer_health")),
        CompletionCase(name: "acquirer ids after acquirer:", original: "    acquirer: antom-sg", typed: "    acquirer: ‸",
                       includes: ["antom-hk", "antom-sg"], excludes: ["ALIPAY_HK"],
                       documented: ("antom-hk", "settles HKD, USD")),
        CompletionCase(name: "acquirer ids in fallback", original: "fallback: [antom-hk]", typed: "fallback: [antom-‸]",
                       includes: ["antom-hk", "antom-us"], replaces: "antom-"),
        CompletionCase(name: "currency codes", original: "presentment: [HKD, USD]", typed: "presentment: [HKD, U‸]",
                       includes: ["USD", "HKD", "KRW"], documented: ("KRW", "Won (ISO 4217), no minor unit"), replaces: "U"),
        CompletionCase(name: "statuses", original: "  status: pilot", typed: "  status: ‸",
                       exactly: ["planned", "pilot", "live", "paused", "retired"]),
        CompletionCase(name: "IANA time zones", original: "timezone: Asia/Hong_Kong", typed: "timezone: Asia/H‸",
                       includes: ["Asia/Hong_Kong", "Asia/Seoul", "UTC"], excludes: ["EST", "GMT+8"], replaces: "Asia/H"),
        // After Hangul and an emoji on the line: the word's range is in UTF-16 units.
        CompletionCase(name: "a blackout's keys after Korean text", file: "regions/kr.yaml", fixture: "kr-korean-blackout.yaml",
                       original: ", until: 2027-02-08T12:00:00+09:00 }", typed: ", unt‸ }", exactly: ["until"], replaces: "unt"),
        CompletionCase(name: "nothing in a comment", original: "# business choice: the local entity",
                       typed: "# business choice: the lo‸cal entity", exactly: []),
    ]

    @Test("completion", arguments: cases)
    func completion(_ testCase: CompletionCase) async throws {
        let harness = try ServerHarness()
        try harness.copySchemas()
        try await harness.start()
        let original = try testCase.fixture.map(ServerHarness.fixture) ?? harness.text(testCase.file)
        let marked = try DiagnosticsTests.replacing(original, testCase.original, with: testCase.typed)
        let cursor = try ServerHarness.cursor(on: Self.cursorMark, inLine: Self.cursorMark, of: marked, offset: 0)
        let text = marked.replacingOccurrences(of: Self.cursorMark, with: "")
        try harness.open(testCase.file, text: text)

        let list = try #require(try await harness.result("textDocument/completion", harness.positionParams(testCase.file, cursor),
                                                         as: CompletionList.self))
        let labels = list.items.map(\.label)
        if let exactly = testCase.exactly { #expect(labels == exactly) }
        for label in testCase.includes { #expect(labels.contains(label), "\(label) not in \(labels.prefix(20))") }
        for label in testCase.excludes { #expect(!labels.contains(label)) }
        if let (label, documentation) = testCase.documented {
            let item = try #require(list.items.first { $0.label == label })
            #expect(item.documentation?.value.contains(documentation) == true, "\(item.documentation?.value ?? "none")")
        }
        for item in list.items {
            let start = Position(line: cursor.line, character: cursor.character - (testCase.replaces?.utf16.count ?? 0))
            #expect(item.textEdit?.range == LSPRange(start: start, end: cursor))
        }
    }
}
