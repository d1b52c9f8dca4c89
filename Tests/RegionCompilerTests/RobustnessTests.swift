import Foundation
import GatewayConfig
import Testing
@testable import RegionCompiler
import RegionCorpus

/// Bad input is the normal case: thousands of mangled descriptors must each give diagnostics
/// with positions inside the file, and never crash the compiler. Deterministic (seeded).
@Suite struct RobustnessTests {
    enum Mutation: CaseIterable {
        case flipByte, deleteLine, duplicateLine, truncate, insertJunk, swapLines, indentLine
    }

    static func mutate(_ bytes: [UInt8], _ mutation: Mutation, _ random: inout SplitMix64) -> [UInt8] {
        guard !bytes.isEmpty else { return bytes }
        var result = bytes
        let position = Int(random.next() % UInt64(bytes.count))
        var lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let line = Int(random.next() % UInt64(max(1, lines.count)))
        switch mutation {
        case .flipByte:
            result[position] ^= UInt8(1 << (random.next() % 8))
            return result
        case .truncate:
            return Array(bytes.prefix(position))
        case .insertJunk:
            let junk: [[UInt8]] = [Array(": ".utf8), Array("&a ".utf8), Array("*a".utf8), [0x09], [0xFF], Array("{[".utf8),
                                   Array("- ".utf8), Array("\"".utf8), Array("!!str ".utf8), Array("999999999999999999999".utf8)]
            result.insert(contentsOf: junk[Int(random.next() % UInt64(junk.count))], at: position)
            return result
        case .deleteLine:
            lines.remove(at: line)
        case .duplicateLine:
            lines.insert(lines[line], at: line)
        case .swapLines:
            let other = Int(random.next() % UInt64(lines.count))
            lines.swapAt(line, other)
        case .indentLine:
            lines[line] = "  " + lines[line]
        }
        return Array(lines.joined(separator: "\n").utf8)
    }

    @Test func mangledDescriptorsNeverCrashAndPointInsideTheirFile() throws {
        let files = try InputLoader.load(directory: ShippedRegionsTests.regionsDirectory).files
        var random = SplitMix64(seed: 20261125)
        var withErrors = 0
        for round in 0..<1_500 {
            var mangled = files
            let target = Int(random.next() % UInt64(files.count))
            let mutation = Mutation.allCases[round % Mutation.allCases.count]
            let bytes = Self.mutate(files[target].bytes, mutation, &random)
            mangled[target] = SourceFile(name: files[target].name, displayPath: files[target].displayPath, bytes: bytes)
            let compilation = DescriptorCompiler.compile(mangled, directory: "regions")
            if compilation.hasErrors { withErrors += 1 } else { #expect(compilation.artifact != nil) }
            for diagnostic in compilation.diagnostics {
                let file = mangled.first { $0.displayPath == diagnostic.location.file }
                #expect(diagnostic.location.line >= 1 && diagnostic.location.column >= 1)
                if let file, diagnostic.code != .missingCatalog {
                    let lineCount = file.bytes.count { $0 == 0x0A } + 1
                    #expect(diagnostic.location.line <= lineCount, "\(diagnostic.code) \(diagnostic.location) in a \(lineCount)-line file, \(mutation), ends \(Array(file.bytes.suffix(12)))")
                }
            }
        }
        #expect(withErrors > 500, "the mutations should mostly break something: \(withErrors)")
    }
}
