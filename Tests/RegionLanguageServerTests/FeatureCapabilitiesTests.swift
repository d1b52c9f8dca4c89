import Foundation
@testable import RegionLanguageServer
import Testing

@Suite("regionc lsp: feature capabilities", .timeLimit(.minutes(1)))
struct FeatureCapabilitiesTests {
    @Test("initialize announces hover, definition, completion, quick fixes, symbols and references")
    func announced() async throws {
        let harness = try ServerHarness()
        let response = try await harness.start()
        let body = try #require(try JSONSerialization.jsonObject(with: response.body) as? [String: Any])
        let capabilities = try #require((body["result"] as? [String: Any])?["capabilities"] as? [String: Any])
        for provider in ["hoverProvider", "definitionProvider", "documentSymbolProvider", "referencesProvider"] {
            #expect(capabilities[provider] as? Bool == true, "\(provider)")
        }
        let completion = try #require(capabilities["completionProvider"] as? [String: Any])
        #expect((completion["triggerCharacters"] as? [String])?.contains(":") == true)
        let codeActions = try #require(capabilities["codeActionProvider"] as? [String: Any])
        #expect(codeActions["codeActionKinds"] as? [String] == ["quickfix"])
    }
}
