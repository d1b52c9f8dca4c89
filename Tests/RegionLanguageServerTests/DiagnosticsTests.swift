import Foundation
@testable import RegionLanguageServer
import Testing

/// Diagnostics as an editor sees them: from unsaved buffers over the tree, at UTF-16 ranges,
/// cleared when fixed, re-checked incrementally.
@Suite("regionc lsp: diagnostics", .timeLimit(.minutes(1)))
struct DiagnosticsTests {
    /// The shipped tree's only findings: two RC1151 warnings in kr.yaml.
    static let shippedKoreaWarnings = 2

    static func replacing(_ text: String, _ old: String, with new: String) throws -> String {
        guard text.contains(old) else { throw HarnessError("`\(old)` is not in the file") }
        return text.replacingOccurrences(of: old, with: new)
    }

    /// The 0-based line holding `needle`, and the UTF-16 offset where it starts (counted by
    /// Foundation, not by the conversion under test).
    static func utf16Place(of needle: String, in text: String) throws -> Position {
        let lines = text.components(separatedBy: "\n")
        for (number, line) in lines.enumerated() {
            if let range = line.range(of: needle) {
                return Position(line: number, character: line.utf16.distance(from: line.startIndex, to: range.lowerBound))
            }
        }
        throw HarnessError("`\(needle)` is not in the text")
    }

    @Test("an unsaved mistake is published at its range; fixing it clears the file's list")
    func publishThenClear() async throws {
        let harness = try ServerHarness()
        try await harness.start()
        let shipped = try harness.text("regions/hk.yaml")
        let broken = try Self.replacing(shipped, "timezone: Asia/Hong_Kong", with: "timezon: Asia/Hong_Kong")
        try harness.open("regions/hk.yaml", text: broken)
        let diagnostics = try await harness.diagnostics(for: harness.uri("regions/hk.yaml"))
        let unknownKey = try #require(diagnostics.first { $0.code == "RC0202" })
        let place = try Self.utf16Place(of: "timezon:", in: broken)
        #expect(unknownKey.range == LSPRange(start: place, end: Position(line: place.line, character: place.character + 7)))
        #expect(unknownKey.source == "regionc")
        #expect(unknownKey.severity == 1)
        #expect(unknownKey.message.contains("timezon"))
        #expect(unknownKey.data?.hint?.contains("timezone") == true)

        // The fix, typed as an incremental change: one `e` after `timezon`.
        let at = Position(line: place.line, character: place.character + 7)
        try harness.change("regions/hk.yaml", version: 2, [TextDocumentContentChangeEvent(range: LSPRange(start: at, end: at), text: "e")])
        #expect(try await harness.diagnostics(for: harness.uri("regions/hk.yaml")) == [])
    }

    @Test("a catalog broken in an unsaved buffer shows in the regions that use it; closing the buffer restores the disk's")
    func catalogBuffer() async throws {
        let harness = try ServerHarness()
        try await harness.start()
        let korea = harness.uri("regions/kr.yaml")
        #expect(try await harness.diagnostics(for: korea).count == Self.shippedKoreaWarnings)
        let catalog = try harness.text("regions/catalog.yaml")
        try harness.open("regions/catalog.yaml", text: try Self.replacing(catalog, "  NAVERPAY:", with: "  NAVERPAI:"))
        let broken = try await harness.diagnostics(for: korea)
        #expect(broken.contains { $0.severity == 1 && $0.message.contains("NAVERPAY") })
        try harness.close("regions/catalog.yaml")
        #expect(try await harness.diagnostics(for: korea).count == Self.shippedKoreaWarnings)
    }

