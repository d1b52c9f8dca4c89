import Foundation

/// What the benchmark prints: latencies as median and p99, memory in MiB.
enum Report {
    /// The server's quiet time after a burst of changes (`regionc lsp --debounce-milliseconds`).
    static let debounceMilliseconds = 50

    /// One line on standard output, written at once (not held in a buffer while the benchmark runs on).
    static func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1_000 + Double(duration.components.attoseconds) / 1e15
    }

    /// The nearest-rank percentile of sorted values.
    static func percentile(_ sorted: [Duration], _ fraction: Double) -> Duration {
        guard !sorted.isEmpty else { return .zero }
        let rank = Int((fraction * Double(sorted.count)).rounded(.up))
        return sorted[min(sorted.count, max(1, rank)) - 1]
    }

    static func latency(_ label: String, _ times: [Duration]) {
        let sorted = times.sorted()
        let median = milliseconds(percentile(sorted, 0.5))
        let p99 = milliseconds(percentile(sorted, 0.99))
        say(String(format: "%@: median %.1f ms, p99 %.1f ms, %d edits", label, median, p99, times.count))
    }

    static func memory(after10: Int?, afterAll: Int?, edits: Int) {
        func mebibytes(_ kibibytes: Int?) -> String { kibibytes.map { String(format: "%.1f MiB", Double($0) / 1024) } ?? "unknown" }
        var line = "shipped tree, server RSS after 10 region edits \(mebibytes(after10)), after \(edits) \(mebibytes(afterAll))"
        if let after10, let afterAll, after10 > 0 {
            line += String(format: " (%+.1f%%)", Double(afterAll - after10) / Double(after10) * 100)
        }
        say(line)
    }
}
