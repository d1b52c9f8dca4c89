import Foundation

/// One input file: its bytes as read, and the names it is known by.
public struct SourceFile: Sendable, Hashable {
    /// The name relative to the regions directory (`hk.yaml`): stable across machines,
    /// used in the artifact and the source digest.
    public let name: String
    /// The path shown in diagnostics (`regions/hk.yaml`).
    public let displayPath: String
    public let bytes: [UInt8]

    public init(name: String, displayPath: String, bytes: [UInt8]) {
        self.name = name
        self.displayPath = displayPath
        self.bytes = bytes
    }

    /// The text of line `number` (1-based) for showing under a diagnostic, or nil.
    public func line(_ number: Int) -> String? {
        guard number >= 1 else { return nil }
        var current = 1
        var start = 0
        for (index, byte) in bytes.enumerated() where byte == 0x0A {
            if current == number { return decodeLine(bytes[start..<index]) }
            current += 1
            start = index + 1
        }
        return current == number ? decodeLine(bytes[start...]) : nil
    }

    private func decodeLine(_ slice: ArraySlice<UInt8>) -> String {
        var text = String(decoding: slice, as: UTF8.self)
        if text.hasSuffix("\r") { text.removeLast() }
        return text
    }

    public func location(line: Int, column: Int, length: Int = 1) -> SourceLocation {
        SourceLocation(file: displayPath, line: line, column: column, length: length)
    }
}
