import GatewayConfig

/// What one compilation of a tree can hand the next, so an editor's keystroke re-checks only what
/// it touched (`regionc lsp`). A one-shot compile starts from an empty cache and ends the same way
/// as every later one: the cache never changes a result, only what is recomputed to get it.
///
/// - the catalog and defaults, read once per text of both (and the directory their messages name);
/// - each region file as decoded (`decodeRegion`: parsed, merged with defaults, typed), reused
///   while its text and the defaults are the same: a catalog edit re-runs only the checks;
/// - each region file's outcome (`checkRegion` on the decoded file), reused while its text and the
///   catalog and defaults it was checked against are the same; a new catalog or defaults text
///   drops them all (a new defaults text drops the decoded files too);
/// - the calendar files' outcome, reused while every calendar file's text is the same.
/// Checks across files (a region described twice, calendar resolution, schedule against calendars,
/// horizons, schema lines, the artifact) are cheap and always rerun.
package struct CompileCache: Sendable {
    package typealias RegionOutcome = (descriptor: RegionDescriptor?, diagnostics: [Diagnostic])
    typealias CalendarOutcome = (calendars: [CalendarDescriptor], diagnostics: [Diagnostic])

    /// The inputs every region is checked against.
    struct SharedKey: Equatable {
        var catalog: SourceFile?
        var defaults: SourceFile?
        var directory: String
    }

    /// The catalog and defaults as read, with their own diagnostics.
    struct Shared: Sendable {
        var defaultsRoot: YAMLNode?
        var catalog: Catalog
        var diagnostics: [Diagnostic]
    }

    private var sharedKey: SharedKey?
    private var shared: Shared?
    /// By display path: the text last decoded and the result (checked against no catalog).
    private var decoded: [String: (file: SourceFile, outcome: RegionOutcome)] = [:]
    /// By display path: the text last checked and its outcome.
    private var regions: [String: (file: SourceFile, outcome: RegionOutcome)] = [:]
    private var calendars: (files: [SourceFile], outcome: CalendarOutcome)?

    /// How many region files were checked since the cache was made (tests count re-checks).
    package private(set) var regionCompileCount = 0
    /// How many region files were parsed and decoded since the cache was made.
    package private(set) var regionDecodeCount = 0
    /// How many times the catalog and defaults were read.
    package private(set) var sharedReadCount = 0
    /// How many times the calendar files were read.
    package private(set) var calendarReadCount = 0

    package init() {}

    /// The catalog and defaults for these files: the ones read last when their texts are the same;
    /// otherwise read anew by `read`, and every region outcome is dropped (it was checked against
    /// the old ones).
    mutating func shared(_ key: SharedKey, read: () -> Shared) -> Shared {
        if let shared, sharedKey == key { return shared }
        let fresh = read()
        // A file decoded under other defaults is decoded again; a catalog alone changes only the checks.
        if sharedKey?.defaults != key.defaults || sharedKey?.directory != key.directory { decoded = [:] }
        sharedKey = key
        shared = fresh
        regions = [:]
        sharedReadCount += 1
        return fresh
    }

    /// Each file's outcome, in the order of `files`: reused when its text was checked last time,
    /// else computed by `compile` from the file and its decoded form when that is still good (all
    /// misses at once, so they can run in parallel). Outcomes of files no longer present are forgotten.
    mutating func regionOutcomes(
        _ files: [SourceFile],
        compile: ([(file: SourceFile, decoded: RegionOutcome?)]) -> [(decoded: RegionOutcome, checked: RegionOutcome)]
    ) -> [RegionOutcome] {
        let misses = files.filter { regions[$0.displayPath]?.file != $0 }
        let inputs = misses.map { file in
            (file: file, decoded: decoded[file.displayPath].flatMap { $0.file == file ? $0.outcome : nil })
        }
        var fresh: [String: (file: SourceFile, outcome: RegionOutcome)] = [:]
        var freshDecoded: [String: (file: SourceFile, outcome: RegionOutcome)] = [:]
        for (input, result) in zip(inputs, compile(inputs)) {
            fresh[input.file.displayPath] = (input.file, result.checked)
            freshDecoded[input.file.displayPath] = (input.file, result.decoded)
            if input.decoded == nil { regionDecodeCount += 1 }
        }
        regionCompileCount += misses.count
        var kept: [String: (file: SourceFile, outcome: RegionOutcome)] = [:]
        var keptDecoded: [String: (file: SourceFile, outcome: RegionOutcome)] = [:]
        let outcomes = files.map { file -> RegionOutcome in
            if let entry = freshDecoded[file.displayPath] ?? decoded[file.displayPath] { keptDecoded[file.displayPath] = entry }
            let entry = fresh[file.displayPath] ?? regions[file.displayPath]
            guard let entry else { return (nil, []) }
            kept[file.displayPath] = entry
            return entry.outcome
        }
        regions = kept
        decoded = keptDecoded
        return outcomes
    }

    /// The calendar files' outcome: the last one when every file's text is the same.
    mutating func calendarOutcome(_ files: [SourceFile], compile: () -> CalendarOutcome) -> CalendarOutcome {
        if let calendars, calendars.files == files { return calendars.outcome }
        let outcome = compile()
        calendars = (files, outcome)
        calendarReadCount += 1
        return outcome
    }
}
