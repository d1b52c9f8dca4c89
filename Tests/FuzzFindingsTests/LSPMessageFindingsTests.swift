import Foundation
@testable import RegionLanguageServer
import Testing

/// Inputs the `lsp-message` fuzz target (Fuzz/Sources/FuzzLSPMessage) found, replayed with that
/// target's own property, `MessageProperties.violation`: one copy, shared, so it cannot drift.
@Suite struct LSPMessageFindingsTests {
    static let fixtures = FuzzFixtures.names(target: "lsp-message")

    @Test(arguments: fixtures)
    func propertyHolds(_ name: String) throws {
        let bytes = try FuzzFixtures.bytes(target: "lsp-message", name: name)
        #expect(MessageProperties.violation(bytes) == nil)
    }
}
