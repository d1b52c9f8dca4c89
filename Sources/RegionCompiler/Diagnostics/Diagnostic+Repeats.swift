extension Diagnostic {
    /// The rule "each of these is given once" (a route name in its region, a region in the
    /// directory, a market among the calendars): an error at every repeat, pointing back at the
    /// first. `key` is nil for an item that names nothing (reported elsewhere).
    static func repeats<Item, Key: Hashable & Sendable>(in items: [Item], key: (Item) -> Located<Key>?, code: DiagnosticCode,
                                                        _ message: (Key) -> String, hint: String,
                                                        firstNote: String) -> [Diagnostic] {
        var first: [Key: SourceLocation] = [:]
        var diagnostics: [Diagnostic] = []
        for item in items {
            guard let key = key(item) else { continue }
            if let earlier = first[key.value] {
                diagnostics.append(.error(code, message(key.value), at: key.location, hint: hint,
                                          related: [RelatedNote(location: earlier, message: firstNote)]))
            } else {
                first[key.value] = key.location
            }
        }
        return diagnostics
    }
}
