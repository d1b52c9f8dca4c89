import Foundation

// `regionc lsp` as an editor feels it: the time from a `textDocument/didChange` to the
// `textDocument/publishDiagnostics` it causes, median and p99 over N edits, with the server as a
// subprocess over stdio (framing, JSON and pipes included, as in an editor). Edits are sent one at
// a time, each after the last one's diagnostics arrived and after the tree was quiet for the
// server's debounce (50 ms; untimed), so each is a lone edit, which the server checks at once (a
// burst of typing is checked at its first change and again 50 ms after its last).
//
// Each edit rewrites the file's first line, its `# yaml-language-server: $schema=` line, to name
// `bench-<i>.json`: the text changes (the region, or after a catalog edit every region, is checked
// again), the tree stays free of errors (the artifact is still built, as after a real edit), and the
// file's RC0805 warning names the new value, so the server publishes after every edit and the
// benchmark can tell that publish from an earlier one.
//
// Trees: the shipped one (regions/ and calendars/ of the working directory), and 1,000 generated
// regions (`regionc generate-corpus --regions 1000`). A regions directory holds at most 249 regions
// (one per ISO 3166 code), so the generator writes 1,000 as 5 directories, each a whole tree with
// its catalog, and one `regionc lsp` checks one tree: the 1,000 are served as an editor with the 5
// directories open as workspace folders serves them, by 5 servers. A region edit reaches one of
// them; a catalog edit is measured twice: one directory's catalog (its 249 regions checked again),
// and all 5 catalogs changed at once, timed until the last server published (1,000 regions checked
// again, by 5 processes sharing the cores).
//
// Memory: the server's resident set (VmRSS) after 10 and after 1,000 region edits on the shipped tree.
//
// Usage (from the repository root, after `swift build -c release --product regionc`):
//   lsp-benchmark [--regionc .build/release/regionc] [--edits 100] [--memory-edits 1000] [--regions 1000]

let options = Options(CommandLine.arguments)
let regionc = URL(fileURLWithPath: options.regionc).standardizedFileURL
let repository = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
guard FileManager.default.isExecutableFile(atPath: regionc.path) else {
    Options.usage("\(regionc.path) is not an executable: build it with `swift build -c release --product regionc`")
}

/// One edited buffer on one server.
struct Target {
    var server: LanguageServerProcess
    var uri: String
}

let clock = ContinuousClock()
/// When the last edit was sent: the next waits until the tree has been quiet for the server's
/// debounce, with a margin for the pipe, so the server takes it as a lone edit.
var lastEdit: ContinuousClock.Instant?
let quiet = Duration.milliseconds(Report.debounceMilliseconds + 20)

/// Sends edit `number` to every target at once; returns the time from the first send until every
/// target's server has published the warning that names it.
@MainActor
func timeEdit(_ number: Int, _ targets: [Target]) throws -> Duration {
    if let lastEdit, clock.now < lastEdit + quiet { Thread.sleep(until: Date() + Report.seconds(lastEdit + quiet - clock.now)) }
    let start = clock.now
    lastEdit = start
    let schemaLine = "# yaml-language-server: $schema=../schemas/bench-\(number).json"
    for target in targets { try target.server.replaceFirstLine(of: target.uri, with: schemaLine) }
    let marker = "bench-\(number).json"
    for target in targets {
        try target.server.waitForDiagnostics(of: target.uri) { diagnostics in
            diagnostics.contains { ($0["message"] as? String)?.contains(marker) == true }
        }
    }
    return clock.now - start
}

var editNumber = 0

/// Times `count` edits after 3 that warm up (the first one waits for the whole tree's check).
@MainActor
func measure(_ label: String, _ targets: [Target], count: Int) throws {
    var times: [Duration] = []
    for round in 0..<(count + 3) {
        editNumber += 1
        let time = try timeEdit(editNumber, targets)
        if round >= 3 { times.append(time) }
    }
    Report.latency(label, times)
}

let work = FileManager.default.temporaryDirectory.appendingPathComponent("lsp-benchmark-\(getpid())")
try? FileManager.default.removeItem(at: work)
try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: work) }

Report.say("regionc lsp (\(regionc.path)): didChange -> publishDiagnostics over stdio, \(options.edits) lone edits each "
    + "(each after \(Report.debounceMilliseconds + 20) ms of quiet, past the server's \(Report.debounceMilliseconds) ms debounce, so none waits for it)")

// The shipped tree: a region edit, a catalog edit, then memory over many region edits.
do {
    let server = try LanguageServerProcess(regionc: regionc, root: repository)
    let region = Target(server: server, uri: try server.open(repository.appendingPathComponent("regions/hk.yaml")))
    let catalog = Target(server: server, uri: try server.open(repository.appendingPathComponent("regions/catalog.yaml")))
    try measure("shipped tree, region edit (hk.yaml)", [region], count: options.edits)
    try measure("shipped tree, catalog edit", [catalog], count: options.edits)

    var residentAfter10: Int?
    for done in 1...options.memoryEdits {
        editNumber += 1
        _ = try timeEdit(editNumber, [region])
        if done == 10 { residentAfter10 = server.residentKiB() }
    }
    Report.memory(after10: residentAfter10, afterAll: server.residentKiB(), edits: options.memoryEdits)
    try server.shutDown()
}

// The generated tree: 1,000 regions in directories of at most 249, a server each.
do {
    let corpus = work.appendingPathComponent("corpus")
    let generate = Process()
    generate.executableURL = regionc
    generate.arguments = ["generate-corpus", "--regions", "\(options.regions)", "--seed", "1", "--out", corpus.path]
    generate.standardOutput = FileHandle.nullDevice
    try generate.run()
    generate.waitUntilExit()
    guard generate.terminationStatus == 0 else { Options.usage("regionc generate-corpus failed") }
    let shards = try FileManager.default.contentsOfDirectory(atPath: corpus.path).filter { $0.hasPrefix("shard-") }.sorted()
    let directories = shards.isEmpty ? [corpus] : shards.map { corpus.appendingPathComponent($0) }

    var catalogs: [Target] = []
    for directory in directories {
        let server = try LanguageServerProcess(regionc: regionc, root: directory)
        catalogs.append(Target(server: server, uri: try server.open(directory.appendingPathComponent("catalog.yaml"))))
    }
    guard let first = catalogs.first, let firstDirectory = directories.first else { Options.usage("generate-corpus wrote nothing") }
    let regionName = try FileManager.default.contentsOfDirectory(atPath: firstDirectory.path)
        .filter { $0.hasSuffix(".yaml") && $0 != "catalog.yaml" && $0 != "defaults.yaml" }.sorted().first ?? "catalog.yaml"
    let region = Target(server: first.server, uri: try first.server.open(firstDirectory.appendingPathComponent(regionName)))

    // Every server's whole tree is checked before anything is timed.
    editNumber += 1
    _ = try timeEdit(editNumber, catalogs)
    let label = "\(options.regions) generated regions (\(directories.count) director\(directories.count == 1 ? "y" : "ies"), a server each)"
    try measure("\(label), region edit (\(firstDirectory.lastPathComponent)/\(regionName))", [region], count: options.edits)
    try measure("\(label), catalog edit of one directory", [first], count: options.edits)
    try measure("\(label), catalog edit of every directory at once", catalogs, count: options.edits)
    for catalog in catalogs { try catalog.server.shutDown() }
}
