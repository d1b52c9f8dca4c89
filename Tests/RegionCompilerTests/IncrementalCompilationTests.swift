import Foundation
import GatewayConfig
import Testing
@testable import RegionCompiler

/// `regionc lsp` compiles through a `CompileCache`: after every edit, its result must be exactly
/// a fresh compilation's, while only what the edit touched is checked again.
@Suite struct IncrementalCompilationTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The shipped tree as the compiler reads it.
    struct Tree {
        var files: [SourceFile]
        var calendars: [SourceFile]

        static func shipped() throws -> Tree {
            Tree(files: try InputLoader.load(directory: root.appendingPathComponent("regions").path).files,
                 calendars: try CalendarCompiler.load(directory: root.appendingPathComponent("calendars").path, required: true).files)
        }

        /// `name`'s text with `old` replaced by `new` (the edit must apply).
        mutating func edit(_ name: String, _ old: String, _ new: String) throws {
            let update = { (file: SourceFile) throws -> SourceFile in
                let text = String(decoding: file.bytes, as: UTF8.self)
                guard text.contains(old) else { throw EditError(description: "`\(old)` is not in \(name)") }
                return SourceFile(name: file.name, displayPath: file.displayPath,
                                  bytes: Array(text.replacingOccurrences(of: old, with: new).utf8), realPath: file.realPath)
            }
            if let index = files.firstIndex(where: { $0.name == name }) {
                files[index] = try update(files[index])
            } else if let index = calendars.firstIndex(where: { $0.name == name }) {
                calendars[index] = try update(calendars[index])
            } else {
                throw EditError(description: "no file \(name)")
            }
        }
    }

    struct EditError: Error, CustomStringConvertible { let description: String }

    /// One step of an editing session: the edit, and how many regions it must re-check.
    struct Step: Sendable, CustomTestStringConvertible {
        let name: String
        let regionsRechecked: Rechecked
        let calendarsReread: Bool
        let apply: @Sendable (inout Tree) throws -> Void
        var testDescription: String { name }
    }

    enum Rechecked: Sendable { case count(Int), all }

    static let steps: [Step] = [
        Step(name: "nothing changed", regionsRechecked: .count(0), calendarsReread: false) { _ in },
        Step(name: "a typo in hk.yaml", regionsRechecked: .count(1), calendarsReread: false) {
            try $0.edit("hk.yaml", "timezone:", "timezon:")
        },
        Step(name: "the typo fixed", regionsRechecked: .count(1), calendarsReread: false) {
            try $0.edit("hk.yaml", "timezon:", "timezone:")
        },
        Step(name: "th.yaml claims KR (a duplicate region, across files)", regionsRechecked: .count(1), calendarsReread: false) {
            try $0.edit("th.yaml", "region: TH", "region: KR")
        },
        Step(name: "a catalog method renamed", regionsRechecked: .all, calendarsReread: false) {
            try $0.edit("catalog.yaml", "  NAVERPAY:", "  NAVERPAI:")
        },
        Step(name: "a defaults value changed", regionsRechecked: .all, calendarsReread: false) {
            try $0.edit("defaults.yaml", "schedule: T+2", "schedule: T+3")
        },
        Step(name: "a holiday on KR's scheduled step", regionsRechecked: .count(0), calendarsReread: true) {
            try $0.edit("calendars/kr.yaml", "      - { date: 2027-01-01, name: New Year's Day (신정) }\n",
                        "      - { date: 2027-01-01, name: New Year's Day (신정) }\n      - { date: 2027-01-18, name: Test }\n")
        },
        Step(name: "a region file removed", regionsRechecked: .count(0), calendarsReread: false) {
            $0.files.removeAll { $0.name == "us.yaml" }
        },
        Step(name: "a region file added", regionsRechecked: .count(1), calendarsReread: false) {
            let hongKong = try #require($0.files.first { $0.name == "hk.yaml" })
            $0.files.append(SourceFile(name: "zz.yaml", displayPath: "regions/zz.yaml", bytes: hongKong.bytes))
        },
        Step(name: "the catalog removed", regionsRechecked: .all, calendarsReread: false) {
            $0.files.removeAll { $0.name == "catalog.yaml" }
        },
    ]

    @Test("after each edit of a session, the cached compilation equals a fresh one, and re-checks only what the edit touched")
    func editingSession() throws {
        var tree = try Tree.shipped()
        var cache = CompileCache()
        let asOf = CalendarDate(year: 2026, month: 12, day: 1)
        let compile = { (tree: Tree, cache: inout CompileCache) in
            DescriptorCompiler.compile(tree.files, calendarFiles: tree.calendars, directory: "regions", asOf: asOf,
                                       extraDiagnostics: [], cache: &cache)
        }
        _ = compile(tree, &cache)
        let regionCount = { (tree: Tree) in tree.files.count { DescriptorCompiler.role(of: $0) == .region } }
        #expect(cache.regionCompileCount == regionCount(tree))
        for step in Self.steps {
            try step.apply(&tree)
            let (regionsBefore, calendarsBefore) = (cache.regionCompileCount, cache.calendarReadCount)
            let cached = compile(tree, &cache)
            let fresh = DescriptorCompiler.compile(tree.files, calendarFiles: tree.calendars, directory: "regions", asOf: asOf)
            #expect(cached.diagnostics == fresh.diagnostics, "\(step.name)")
            #expect(try cached.artifactBytes() == fresh.artifactBytes(), "\(step.name)")
            let expected = switch step.regionsRechecked {
            case .count(let count): count
            case .all: regionCount(tree)
            }
            #expect(cache.regionCompileCount - regionsBefore == expected, "\(step.name)")
            #expect((cache.calendarReadCount - calendarsBefore == 1) == step.calendarsReread, "\(step.name)")
        }
    }

    @Test("a catalog edit re-runs every region's checks but parses none again; a defaults edit parses them all")
    func aCatalogEditReusesTheParsedRegions() throws {
        var tree = try Tree.shipped()
        var cache = CompileCache()
        let compile = { (tree: Tree, cache: inout CompileCache) in
            DescriptorCompiler.compile(tree.files, calendarFiles: tree.calendars, directory: "regions", asOf: nil,
                                       extraDiagnostics: [], cache: &cache)
        }
        _ = compile(tree, &cache)
        let regions = tree.files.count { DescriptorCompiler.role(of: $0) == .region }
        #expect(cache.regionDecodeCount == regions)
        try tree.edit("catalog.yaml", "  NAVERPAY:", "  NAVERPAI:")
        let afterCatalog = compile(tree, &cache)
        #expect(cache.regionCompileCount == 2 * regions && cache.regionDecodeCount == regions)
        #expect(afterCatalog.diagnostics == DescriptorCompiler.compile(tree.files, calendarFiles: tree.calendars, directory: "regions").diagnostics)
        try tree.edit("defaults.yaml", "schedule: T+2", "schedule: T+3")
        _ = compile(tree, &cache)
        #expect(cache.regionDecodeCount == 2 * regions)
    }

    @Test("the edits make findings (the session is not comparing empty lists)")
    func editsAreSeen() throws {
        var tree = try Tree.shipped()
        try tree.edit("hk.yaml", "timezone:", "timezon:")
        try tree.edit("calendars/kr.yaml", "      - { date: 2027-01-01, name: New Year's Day (신정) }\n",
                      "      - { date: 2027-01-01, name: New Year's Day (신정) }\n      - { date: 2027-01-18, name: Test }\n")
        let compilation = DescriptorCompiler.compile(tree.files, calendarFiles: tree.calendars, directory: "regions",
                                                     asOf: CalendarDate(year: 2026, month: 12, day: 1))
        #expect(compilation.diagnostics.contains { $0.code == .unknownKey && $0.location.file.hasSuffix("hk.yaml") })
        #expect(compilation.diagnostics.contains { $0.code == .stepOnNonBusinessDay && $0.location.file.hasSuffix("kr.yaml") })
    }
}
