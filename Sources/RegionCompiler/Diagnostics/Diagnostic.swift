/// Where something is in an input file. Line and column are 1-based; the column counts
/// Unicode scalars, as libyaml does. `length` is how many columns to underline.
public struct SourceLocation: Sendable, Hashable, Comparable, Codable {
    /// The path shown to people, e.g. `regions/hk.yaml`.
    public let file: String
    public let line: Int
    public let column: Int
    public let length: Int

    package init(file: String, line: Int, column: Int, length: Int = 1) {
        self.file = file
        self.line = line
        self.column = column
        self.length = max(1, length)
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }

    /// The same place with length 1: where a value starts, whatever its extent.
    package var position: SourceLocation { SourceLocation(file: file, line: line, column: column) }
}

/// How a diagnostic counts: errors fail `validate` and `compile`; warnings never change the exit code.
public enum Severity: String, Sendable, Codable, Comparable {
    case error, warning

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .error && rhs == .warning }
}

/// A related place worth showing with a diagnostic ("first defined here").
public struct RelatedNote: Sendable, Hashable, Codable {
    public let location: SourceLocation
    public let message: String
}

/// One finding. Checks produce these as data; renderers alone turn them into text.
public struct Diagnostic: Sendable, Hashable, Codable {
    public package(set) var severity: Severity
    public package(set) var code: DiagnosticCode
    public package(set) var message: String
    public package(set) var location: SourceLocation
    public package(set) var hint: String?
    public package(set) var related: [RelatedNote]
    /// The text that, written over `location`, makes the correction the hint names (`settlement`
    /// for `settlment`); nil when the hint is advice rather than a replacement. Editors offer it
    /// as a quick fix (`regionc lsp`'s code actions), so no one parses it back out of the hint.
    public package(set) var fix: String?

    package init(_ severity: Severity = .error, _ code: DiagnosticCode, _ message: String, at location: SourceLocation,
                hint: String? = nil, related: [RelatedNote] = [], fix: String? = nil) {
        self.severity = severity
        self.code = code
        // Messages quote input: never a raw control character, never a 10 MB value (DisplayText).
        self.message = DisplayText.message(message)
        self.location = location
        self.hint = hint.map(DisplayText.message)
        self.related = related.map { RelatedNote(location: $0.location, message: DisplayText.message($0.message)) }
        self.fix = fix
    }

    package static func error(_ code: DiagnosticCode, _ message: String, at location: SourceLocation,
                             hint: String? = nil, related: [RelatedNote] = [], fix: String? = nil) -> Diagnostic {
        Diagnostic(.error, code, message, at: location, hint: hint, related: related, fix: fix)
    }

    package static func warning(_ code: DiagnosticCode, _ message: String, at location: SourceLocation,
                               hint: String? = nil, related: [RelatedNote] = []) -> Diagnostic {
        Diagnostic(.warning, code, message, at: location, hint: hint, related: related)
    }
}

extension Array where Element == Diagnostic {
    /// Report order: file, line, column, then code; exact repeats (a default reported for every region) once.
    public func sortedForReport() -> [Diagnostic] {
        var seen = Set<Diagnostic>()
        return filter { seen.insert($0).inserted }.sorted {
            ($0.location, $0.code.rawValue, $0.message) < ($1.location, $1.code.rawValue, $1.message)
        }
    }

    public var errorCount: Int { count { $0.severity == .error } }
    public var warningCount: Int { count { $0.severity == .warning } }
}

/// Lets a diagnostic travel as the failure of a `Result`.
extension Diagnostic: Error {}
