/// "Did you mean" suggestions by edit distance.
package enum Suggestion {
    /// The closest candidate within a distance that still reads as a typo, or nil.
    package static func closest(to input: String, among candidates: some Sequence<String>) -> String? {
        let needle = Array(input.lowercased().unicodeScalars)
        guard !needle.isEmpty, needle.count <= 64 else { return nil }
        let threshold = max(1, min(3, needle.count / 3))
        var best: (distance: Int, candidate: String)?
        for candidate in candidates {
            let distance = editDistance(needle, Array(candidate.lowercased().unicodeScalars))
            if distance <= threshold, distance < (best?.distance ?? .max) || (distance == best?.distance && candidate < (best?.candidate ?? "")) {
                best = (distance, candidate)
            }
        }
        return best?.candidate
    }

    /// Levenshtein distance with adjacent transpositions counted as one edit (`settlmeent`).
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = Swift.min(value, previousPrevious[j - 2] + 1)
                }
                current[j] = value
            }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[b.count]
    }

    /// A ready hint: "did you mean `x`?" or nil.
    package static func hint(for input: String, among candidates: some Sequence<String>) -> String? {
        closest(to: input, among: candidates).map { "did you mean `\($0)`?" }
    }
}