    @Test("a column after Korean, Thai and emoji text on the same line is counted in UTF-16 units")
    func utf16Columns() async throws {
        let harness = try ServerHarness()
        try await harness.start()
        let shipped = try harness.text("regions/kr.yaml")
        let edited = try Self.replacing(shipped, """
                - from: 2026-11-15T00:00:00+09:00
                  until: 2026-11-15T06:00:00+09:00
                  reason: Local acquirer certificate rotation
            """, with: """
                - { from: 2026-11-15T00:00:00+09:00, until: 2026-11-15T06:00:00+09:00, reason: "인증서 교체 ใบรับรอง 🔐", resaon: x }
            """)
        try harness.open("regions/kr.yaml", text: edited)
        let diagnostics = try await harness.diagnostics(for: harness.uri("regions/kr.yaml"))
        let unknownKey = try #require(diagnostics.first { $0.code == "RC0202" })
        let place = try Self.utf16Place(of: "resaon", in: edited)
        #expect(unknownKey.range.start == place)
        #expect(unknownKey.range.end == Position(line: place.line, character: place.character + 6))
    }

    @Test("a region edit re-checks that region only; a catalog edit re-checks every region")
    func incremental() async throws {
        let harness = try ServerHarness()
        try await harness.start()
        let engine = harness.server.serverContext.diagnostics
        let korea = harness.uri("regions/kr.yaml")
        _ = try await harness.diagnostics(for: korea)
        let regionCount = try FileManager.default.contentsOfDirectory(atPath: harness.regions.path)
            .filter { $0.hasSuffix(".yaml") && $0 != "catalog.yaml" && $0 != "defaults.yaml" }.count
        #expect(await engine.regionCompileCount == regionCount)

        let hongKong = try harness.text("regions/hk.yaml")
        try harness.open("regions/hk.yaml", text: try Self.replacing(hongKong, "timezone:", with: "timezon:"))
        _ = try await harness.diagnostics(for: harness.uri("regions/hk.yaml"))
        #expect(await engine.regionCompileCount == regionCount + 1)

        let catalog = try harness.text("regions/catalog.yaml")
        try harness.open("regions/catalog.yaml", text: try Self.replacing(catalog, "  NAVERPAY:", with: "  NAVERPAI:"))
        _ = try await harness.diagnostics(for: korea)
        #expect(await engine.regionCompileCount == 2 * regionCount + 1)
    }

    @Test("a calendar edit re-checks the regions' schedules against it, without re-checking any region file")
    func calendarEdit() async throws {
        let harness = try ServerHarness()
        try await harness.start()
        let engine = harness.server.serverContext.diagnostics
        let korea = harness.uri("regions/kr.yaml")
        _ = try await harness.diagnostics(for: korea)
        let before = await engine.regionCompileCount
        let calendar = try harness.text("calendars/kr.yaml")
        let newYear = "      - { date: 2027-01-01, name: New Year's Day (신정) }\n"
        try harness.open("calendars/kr.yaml", text: try Self.replacing(calendar, newYear, with: newYear + "      - { date: 2027-01-18, name: Test }\n"))
        let diagnostics = try await harness.diagnostics(for: korea)
        let step = try #require(diagnostics.first { $0.code == "RC0807" })
        #expect(step.relatedInformation?.first?.location.uri == harness.uri("calendars/kr.yaml"))
        #expect(await engine.regionCompileCount == before)
    }

    @Test("a burst of changes is compiled at its start and once after the debounce; a lone change at once")
    func debounce() async throws {
        let sleeper = ManualSleeper()
        let harness = try ServerHarness { $0.sleeper = sleeper }
        // The debounce stays closed: a compilation that waits for it does not happen.
        try await harness.start()
        _ = try await harness.diagnostics(for: harness.uri("regions/kr.yaml"))
        let engine = harness.server.serverContext.diagnostics
        #expect(await engine.compilationCount == 1)

        // After a quiet spell, one change is checked at once.
        sleeper.advance(by: .seconds(1))
        let shipped = try harness.text("regions/hk.yaml")
        try harness.open("regions/hk.yaml", text: try Self.replacing(shipped, "timezone:", with: "timezon:"))
        _ = try await harness.diagnostics(for: harness.uri("regions/hk.yaml"))
        #expect(await engine.compilationCount == 2)

        // A burst (no time passes) waits for the debounce, and is compiled once.
        let place = try Self.utf16Place(of: "timezon:", in: try Self.replacing(shipped, "timezone:", with: "timezon:"))
        for (offset, letter) in ["x", "y", "z"].enumerated() {
            let at = Position(line: place.line, character: place.character + offset)
            try harness.change("regions/hk.yaml", version: offset + 2,
                               [TextDocumentContentChangeEvent(range: LSPRange(start: at, end: at), text: letter)])
        }
        try await harness.barrier()
        #expect(await engine.compilationCount == 2)
        await sleeper.open()
        let diagnostics = try await harness.diagnostics(for: harness.uri("regions/hk.yaml"))
        #expect(diagnostics.contains { $0.code == "RC0202" && $0.message.contains("xyztimezon") })
        #expect(await engine.compilationCount == 3)
    }

