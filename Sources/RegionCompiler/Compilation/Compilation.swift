import ArtifactTrust
import Foundation
import GatewayConfig

/// The outcome of compiling a regions directory: every diagnostic, and the artifact when there were no errors.
public struct Compilation: Sendable {
    public package(set) var diagnostics: [Diagnostic]
    public package(set) var artifact: GatewayArtifact?
    package var regions: [RegionDescriptor]
    /// Region files, then calendar files (named `calendars/<code>.yaml`).
    public package(set) var files: [SourceFile]
    /// The banking calendars each region follows.
    package var calendars = CalendarResolution()
    /// catalog.yaml as read, acquirers' health policies resolved (`regionc effective` shows them).
    package var catalog = Catalog()

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// The artifact's canonical bytes.
    public func artifactBytes() throws -> Data? {
        guard let artifact else { return nil }
        return try CanonicalJSON.encodeArtifact(artifact)
    }
}

/// Compiles region descriptors: load, decode, check, and emit only when everything holds.
public enum DescriptorCompiler {
    package static let catalogName = "catalog.yaml"
    package static let defaultsName = "defaults.yaml"

    /// What a file in the regions directory is: `catalog.yaml`/`.yml`, `defaults.yaml`/`.yml`, or a region.
    package enum Role: Sendable { case catalog, defaults, region }

    package static func role(of file: SourceFile) -> Role {
        switch file.name {
        case "catalog.yaml", "catalog.yml": .catalog
        case "defaults.yaml", "defaults.yml": .defaults
        default: .region
        }
    }

    /// Compiles listed directories: the listings' own diagnostics (entries not read) are reported too.
    package static func compile(_ listing: InputListing, calendars: InputListing = InputListing(files: []),
                               directory: String, asOf: CalendarDate? = nil) -> Compilation {
        compile(listing.files, calendarFiles: calendars.files, directory: directory, asOf: asOf,
                extraDiagnostics: listing.diagnostics + calendars.diagnostics)
    }

    /// Compiles the files of one regions directory (`directory` is only used to name missing files) and
    /// the banking calendars beside it. `asOf` judges the calendars' horizons (`validate --as-of`): it
    /// adds findings and never changes the artifact.
    public static func compile(_ inputFiles: [SourceFile], calendarFiles: [SourceFile] = [], directory: String = "regions",
                               asOf: CalendarDate? = nil) -> Compilation {
        compile(inputFiles, calendarFiles: calendarFiles, directory: directory, asOf: asOf, extraDiagnostics: [])
    }

    static func compile(_ inputFiles: [SourceFile], calendarFiles: [SourceFile], directory: String, asOf: CalendarDate?,
                        extraDiagnostics: [Diagnostic]) -> Compilation {
        var cache = CompileCache()
        return compile(inputFiles, calendarFiles: calendarFiles, directory: directory, asOf: asOf,
                       extraDiagnostics: extraDiagnostics, cache: &cache)
    }

    /// The one pipeline: what `cache` holds from an earlier compilation of the same texts is reused,
    /// and the result is the same as a compilation from an empty cache (`regionc lsp` re-checks this way).
    package static func compile(_ inputFiles: [SourceFile], calendarFiles: [SourceFile], directory: String,
                                asOf: CalendarDate?, extraDiagnostics: [Diagnostic], cache: inout CompileCache) -> Compilation {
        let files = inputFiles.sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
        let calendarFiles = calendarFiles.sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
        var diagnostics: [Diagnostic] = extraDiagnostics
        let (catalogFile, defaultsFile, regionFiles) = sortRoles(files, diagnostics: &diagnostics)
        let shared = cache.shared(.init(catalog: catalogFile, defaults: defaultsFile, directory: directory)) {
            var sharedDiagnostics: [Diagnostic] = []
            let (defaultsRoot, acquirerHealth) = readDefaults(defaultsFile, diagnostics: &sharedDiagnostics)
            let catalog = readCatalog(catalogFile, directory: directory, acquirerHealth: acquirerHealth,
                                      diagnostics: &sharedDiagnostics)
            return .init(defaultsRoot: defaultsRoot, catalog: catalog, diagnostics: sharedDiagnostics)
        }
        diagnostics += shared.diagnostics
        let catalog = shared.catalog
        let regions = compileRegions(regionFiles, defaults: shared.defaultsRoot, catalog: catalog, directory: directory,
                                     cache: &cache, diagnostics: &diagnostics)

        let (calendarDescriptors, calendarDiagnostics) = cache.calendarOutcome(calendarFiles) {
            CalendarCompiler.compile(calendarFiles)
        }
        diagnostics += calendarDiagnostics
        let calendars = CalendarResolver.resolve(calendars: calendarDescriptors, regions: regions)
        diagnostics += calendars.diagnostics
        diagnostics += ScheduleCalendarCheck.run(calendars, regions: regions)
        if let asOf { diagnostics += HorizonCheck.run(calendars, regions: regions, asOf: asOf) }

        let allFiles = files + calendarFiles
        let unparsed = filesNotComposed(diagnostics)
        for file in allFiles where !unparsed.contains(file.displayPath) { diagnostics += SchemaLineCheck.run(file) }

        var compilation = Compilation(diagnostics: diagnostics.sortedForReport(), artifact: nil, regions: regions, files: allFiles,
                                      calendars: calendars, catalog: catalog)
        guard !compilation.hasErrors else { return compilation }
        switch ArtifactBuilder.build(regions: regions, catalog: catalog, calendars: calendars,
                                     sourceDigest: Digest.sources(allFiles)) {
        case .success(let artifact): compilation.artifact = artifact
        case .failure(let diagnostic): compilation.diagnostics.append(diagnostic)
        }
        return compilation
    }

