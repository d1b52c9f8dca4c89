import Foundation
@testable import RegionLanguageServer
import Testing

/// References on a catalog id across the tree, and the document outline.
@Suite("regionc lsp: references and symbols", .timeLimit(.minutes(1)))
struct SymbolsReferencesTests {
    struct ReferenceCase: Sendable, CustomTestStringConvertible {
        var name: String
        var file: String
        var line: String
        var word: String
        var includeDeclaration: Bool
        /// Each use: its file and 1-based line; the range is `word`'s on that line.
        var expected: [(file: String, line: Int)]
        var testDescription: String { name }
    }

    static let referenceCases: [ReferenceCase] = [
        ReferenceCase(name: "which regions use antom-sg, with its entry", file: "regions/hk.yaml", line: "acquirer: antom-sg",
                      word: "antom-sg", includeDeclaration: true,
                      expected: [("regions/catalog.yaml", 171), ("regions/hk.yaml", 68), ("regions/hk.yaml", 72), ("regions/hk.yaml", 74),
                                 ("regions/my.yaml", 67), ("regions/my.yaml", 70), ("regions/ph.yaml", 43), ("regions/ph.yaml", 46),
                                 ("regions/th.yaml", 69), ("regions/th.yaml", 72), ("regions/us.yaml", 49)]),
        ReferenceCase(name: "from the catalog entry, without it; a comment naming it is no use", file: "regions/catalog.yaml",
                      line: "  antom-hk:", word: "antom-hk", includeDeclaration: false,
                      expected: [("regions/hk.yaml", 67), ("regions/hk.yaml", 71), ("regions/hk.yaml", 75)]),
        ReferenceCase(name: "a payment method as a method and in a route's match", file: "regions/kr.yaml",
                      line: "match: { methods: [KAKAOPAY", word: "KAKAOPAY", includeDeclaration: true,
                      expected: [("regions/catalog.yaml", 115), ("regions/kr.yaml", 56), ("regions/kr.yaml", 70)]),
        ReferenceCase(name: "not an id", file: "regions/hk.yaml", line: "timezone: Asia", word: "Asia", includeDeclaration: true, expected: []),
    ]

    @Test("references", arguments: referenceCases)
    func references(_ testCase: ReferenceCase) async throws {
        let harness = try ServerHarness()
        try await harness.start()
        let position = try ServerHarness.cursor(on: testCase.word, inLine: testCase.line, of: harness.text(testCase.file))
        let params = ReferenceParams(textDocument: TextDocumentIdentifier(uri: harness.uri(testCase.file)), position: position,
                                     context: .init(includeDeclaration: testCase.includeDeclaration))
        let locations = try #require(try await harness.result("textDocument/references", params, as: [Location].self))
        var expected: [Location] = []
        for (file, line) in testCase.expected {
            let lines = try harness.text(file).components(separatedBy: "\n")
            let range = try ServerHarness.range(of: testCase.word, inLine: lines[line - 1], of: lines[line - 1])
            expected.append(Location(uri: harness.uri(file), range: LSPRange(start: Position(line: line - 1, character: range.start.character),
                                                                            end: Position(line: line - 1, character: range.end.character))))
        }
        #expect(locations == expected)
    }

    @Test("a use after Hangul and an emoji, in an unsaved buffer, is found at its UTF-16 range")
    func referenceAfterKorean() async throws {
        let harness = try ServerHarness()
        try await harness.start()
        let edited = try DiagnosticsTests.replacing(harness.text("regions/kr.yaml"), """
              - name: alipay-cn
                match: { methods: [ALIPAY_CN] }
                acquirer: antom-kr
            """, with: """
              - { name: "알리페이 🔐", match: { methods: [ALIPAY_CN] }, acquirer: antom-kr }
            """)
        try harness.open("regions/kr.yaml", text: edited)
        let position = try ServerHarness.cursor(on: "antom-kr", inLine: "  antom-kr:", of: harness.text("regions/catalog.yaml"))
        let params = ReferenceParams(textDocument: TextDocumentIdentifier(uri: harness.uri("regions/catalog.yaml")), position: position,
                                     context: .init(includeDeclaration: false))
        let locations = try #require(try await harness.result("textDocument/references", params, as: [Location].self))
        let expected = try ServerHarness.range(of: "antom-kr", inLine: "알리페이 🔐", of: edited)
        #expect(locations.contains(Location(uri: harness.uri("regions/kr.yaml"), range: expected)))
        #expect(locations.count == 2)
    }

