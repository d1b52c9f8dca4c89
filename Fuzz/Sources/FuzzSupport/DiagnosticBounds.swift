@testable import RegionCompiler

/// Every diagnostic must point into a file that was given, at a line that exists and a column
/// within (or just past the end of) that line; and rendering it must work.
public enum DiagnosticBounds {
    public static func check(_ diagnostics: [Diagnostic], files: [SourceFile], extraPaths: Set<String> = []) {
        let byPath = Dictionary(files.map { ($0.displayPath, $0) }, uniquingKeysWith: { first, _ in first })
        let widths = byPath.mapValues { lineLengths($0.bytes) }
        for diagnostic in diagnostics {
            let location = diagnostic.location
            if extraPaths.contains(location.file) { continue }
            guard let file = byPath[location.file], let lines = widths[location.file] else {
                require(false, "\(diagnostic.code.rawValue) names `\(location.file)`, which is not an input")
                continue
            }
            require(location.line >= 1 && location.line <= lines.count,
                    "\(diagnostic.code.rawValue) at line \(location.line) of a \(lines.count)-line file: \(diagnostic.message)")
            guard location.line >= 1 && location.line <= lines.count else { continue }
            let width = lines[location.line - 1]
            require(location.column >= 1 && location.column <= width + 1,
                    "\(diagnostic.code.rawValue) at \(location.line):\(location.column), a line of \(width) columns: \(diagnostic.message)")
            for note in diagnostic.related where note.location.file == file.displayPath {
                require(note.location.line >= 1 && note.location.line <= lines.count,
                        "\(diagnostic.code.rawValue)'s note at line \(note.location.line) of a \(lines.count)-line file")
            }
        }
        _ = TextRenderer(colored: false).render(diagnostics, sources: files)
    }

    /// Each line's width in Unicode scalars (the unit of `SourceLocation.column`), lines cut at LF
    /// with a CR before it dropped, as `SourceFile.line` shows them.
    static func lineLengths(_ bytes: [UInt8]) -> [Int] {
        var lengths: [Int] = []
        var start = 0
        func close(_ end: Int) {
            var slice = bytes[start..<end]
            if slice.last == 0x0D { slice = slice.dropLast() }
            lengths.append(String(decoding: slice, as: UTF8.self).unicodeScalars.count)
        }
        for (index, byte) in bytes.enumerated() where byte == 0x0A {
            close(index)
            start = index + 1
        }
        close(bytes.count)
        return lengths
    }
}
