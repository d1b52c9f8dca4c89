import Foundation

/// One input file: its bytes as read, and the names it is known by.
public struct SourceFile: Sendable, Hashable {
    public static func == (lhs: SourceFile, rhs: SourceFile) -> Bool {
        lhs.name == rhs.name && lhs.displayPath == rhs.displayPath && lhs.realPath == rhs.realPath && lhs.bytes == rhs.bytes
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(displayPath)
        hasher.combine(bytes)
    }

    /// The name relative to the regions directory (`hk.yaml`): stable across machines,
    /// used in the artifact and the source digest.
    public let name: String
    /// The path shown in diagnostics (`regions/hk.yaml`).
    public let displayPath: String
    public let bytes: [UInt8]
    /// The canonical path the bytes were read from, when read from disk (an output must never be one).
    package let realPath: String?
    /// Byte offset of each line's start, indexed once so finding a diagnostic's line is O(1).
    let lineStarts: [Int]

    public init(name: String, displayPath: String, bytes: [UInt8], realPath: String? = nil) {
        self.name = name
        self.displayPath = displayPath
        self.bytes = bytes
        self.realPath = realPath
        var starts = [0]
        for (index, byte) in bytes.enumerated() where byte == 0x0A { starts.append(index + 1) }
        lineStarts = starts
    }

    /// How many lines the file has (a final newline does not start another).
    package var lineCount: Int {
        lineStarts.count > 1 && lineStarts.last == bytes.count ? lineStarts.count - 1 : lineStarts.count
    }

    /// The text of line `number` (1-based) for showing under a diagnostic, or nil.
    package func line(_ number: Int) -> String? {
        guard number >= 1, number <= lineStarts.count else { return nil }
        let start = lineStarts[number - 1]
        let end = number < lineStarts.count ? lineStarts[number] - 1 : bytes.count
        return decodeLine(bytes[start..<end])
    }

    private func decodeLine(_ slice: ArraySlice<UInt8>) -> String {
        var text = String(decoding: slice, as: UTF8.self)
        if text.hasSuffix("\r") { text.removeLast() }
        return text
    }

    package func location(line: Int, column: Int, length: Int = 1) -> SourceLocation {
        SourceLocation(file: displayPath, line: line, column: column, length: length)
    }
}
