import Foundation

/// The command line: `--regionc PATH --edits N --memory-edits N --regions N`, each optional.
struct Options {
    var regionc = ".build/release/regionc"
    var edits = 100
    var memoryEdits = 1_000
    var regions = 1_000

    init(_ arguments: [String]) {
        var rest = arguments.dropFirst()
        while let flag = rest.popFirst() {
            guard let value = rest.popFirst() else { Self.usage("\(flag) needs a value") }
            switch flag {
            case "--regionc": regionc = value
            case "--edits": edits = Self.count(value, flag)
            case "--memory-edits": memoryEdits = Self.count(value, flag)
            case "--regions": regions = Self.count(value, flag)
            default: Self.usage("unknown option \(flag)")
            }
        }
    }

    static func count(_ text: String, _ flag: String) -> Int {
        guard let value = Int(text), (1...1_000_000).contains(value) else { usage("\(flag) takes a count from 1 to 1000000") }
        return value
    }

    static func usage(_ problem: String) -> Never {
        FileHandle.standardError.write(Data("""
            lsp-benchmark: \(problem)
            usage: lsp-benchmark [--regionc PATH] [--edits N] [--memory-edits N] [--regions N]

            """.utf8))
        exit(2)
    }
}
