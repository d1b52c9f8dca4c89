import Foundation
@testable import RegionCompiler
import Testing

/// Region files the `region` fuzz target (Fuzz/Sources/FuzzRegionFile) found diagnostics for that
/// point outside the file, replayed with that target's property: compiled as `regions/hk.yaml`
/// beside the shipped catalog, defaults and Hong Kong calendar, every diagnostic in the file names a
/// line that exists (lines end at LF) and a column within it or just past its end.
@Suite struct RegionFindingsTests {
    static let fixtures = FuzzFixtures.names(target: "region")

    @Test(arguments: fixtures)
    func diagnosticsPointInsideTheFile(_ name: String) throws {
        let region = SourceFile(name: "hk.yaml", displayPath: "regions/hk.yaml",
                                bytes: try FuzzFixtures.bytes(target: "region", name: name))
        let shipped = try ["regions/catalog.yaml", "regions/defaults.yaml"].map { path in
            SourceFile(name: (path as NSString).lastPathComponent, displayPath: path, bytes: try FuzzFixtures.repositoryBytes(path))
        }
        let calendar = SourceFile(name: "calendars/hk.yaml", displayPath: "calendars/hk.yaml",
                                  bytes: try FuzzFixtures.repositoryBytes("calendars/hk.yaml"))
        let compilation = DescriptorCompiler.compile(shipped + [region], calendarFiles: [calendar], directory: "regions")
        let widths = region.bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map { line in
            String(decoding: line.last == 0x0D ? line.dropLast() : line, as: UTF8.self).unicodeScalars.count
        }
        #expect(!compilation.diagnostics.isEmpty)
        for diagnostic in compilation.diagnostics where diagnostic.location.file == region.displayPath {
            let location = diagnostic.location
            #expect((1...widths.count).contains(location.line), "\(diagnostic.code.rawValue) at line \(location.line) of \(widths.count)")
            if (1...widths.count).contains(location.line) {
                #expect((1...widths[location.line - 1] + 1).contains(location.column),
                        "\(diagnostic.code.rawValue) at \(location.line):\(location.column)")
            }
        }
    }
}
