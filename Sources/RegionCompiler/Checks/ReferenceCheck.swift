/// Method and acquirer ids (a route's primary and fallbacks) resolve in catalog.yaml, and each method is listed once.
enum ReferenceCheck: RegionCheck {
    static func run(_ region: RegionDescriptor, catalog: Catalog) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var seen: [String: SourceLocation] = [:]
        for method in region.methods {
            guard let id = method.method else { continue }
            if let first = seen[id.value] {
                diagnostics.append(.error(.duplicateMethod, "payment method `\(id.value)` is listed twice", at: id.location,
                                          hint: "merge the two entries", related: [RelatedNote(location: first, message: "first listed here")]))
            }
            seen[id.value] = seen[id.value] ?? id.location
            if let unknown = unknownMethod(id, catalog: catalog) { diagnostics.append(unknown) }
        }
        for route in region.routes {
            for id in route.methods ?? [] {
                if let unknown = unknownMethod(id, catalog: catalog) { diagnostics.append(unknown) }
            }
            // The primary and each fallback: one rule, one code (RC0402).
            for acquirer in route.candidates where !catalog.isMissing && catalog.acquirers[acquirer.value] == nil
                && !catalog.unreadableIds.contains(acquirer.value) {
                let role = acquirer.location == route.acquirer?.location ? "acquirer" : "fallback acquirer"
                let correction = catalog.acquirerSuggestions.correction(for: acquirer.value)
                diagnostics.append(.error(.unknownAcquirer, "\(role) `\(acquirer.value)` is not declared in catalog.yaml",
                                          at: acquirer.location,
                                          hint: correction?.hint ?? "declare it under `acquirers:` in catalog.yaml",
                                          fix: correction?.replacement))
            }
        }
        return diagnostics
    }

    static func unknownMethod(_ id: Located<String>, catalog: Catalog) -> Diagnostic? {
        guard !catalog.isMissing, catalog.methods[id.value] == nil, !catalog.unreadableIds.contains(id.value) else { return nil }
        let correction = catalog.methodSuggestions.correction(for: id.value)
        return .error(.unknownPaymentMethod, "payment method `\(id.value)` is not declared in catalog.yaml",
                      at: id.location,
                      hint: correction?.hint ?? "declare it under `payment_methods:` in catalog.yaml",
                      fix: correction?.replacement)
    }
}