    @Test("the outline of a region: the region, its steps, methods, routes and freezes, with ranges")
    func outline() async throws {
        let harness = try ServerHarness()
        try await harness.start()
        let text = try harness.text("regions/hk.yaml")
        let params = DocumentSymbolParams(textDocument: TextDocumentIdentifier(uri: harness.uri("regions/hk.yaml")))
        let symbols = try #require(try await harness.result("textDocument/documentSymbol", params, as: [DocumentSymbol].self))
        let region = try #require(symbols.first)
        #expect(symbols.count == 1)
        #expect(region.name == "HK")
        #expect(region.detail == "Hong Kong")
        let children = region.children ?? []
        func child(_ name: String, of symbol: DocumentSymbol?) throws -> DocumentSymbol {
            try #require(symbol?.children?.first { $0.name == name }, "\(name) under \(symbol?.name ?? "nothing")")
        }
        #expect(children.map(\.name).starts(with: ["region", "name", "timezone", "availability"]))

        let schedule = try child("schedule", of: child("availability", of: region))
        #expect(schedule.children?.map(\.name) == ["at 2027-01-11T10:00:00+08:00", "at 2027-02-15T10:00:00+08:00",
                                                   "at 2027-03-01T10:00:00+08:00"])
        #expect(schedule.children?.last?.detail == "status: live, rollout")
        #expect(try child("payment_methods", of: region).children?.map(\.name) == ["ALIPAY_CN", "ALIPAY_HK"])
        let routes = try child("routes", of: region)
        #expect(routes.children?.map(\.name) == ["local-wallet", "alipay-cn-hkd", "default"])
        #expect(routes.children?.first?.detail == "antom-hk → antom-sg")
        #expect(routes.selectionRange == (try ServerHarness.range(of: "routes", inLine: "routes:", of: text)))
        // The routes' range runs from their key to the last route's last value.
        let lastValue = try ServerHarness.range(of: "antom-hk", inLine: "fallback: [antom-hk]", of: text)
        #expect(routes.range == LSPRange(start: routes.selectionRange.start, end: lastValue.end))
        #expect(try child("change_freezes", of: region).children?.isEmpty == false)
    }

    @Test("an outline item after Hangul and an emoji starts at its UTF-16 column")
    func outlineAfterKorean() async throws {
        let harness = try ServerHarness()
        try await harness.start()
        let text = try ServerHarness.fixture("kr-korean-blackout.yaml")
        try harness.open("regions/kr.yaml", text: text)
        let params = DocumentSymbolParams(textDocument: TextDocumentIdentifier(uri: harness.uri("regions/kr.yaml")))
        let symbols = try #require(try await harness.result("textDocument/documentSymbol", params, as: [DocumentSymbol].self))
        let blackouts = try #require(symbols.first?.children?.first { $0.name == "availability" }?.children?.first { $0.name == "blackouts" })
        let blackout = try #require(blackouts.children?.first)
        #expect(blackout.name == "2027-02-08T10:00:00+09:00 to 2027-02-08T12:00:00+09:00")
        #expect(blackout.detail == "인증서 교체 🔐")
        let until = try #require(blackout.children?.first { $0.name == "until" })
        #expect(until.selectionRange == (try ServerHarness.range(of: "until", inLine: "인증서 교체", of: text)))
    }
}