    /// The catalog, the defaults and the region files of a directory; a second catalog or defaults
    /// file (`catalog.yaml` beside `catalog.yml`) is reported and not read.
    static func sortRoles(_ files: [SourceFile], diagnostics: inout [Diagnostic])
        -> (catalog: SourceFile?, defaults: SourceFile?, regions: [SourceFile]) {
        let catalogFiles = files.filter { role(of: $0) == .catalog }
        let defaultsFiles = files.filter { role(of: $0) == .defaults }
        let catalogFile = catalogFiles.first
        let defaultsFile = defaultsFiles.first
        for extra in catalogFiles.dropFirst() + defaultsFiles.dropFirst() {
            diagnostics.append(.error(.duplicateInput, "`\(extra.name)` repeats `\((role(of: extra) == .catalog ? catalogFile : defaultsFile)?.name ?? "")`; it is not read",
                                      at: extra.location(line: 1, column: 1),
                                      hint: "keep one of the two files"))
        }
        return (catalogFile, defaultsFile, files.filter { role(of: $0) == .region })
    }

    /// The decoded catalog; a missing one is reported and marked, so regions are not buried in unknown ids.
    static func readCatalog(_ file: SourceFile?, directory: String, acquirerHealth: DefaultHealthPolicy? = nil,
                            diagnostics: inout [Diagnostic]) -> Catalog {
        var catalog = Catalog()
        guard let file else {
            catalog.isMissing = true
            diagnostics.append(.error(.missingCatalog, "there is no catalog.yaml in \(directory)",
                                      at: SourceLocation(file: InputLoader.displayPath(directory: directory, name: catalogName),
                                                         line: 1, column: 1),
                                      hint: "create it with `payment_methods:` and `acquirers:`; regions refer to its ids"))
            return catalog
        }
        let composed = YAMLComposer.compose(file)
        diagnostics += composed.diagnostics
        if let root = composed.root {
            let reader = FieldReader(primaryFile: file.displayPath, rootLocation: root.location)
            catalog = CatalogDecoder(reader: reader, acquirerHealth: acquirerHealth).decode(root)
            catalog.prepareSuggestions()
            diagnostics += reader.diagnostics
        }
        return catalog
    }

    /// The defaults' root node, decoded once for its own diagnostics, to be merged into every region,
    /// and its `acquirer_health`, the policy of every acquirer that names none.
    static func readDefaults(_ file: SourceFile?, diagnostics: inout [Diagnostic])
        -> (root: YAMLNode?, acquirerHealth: DefaultHealthPolicy?) {
        guard let file else { return (nil, nil) }
        let composed = YAMLComposer.compose(file)
        diagnostics += composed.diagnostics
        guard let root = composed.root else { return (nil, nil) }
        let reader = FieldReader(primaryFile: file.displayPath, rootLocation: root.location)
        let fields = RegionDecoder(reader: reader, mode: .defaults).decodeWithFields(root, file: file).fields
        let acquirerHealth = fields.flatMap { DefaultHealthPolicy.read($0, reader: reader) }
        diagnostics += reader.diagnostics
        // Merged even when it has errors: they are reported once (repeats are folded), and regions
        // relying on its good values are not buried under missing-field errors.
        return (root, acquirerHealth)
    }

    /// Every region file not in `cache` compiled on every core (they are independent once catalog and
    /// defaults are read), then checked for two files describing one region.
    static func compileRegions(_ files: [SourceFile], defaults: YAMLNode?, catalog: Catalog, directory: String,
                               cache: inout CompileCache, diagnostics: inout [Diagnostic]) -> [RegionDescriptor] {
        if files.isEmpty {
            diagnostics.append(.error(.noRegions, "there are no region descriptors in \(directory)",
                                      at: SourceLocation(file: directory, line: 1, column: 1),
                                      hint: "add one file per region, named after its code, e.g. `hk.yaml`"))
        }
        let outcomes = cache.regionOutcomes(files) { misses in
            ParallelMap.map(misses) { [catalog, defaults] miss in
                let decoded = miss.decoded ?? decodeRegion(miss.file, defaults: defaults)
                return (decoded, checkRegion(decoded, catalog: catalog))
            }
        }
        var regions: [RegionDescriptor] = []
        for outcome in outcomes {
            diagnostics += outcome.diagnostics
            if let descriptor = outcome.descriptor { regions.append(descriptor) }
        }
        diagnostics += checkUniqueRegions(regions)
        return regions
    }

