import GatewayConfig
import RegionCompiler

/// Re-checks the tree after changes and publishes what it finds. A lone change is compiled at
/// once; a burst of changes (typing) once more, `debounce` after its last. A compilation reuses
/// what the last one checked (`CompileCache`: only the changed region, or every region after a
/// catalog or defaults change), and gives exactly the diagnostics `regionc validate` gives for the
/// same texts. Every file with
/// a diagnostic gets its list; a file that had one and has none now gets an empty list.
package actor DiagnosticsEngine {
    private let workspace: Workspace
    private let client: ClientConnection
    private let debounce: Duration
    private let sleeper: any Sleeper
    private let today: @Sendable () -> CalendarDate

    private var cache = CompileCache()
    private var pending: Task<Void, Never>?
    private var compiling = false
    /// When the last change was scheduled (the sleeper's time).
    private var lastChange: Duration?
    private var rerun = false
    /// The listing problem last logged, so it is logged once, not after every keystroke.
    private var reportedProblem: String?
    /// What each URI was last sent, for URIs last sent at least one diagnostic.
    private var published: [String: [LSPDiagnostic]] = [:]
    /// The last compilation and the snapshot it compiled (hover, completion and the like read it).
    package private(set) var latest: (compilation: Compilation, snapshot: WorkspaceSnapshot)?
    /// Compilations run (tests check a burst of changes compiles once).
    package private(set) var compilationCount = 0

    package init(workspace: Workspace, client: ClientConnection, debounce: Duration, sleeper: any Sleeper,
                 today: @escaping @Sendable () -> CalendarDate) {
        self.workspace = workspace
        self.client = client
        self.debounce = debounce
        self.sleeper = sleeper
        self.today = today
    }

    /// Region files parsed and checked so far (tests check a change re-checks only its region).
    package var regionCompileCount: Int { cache.regionCompileCount }

    /// Compiles after a change: at once when the tree was quiet (no change for `debounce`) and no
    /// compilation runs, so a lone edit is answered without waiting; otherwise `debounce` after
    /// this change, unless another comes first (it restarts the wait), so a burst of typing is
    /// compiled once at its start and once after it.
    package func schedule() {
        pending?.cancel()
        let now = sleeper.now()
        let quiet = lastChange.map { now - $0 >= debounce } ?? true
        lastChange = now
        if quiet, !compiling {
            pending = Task { await self.compileAndPublish() }
            return
        }
        pending = Task { [sleeper, debounce] in
            do {
                try await sleeper.sleep(for: debounce)
            } catch {
                return
            }
            await self.compileAndPublish()
        }
    }

    /// Compiles the tree as it is now and publishes; a call while a compilation runs makes that
    /// compilation run once more when it ends, so the last state is always the one published.
    package func compileAndPublish() async {
        guard !compiling else {
            rerun = true
            return
        }
        compiling = true
        defer { compiling = false }
        repeat {
            rerun = false
            let snapshot = await workspace.snapshot()
            if let problem = snapshot.listingProblem {
                // No tree to check (the editor was opened elsewhere): say so once, check nothing.
                if problem != reportedProblem { await client.log(MessageType.error, "regionc lsp: \(problem)") }
                reportedProblem = problem
                continue
            }
            reportedProblem = nil
            let inputs = snapshot.compileInputs()
            let asOf = today()
            let directory = snapshot.root.regions
            let cacheIn = cache
            cache = CompileCache()
            let (compilation, cacheOut) = await BlockingWork.run { [cacheIn] in
                var working = cacheIn
                let compilation = DescriptorCompiler.compile(inputs.files, calendarFiles: inputs.calendarFiles,
                                                             directory: directory, asOf: asOf,
                                                             extraDiagnostics: inputs.listingDiagnostics, cache: &working)
                return (compilation, working)
            }
            cache = cacheOut
            compilationCount += 1
            latest = (compilation, snapshot)
            await publish(compilation, snapshot: snapshot)
        } while rerun
    }

    private func publish(_ compilation: Compilation, snapshot: WorkspaceSnapshot) async {
        let files = Dictionary(compilation.files.map { ($0.displayPath, $0) }, uniquingKeysWith: { first, _ in first })
        var byURI: [String: [LSPDiagnostic]] = [:]
        for diagnostic in compilation.diagnostics {
            let converted = DiagnosticConversion.convert(diagnostic, uri: snapshot.uri(ofDisplayPath:),
                                                         lineText: { path, line in files[path]?.line(line) })
            byURI[snapshot.uri(ofDisplayPath: diagnostic.location.file), default: []].append(converted)
        }
        // Only what changed is sent: a keystroke in one region does not resend a thousand files' lists.
        for uri in published.keys.filter({ byURI[$0] == nil }).sorted() {
            await client.notify("textDocument/publishDiagnostics", PublishDiagnosticsParams(uri: uri, diagnostics: []))
        }
        for (uri, diagnostics) in byURI.sorted(by: { $0.key < $1.key }) where published[uri] != diagnostics {
            await client.notify("textDocument/publishDiagnostics", PublishDiagnosticsParams(uri: uri, diagnostics: diagnostics))
        }
        published = byURI
    }
}
