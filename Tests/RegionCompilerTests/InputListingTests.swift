import Foundation
import Testing
@testable import RegionCompiler

/// Every entry of an input directory is either read or named in a diagnostic, and a symbolic
/// link never carries the compiler outside the directory (hardening findings 1 and 6).
@Suite struct InputListingTests {
    /// A scratch regions directory beside a "secret" file outside it.
    struct Scratch {
        let root: URL
        var regions: URL { root.appendingPathComponent("regions") }
        var secret: URL { root.appendingPathComponent("secret-config") }

        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("listing-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: root.appendingPathComponent("regions"), withIntermediateDirectories: true)
            try Data("extraheader = AUTHORIZATION: basic c2VjcmV0LXRva2Vu\n".utf8).write(to: root.appendingPathComponent("secret-config"))
        }

        func remove() { try? FileManager.default.removeItem(at: root) }
        func file(_ name: String, _ text: String = "region: HK\n") throws {
            try Data(text.utf8).write(to: regions.appendingPathComponent(name))
        }
        func link(_ name: String, to target: String) throws {
            try FileManager.default.createSymbolicLink(atPath: regions.appendingPathComponent(name).path, withDestinationPath: target)
        }
    }

    struct Case: CustomStringConvertible, Sendable {
        let description: String
        let setUp: @Sendable (Scratch) throws -> Void
        /// The entry's name, and the code it must be reported with (nil: it is read).
        let entry: String
        let code: DiagnosticCode?
        let messageContains: String
    }

    static let cases: [Case] = [
        Case(description: "link out of the directory", setUp: { try $0.link("gb.yaml", to: "../secret-config") },
             entry: "gb.yaml", code: .linkLeavesDirectory, messageContains: "symbolic link to a file outside"),
        Case(description: "absolute link to /proc/self/environ", setUp: { try $0.link("gb.yaml", to: "/proc/self/environ") },
             entry: "gb.yaml", code: .linkLeavesDirectory, messageContains: "outside"),
        Case(description: "link inside the directory", setUp: { try $0.file("real.yaml"); try $0.link("gb.yaml", to: "real.yaml") },
             entry: "gb.yaml", code: nil, messageContains: ""),
        Case(description: "dangling link", setUp: { try $0.link("gb.yaml", to: "missing.yaml") },
             entry: "gb.yaml", code: .unreadableFile, messageContains: "no such file"),
        Case(description: "link loop", setUp: { try $0.link("gb.yaml", to: "fr.yaml"); try $0.link("fr.yaml", to: "gb.yaml") },
             entry: "gb.yaml", code: .unreadableFile, messageContains: "loop of symbolic links"),
        Case(description: "upper-case extension", setUp: { try $0.file("hk.YAML") },
             entry: "hk.YAML", code: .misnamedInput, messageContains: "not lower-case"),
        Case(description: "README", setUp: { try $0.file("README.md", "# notes\n") },
             entry: "README.md", code: .ignoredInput, messageContains: "not a `.yaml` or `.yml` file"),
        Case(description: "hidden file", setUp: { try $0.file(".hk.yaml") },
             entry: ".hk.yaml", code: .ignoredInput, messageContains: "is not read"),
        Case(description: "subdirectory", setUp: { try FileManager.default.createDirectory(at: $0.regions.appendingPathComponent("old"), withIntermediateDirectories: false) },
             entry: "old", code: .ignoredInput, messageContains: "a directory"),
        Case(description: "directory named like a descriptor", setUp: { try FileManager.default.createDirectory(at: $0.regions.appendingPathComponent("gb.yaml"), withIntermediateDirectories: false) },
             entry: "gb.yaml", code: .unreadableFile, messageContains: "it is a directory"),
        Case(description: "FIFO named like a descriptor (must not hang)", setUp: { _ = mkfifo($0.regions.appendingPathComponent("gb.yaml").path, 0o644) },
             entry: "gb.yaml", code: .unreadableFile, messageContains: "not a regular file"),
    ]

    @Test(arguments: cases)
    func entryIsReadOrNamed(_ testCase: Case) throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try testCase.setUp(scratch)
        let listing = try InputLoader.load(directory: scratch.regions.path)
        let shown = scratch.regions.path + "/" + testCase.entry
        let named = listing.diagnostics.filter { $0.location.file == shown }
        if let code = testCase.code {
            #expect(named.map(\.code) == [code], "\(listing.diagnostics)")
            #expect(named.first?.message.contains(testCase.messageContains) == true, "\(named)")
            #expect(!listing.files.contains { $0.name == testCase.entry })
            #expect(named.first.map { $0.location.line == 1 && $0.location.column == 1 } == true)
        } else {
            #expect(named.isEmpty, "\(named)")
            #expect(listing.files.contains { $0.name == testCase.entry })
        }
        // Whatever happened, the secret outside the directory was neither read nor shown.
        #expect(!listing.files.contains { String(decoding: $0.bytes, as: UTF8.self).contains("AUTHORIZATION") })
        let compilation = DescriptorCompiler.compile(listing, directory: scratch.regions.path)
        let rendered = TextRenderer(colored: false).render(compilation.diagnostics, sources: compilation.files)
        #expect(!rendered.contains("AUTHORIZATION") && !rendered.contains("c2VjcmV0"))
        if testCase.code.map({ $0 != .ignoredInput }) == true { #expect(compilation.artifact == nil) }
    }

    @Test func everyEntryOfAMixedDirectoryIsAccountedFor() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        for name in ["hk.yaml", "hk.YAML", "README.md", "notes.txt", "ph.yml"] { try scratch.file(name) }
        try scratch.link("gb.yaml", to: "../secret-config")
        let listing = try InputLoader.load(directory: scratch.regions.path)
        let entries = try FileManager.default.contentsOfDirectory(atPath: scratch.regions.path)
        let accounted = Set(listing.files.map(\.name)).union(listing.diagnostics.map { ($0.location.file as NSString).lastPathComponent })
        #expect(accounted == Set(entries))
    }

    @Test func catalogAndDefaultsMayUseTheYmlExtension() throws {
        let base = FixtureDirectory.root.appendingPathComponent("base")
        let scratch = try Scratch()
        defer { scratch.remove() }
        try FileManager.default.copyItem(at: base.appendingPathComponent("catalog.yaml"), to: scratch.regions.appendingPathComponent("catalog.yml"))
        try FileManager.default.copyItem(at: base.appendingPathComponent("defaults.yaml"), to: scratch.regions.appendingPathComponent("defaults.yml"))
        try FileManager.default.copyItem(at: FixtureDirectory.root.appendingPathComponent("valid/hk-pilot/hk.yaml"),
                                         to: scratch.regions.appendingPathComponent("hk.yaml"))
        let compilation = try DescriptorCompiler.compile(directory: scratch.regions.path)
        #expect(!compilation.hasErrors, "\(compilation.diagnostics.map(\.message))")
        #expect(compilation.artifact?.regions.keys.sorted() == ["HK"])
    }
}