    @Test("an unsaved new region file is checked with the tree; closing it clears its list")
    func newUnsavedFile() async throws {
        let harness = try ServerHarness()
        try await harness.start()
        let hongKong = try harness.text("regions/hk.yaml")
        try harness.open("regions/zz.yaml", text: hongKong)
        let diagnostics = try await harness.diagnostics(for: harness.uri("regions/zz.yaml"))
        #expect(diagnostics.map(\.code).sorted() == ["RC0302", "RC0303"])
        let duplicate = try #require(diagnostics.first { $0.code == "RC0303" })
        // The note points at the first description, in hk.yaml.
        #expect(duplicate.relatedInformation?.map(\.location.uri) == [harness.uri("regions/hk.yaml")])
        try harness.close("regions/zz.yaml")
        #expect(try await harness.diagnostics(for: harness.uri("regions/zz.yaml")) == [])
    }

    @Test("a file changed on disk is read again when the client says so")
    func diskChange() async throws {
        let harness = try ServerHarness()
        try await harness.start()
        _ = try await harness.diagnostics(for: harness.uri("regions/kr.yaml"))
        let path = harness.regions.appendingPathComponent("hk.yaml")
        let broken = try Self.replacing(try harness.text("regions/hk.yaml"), "timezone:", with: "timezon:")
        try Data(broken.utf8).write(to: path)
        try harness.notify("workspace/didChangeWatchedFiles", WatchedFiles(changes: [.init(uri: harness.uri("regions/hk.yaml"), type: 2)]))
        let diagnostics = try await harness.diagnostics(for: harness.uri("regions/hk.yaml"))
        #expect(diagnostics.contains { $0.code == "RC0202" })
    }

    @Test("published under the client's own URI when the path has a space and non-ASCII letters")
    func percentEncodedURI() async throws {
        let harness = try ServerHarness(directoryPrefix: "lsp tree ü")
        try await harness.start()
        // Written by hand, as an editor escapes it: a space is %20, ü is its UTF-8 bytes escaped.
        let escaped = harness.root.path.replacingOccurrences(of: " ", with: "%20").replacingOccurrences(of: "ü", with: "%C3%BC")
        let uri = "file://" + escaped + "/regions/hk.yaml"
        let broken = try Self.replacing(try harness.text("regions/hk.yaml"), "timezone:", with: "timezon:")
        try harness.open(uri: uri, text: broken)
        let diagnostics = try await harness.diagnostics(for: uri)
        #expect(diagnostics.contains { $0.code == "RC0202" })
    }

    @Test("a workspace opened at the regions directory itself checks the same tree")
    func rootAtRegions() async throws {
        let harness = try ServerHarness()
        try await harness.start(rootUri: DocumentURI.uri(ofPath: harness.regions.path))
        #expect(try await harness.diagnostics(for: harness.uri("regions/kr.yaml")).count == Self.shippedKoreaWarnings)
    }
}

struct CloseParams: Encodable { var textDocument: TextDocumentIdentifier }
struct WatchedFiles: Encodable {
    struct Change: Encodable {
        var uri: String
        var type: Int
    }
    var changes: [Change]
}