    /// Parses one region file and reads it with the defaults merged in: what needs no catalog.
    static func decodeRegion(_ file: SourceFile, defaults: YAMLNode?) -> (descriptor: RegionDescriptor?, diagnostics: [Diagnostic]) {
        let composed = YAMLComposer.compose(file)
        var diagnostics = composed.diagnostics + checkFileName(file)
        guard let root = composed.root else { return (nil, diagnostics) }
        let merged = DefaultsMerger.mergeIntoRegion(defaults: defaults, into: root)
        let reader = FieldReader(primaryFile: file.displayPath, rootLocation: rootLocation(of: root, in: file))
        let descriptor = RegionDecoder(reader: reader, mode: .region).decode(merged, file: file)
        diagnostics += reader.diagnostics
        diagnostics += checkRegionMatchesFile(descriptor)
        return (descriptor, diagnostics)
    }

    /// A decoded region file's outcome once the checks against the catalog have run.
    static func checkRegion(_ decoded: (descriptor: RegionDescriptor?, diagnostics: [Diagnostic]), catalog: Catalog)
        -> (descriptor: RegionDescriptor?, diagnostics: [Diagnostic]) {
        guard let descriptor = decoded.descriptor else { return decoded }
        return (descriptor, decoded.diagnostics + RegionChecks.run(descriptor, catalog: catalog))
    }

    /// Loads and compiles a regions directory and its calendars: `calendars` when given (it must
    /// exist), else the `calendars` directory beside the regions directory when there is one.
    public static func compile(directory: String, calendars: String? = nil, asOf: CalendarDate? = nil) throws(InputError)
        -> Compilation {
        let regionListing = try InputLoader.load(directory: directory)
        let calendarListing = try CalendarCompiler.load(
            directory: calendars ?? CalendarCompiler.defaultDirectory(besideRegions: directory), required: calendars != nil)
        return compile(regionListing, calendars: calendarListing, directory: directory, asOf: asOf)
    }

    /// Files whose bytes could not be parsed (binary, encoding, empty): their schema line is moot.
    /// One pass over the diagnostics: a scan per file would be quadratic in the number of files.
    static func filesNotComposed(_ diagnostics: [Diagnostic]) -> Set<String> {
        let fatal: Set<DiagnosticCode> = [.binaryFile, .invalidUTF8, .emptyFile, .utf16File, .controlCharacter]
        return Set(diagnostics.lazy.filter { fatal.contains($0.code) }.map(\.location.file))
    }

    /// Where a missing top-level field is reported: the root mapping's first key.
    static func rootLocation(of root: YAMLNode, in file: SourceFile) -> SourceLocation {
        if case .mapping(let pairs) = root.kind, let first = pairs.first { return first.key.location }
        return root.location
    }

    static func expectedCode(of file: SourceFile) -> String? {
        let stem = file.name.hasSuffix(".yaml") ? file.name.dropLast(5) : file.name.dropLast(4)
        guard stem.count == 2, stem.allSatisfy({ $0.isASCII && $0.isLowercase }) else { return nil }
        return stem.uppercased()
    }

    static func checkFileName(_ file: SourceFile) -> [Diagnostic] {
        guard expectedCode(of: file) == nil else { return [] }
        return [.error(.badFileName, "`\(file.name)` is not named after a region code", at: file.location(line: 1, column: 1),
                       hint: "name region files by their lower-case ISO 3166 code, e.g. `hk.yaml`")]
    }

    static func checkRegionMatchesFile(_ region: RegionDescriptor) -> [Diagnostic] {
        guard let code = region.region, let expected = expectedCode(of: region.file), code.value.rawValue != expected else { return [] }
        return [.error(.regionFileMismatch, "region `\(code.value)` is in file `\(region.file.name)`", at: code.location,
                       hint: "rename the file to `\(code.value.rawValue.lowercased()).yaml`, or set `region: \(expected)`")]
    }

    static func checkUniqueRegions(_ regions: [RegionDescriptor]) -> [Diagnostic] {
        Diagnostic.repeats(in: regions, key: \.region, code: .duplicateRegion, { "region `\($0)` is described twice" },
                           hint: "keep one file per region", firstNote: "first described here")
    }
}
