/// How many diagnostics a run shows, as compilers bound theirs: at most `perFile` for one file and
/// `perRun` in all, in report order, with a count of the rest. The counts in summaries and the exit
/// code still cover every diagnostic; only what is printed is bounded, so a million mistakes print
/// in a second, not a gigabyte.
package struct DiagnosticBudget: Sendable {
    package static let standard = DiagnosticBudget(perFile: 200, perRun: 1_000)

    package var perFile: Int
    package var perRun: Int

    package init(perFile: Int, perRun: Int) {
        self.perFile = perFile
        self.perRun = perRun
    }

    package struct Selection: Sendable {
        package var shown: [Diagnostic]
        /// Per file, in report order: diagnostics not shown.
        package var omitted: [(file: String, count: Int)]
        package var omittedCount: Int { omitted.reduce(0) { $0 + $1.count } }
    }

    package func select(_ diagnostics: [Diagnostic]) -> Selection {
        var shown: [Diagnostic] = []
        var omitted: [(file: String, count: Int)] = []
        var perFileCount: [String: Int] = [:]
        var omittedIndex: [String: Int] = [:]
        for diagnostic in diagnostics {
            let file = diagnostic.location.file
            let count = perFileCount[file, default: 0]
            if count < perFile, shown.count < perRun {
                shown.append(diagnostic)
                perFileCount[file] = count + 1
            } else if let index = omittedIndex[file] {
                omitted[index].count += 1
            } else {
                omittedIndex[file] = omitted.count
                omitted.append((file, 1))
            }
        }
        return Selection(shown: shown, omitted: omitted)
    }

    /// The lines that account for what was not shown: one a file for the first ten files, then one
    /// line for the rest (20,000 files each with an error print 11 such lines, not 19,000).
    func omissionLines(_ selection: Selection) -> [(file: String?, text: String)] {
        var lines = selection.omitted.prefix(10).map { (file: Optional($0.file), text: omissionLine(file: $0.file, count: $0.count)) }
        let rest = selection.omitted.dropFirst(10)
        if !rest.isEmpty {
            let count = rest.reduce(0) { $0 + $1.count }
            lines.append((nil, "\(count) more diagnostic\(count == 1 ? "" : "s") in \(rest.count) more file\(rest.count == 1 ? "" : "s") not shown"))
        }
        return lines
    }

    /// `412 more diagnostics in regions/hk.yaml not shown (at most 200 a file, 1,000 a run)`.
    func omissionLine(file: String, count: Int) -> String {
        "\(count) more diagnostic\(count == 1 ? "" : "s") in \(DisplayText.name(file)) not shown "
            + "(at most \(perFile) a file, \(perRun) a run)"
    }
}
