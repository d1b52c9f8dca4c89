import Foundation
@testable import RegionLanguageServer
import TestSupport

/// Places and requests of the editor-feature tests: a cursor put on a word of a line, found by
/// Foundation's UTF-16 count (not by the conversion under test), and a request's decoded result.
extension ServerHarness {
    /// The feature fixtures (`Fixtures/features/`).
    static let featureFixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/features")

    static func fixture(_ name: String) throws -> String {
        try String(contentsOf: featureFixtures.appendingPathComponent(name), encoding: .utf8)
    }

    /// The schemas beside the copied regions, as in the repository (key hovers read them).
    func copySchemas() throws {
        try FileManager.default.copyItem(at: Repository.root.appendingPathComponent("schemas"),
                                         to: root.appendingPathComponent("schemas"))
    }

    /// The cursor `offset` UTF-16 units into `word`, on the first line of `text` holding `line` (and `word` after it).
    static func cursor(on word: String, inLine line: String, of text: String, offset: Int = 1) throws -> Position {
        for (number, content) in text.components(separatedBy: "\n").enumerated() {
            guard let lineRange = content.range(of: line),
                  let wordRange = content.range(of: word, range: lineRange.lowerBound..<content.endIndex) else { continue }
            return Position(line: number, character: content.utf16.distance(from: content.startIndex, to: wordRange.lowerBound) + offset)
        }
        throw HarnessError("no line holds `\(line)` then `\(word)`")
    }

    /// The UTF-16 range of `word` on the first line holding `line`.
    static func range(of word: String, inLine line: String, of text: String) throws -> LSPRange {
        let start = try cursor(on: word, inLine: line, of: text, offset: 0)
        return LSPRange(start: start, end: Position(line: start.line, character: start.character + word.utf16.count))
    }

    /// Sends a request and decodes its result (nil for a null result).
    func result<Result: Decodable>(_ method: String, _ params: some Encodable, as type: Result.Type) async throws -> Result? {
        let id = try request(method, params)
        let response = try await response(to: id)
        if let error = response.error { throw HarnessError("`\(method)` failed: \(error.message)") }
        if response.isNullResult { return nil }
        return try response.result(Result.self)
    }

    func positionParams(_ relativePath: String, _ position: Position) -> TextDocumentPositionParams {
        TextDocumentPositionParams(textDocument: TextDocumentIdentifier(uri: uri(relativePath)), position: position)
    }
}
