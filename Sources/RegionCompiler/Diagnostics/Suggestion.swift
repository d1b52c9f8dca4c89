/// A correction of a mistake: the text to write instead, and the hint that names it.
package struct Correction: Sendable, Hashable {
    package let replacement: String
    /// What a diagnostic says: "did you mean `x`?" (`hint` and `fix` of one diagnostic come from here).
    package let hint: String

    package init(replacement: String, hint: String? = nil) {
        self.replacement = replacement
        self.hint = hint ?? "did you mean `\(replacement)`?"
    }
}

/// "Did you mean" suggestions by edit distance.
package enum Suggestion {
    /// The closest candidate within a distance that still reads as a typo, or nil.
    package static func closest(to input: String, among candidates: some Sequence<String>) -> String? {
        SuggestionIndex(candidates).closest(to: input)
    }

    /// A ready hint: "did you mean `x`?" or nil.
    package static func hint(for input: String, among candidates: some Sequence<String>) -> String? {
        correction(for: input, among: candidates)?.hint
    }

    /// The closest candidate as a correction (its hint and its replacement text), or nil.
    package static func correction(for input: String, among candidates: some Sequence<String>) -> Correction? {
        closest(to: input, among: candidates).map { Correction(replacement: $0) }
    }

    /// Levenshtein distance with adjacent transpositions counted as one edit (`settlmeent`).
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        boundedEditDistance(a, b, limit: Swift.max(a.count, b.count)) ?? Swift.max(a.count, b.count)
    }

    /// The same, or nil as soon as it must exceed `limit`: a row whose every cell is over the
    /// limit ends the computation, so a far candidate costs a row or two, not the whole table.
    static func boundedEditDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int? {
        if abs(a.count - b.count) > limit { return nil }
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = Swift.min(value, previousPrevious[j - 2] + 1)
                }
                current[j] = value
                rowMinimum = Swift.min(rowMinimum, value)
            }
            // A transposition reaches back two rows, so stop only when both rows are over the limit.
            if rowMinimum > limit, previous.min() ?? 0 > limit { return nil }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[b.count] <= limit ? previous[b.count] : nil
    }
}

/// Candidates prepared once (lower-cased, grouped by length, with a character signature), so
/// suggesting against a large catalog is not one full edit-distance table per id: only ids of a
/// near length whose characters could be within the distance are measured, and each measure stops
/// at the bound. 4,000 misses against 20,000 ids take a fraction of a second.
package struct SuggestionIndex: Sendable {
    struct Candidate: Sendable {
        let text: String
        let scalars: [Unicode.Scalar]
        let signature: UInt64
    }

    let byLength: [Int: [Candidate]]

    package init(_ candidates: some Sequence<String>) {
        var byLength: [Int: [Candidate]] = [:]
        for text in candidates {
            let scalars = Array(text.lowercased().unicodeScalars)
            byLength[scalars.count, default: []].append(Candidate(text: text, scalars: scalars, signature: Self.signature(scalars)))
        }
        self.byLength = byLength
    }

    /// One bit per character class present: an edit changes at most two bits, so candidates whose
    /// signatures differ in more than twice the allowed distance cannot be close.
    static func signature(_ scalars: [Unicode.Scalar]) -> UInt64 {
        scalars.reduce(UInt64(0)) { $0 | (1 << UInt64($1.value % 64)) }
    }

    package func closest(to input: String) -> String? {
        let needle = Array(input.lowercased().unicodeScalars)
        guard !needle.isEmpty, needle.count <= 64 else { return nil }
        let threshold = max(1, min(3, needle.count / 3))
        let needleSignature = Self.signature(needle)
        var best: (distance: Int, candidate: String)?
        for length in max(0, needle.count - threshold)...(needle.count + threshold) {
            for candidate in byLength[length] ?? [] {
                guard (candidate.signature ^ needleSignature).nonzeroBitCount <= 2 * threshold else { continue }
                let limit = min(threshold, best?.distance ?? threshold)
                guard let distance = Suggestion.boundedEditDistance(needle, candidate.scalars, limit: limit) else { continue }
                if distance < (best?.distance ?? .max) || (distance == best?.distance && candidate.text < (best?.candidate ?? "")) {
                    best = (distance, candidate.text)
                }
            }
        }
        return best?.candidate
    }

    /// A ready hint: "did you mean `x`?" or nil.
    package func hint(for input: String) -> String? {
        correction(for: input)?.hint
    }

    package func correction(for input: String) -> Correction? {
        closest(to: input).map { Correction(replacement: $0) }
    }
}
