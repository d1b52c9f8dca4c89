import Foundation
import GatewayConfig
import MallocInterposerSwift
import PaymentRouting
import RegionCompiler

// Measures one routing decision on the shipped config: median and p99 nanoseconds per
// decision (over batches), and heap allocations per decision (counted by malloc-interposer);
// each case twice in the same run, by a router without a health tracker and by one with (what
// regiond runs since failover), and a failover case; then outcome ingestion per second.

/// Allocation counting needs the interposer preloaded; re-exec with LD_PRELOAD when it is not.
func ensureInterposerPreloaded() {
    #if os(Linux)
    let environment = ProcessInfo.processInfo.environment
    guard environment["LD_PRELOAD"]?.contains("libMallocInterposerSwift") != true else { return }
    let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    let library = executable.deletingLastPathComponent().appendingPathComponent("libMallocInterposerSwift.so").path
    guard FileManager.default.fileExists(atPath: library) else { return }
    setenv("LD_PRELOAD", library, 1)
    var arguments = CommandLine.arguments.map { strdup($0) }
    arguments.append(nil)
    execv(executable.path, &arguments)
    #endif
}

ensureInterposerPreloaded()

let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

/// The shipped regions compiled into a router; `editing` rewrites a region file's text first (in a
/// temporary copy of `regions/` and `calendars/`), so a variant goes through the compiler like any change.
func shippedArtifact(editing file: String? = nil, _ edit: (String) -> String = { $0 }) throws -> GatewayArtifact {
    var directory = root
    if let file {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("routing-benchmark-\(getpid())")
        try? FileManager.default.removeItem(at: directory)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for name in ["regions", "calendars"] {
            try FileManager.default.copyItem(at: root.appendingPathComponent(name), to: directory.appendingPathComponent(name))
        }
        let path = directory.appendingPathComponent("regions").appendingPathComponent(file)
        let text = try String(contentsOf: path, encoding: .utf8)
        let edited = edit(text)
        guard edited != text else {
            print("the edit of \(file) changed nothing: the benchmark's variant no longer matches the shipped file")
            exit(1)
        }
        try edited.write(to: path, atomically: true, encoding: .utf8)
    }
    defer { if file != nil { try? FileManager.default.removeItem(at: directory) } }
    let compilation = try DescriptorCompiler.compile(directory: directory.appendingPathComponent("regions").path)
    guard let artifact = compilation.artifact else {
        print("the regions do not compile (\(file ?? "shipped")): \(compilation.diagnostics.count) diagnostics")
        exit(1)
    }
    return artifact
}

let shipped = try shippedArtifact()
// A pilot with a large allow list: HK with 10,000 allowed merchant ids.
let largeAllow = try shippedArtifact(editing: "hk.yaml") { text in
    text.replacingOccurrences(of: "allow: [shop_1001, shop_1002]",
                              with: "allow: [" + (0..<10_000).map { "allowed_\($0)" }.joined(separator: ", ") + "]")
}
// HK's antom-hk routes fall back to antom-sg (whatever the shipped files say), for the failover
// case: edited in the artifact's JSON (the benchmark sees only the libraries' public API).
func withHKFallback(_ artifact: GatewayArtifact) throws -> Data {
    guard var object = try JSONSerialization.jsonObject(with: try JSONEncoder().encode(artifact)) as? [String: Any],
          var regions = object["regions"] as? [String: Any], var hk = regions["HK"] as? [String: Any],
          let routes = hk["routes"] as? [[String: Any]] else {
        print("the artifact has no HK routes")
        exit(1)
    }
    hk["routes"] = routes.map { route -> [String: Any] in
        var route = route
        if route["acquirer"] as? String == "antom-hk" { route["fallback"] = ["antom-sg"] }
        return route
    }
    regions["HK"] = hk
    object["regions"] = regions
    return try JSONSerialization.data(withJSONObject: object)
}

/// The decision path as before failover (no tracker) and as regiond runs it (a tracker, nothing ejected).
let tracker = HealthTracker()
let downTracker = HealthTracker()
downTracker.markDown("antom-hk")
let router = try CheckoutRouter(artifact: shipped)
let trackedRouter = try CheckoutRouter(artifact: shipped, health: tracker)
let largeAllowRouter = try CheckoutRouter(artifact: largeAllow)
let trackedLargeAllowRouter = try CheckoutRouter(artifact: largeAllow, health: tracker)
let failoverRouter = try RouterLoader.load(data: try withHKFallback(shipped), health: downTracker)

func request(_ region: String, _ merchant: String, _ method: String, _ amount: String, _ at: String) -> RouteRequest {
    guard case .success(let parsed) = RequestParser.parse(region: region, merchant: merchant, method: method, amount: amount, at: at) else {
        print("bad benchmark request \(region) \(merchant)")
        exit(1)
    }
    return parsed
}

let hkAllowListed = request("HK", "shop_1001", "ALIPAY_CN", "99.00 HKD", "2026-12-01T03:00:00Z")
let usLive = request("US", "shop_12345", "ALIPAY_CN", "120.50 USD", "2026-12-01T15:00:00Z")
let hkFX = request("HK", "shop_1001", "ALIPAY_CN", "99.00 USD", "2026-12-01T03:00:00Z")
let hkOut = request("HK", "shop_999999", "ALIPAY_CN", "120.50 HKD", "2026-12-01T03:00:00Z")
let largeIn = request("HK", "allowed_7777", "ALIPAY_CN", "120.50 HKD", "2026-12-01T03:00:00Z")
// After HK's last scheduled step (live from 2027-03-01 in the shipped plan; a build without
// schedules still has HK as a pilot then, where shop_1001 is allow-listed): routed in both.
let hkAfterLastStep = request("HK", "shop_1001", "ALIPAY_CN", "99.00 HKD", "2027-03-15T03:00:00Z")
let cases: [(name: String, router: CheckoutRouter, request: RouteRequest)] = [
    ("routed (US live, ALIPAY_CN USD)", router, usLive),
    ("  same, health tracked", trackedRouter, usLive),
    ("routed (HK pilot, allow-listed, FX)", router, hkFX),
    ("  same, health tracked", trackedRouter, hkFX),
    ("routed (HK pilot, allow-listed, HKD via antom-hk)", router, hkAllowListed),
    ("  same, health tracked", trackedRouter, hkAllowListed),
    ("  same, antom-hk down: failover to antom-sg", failoverRouter, hkAllowListed),
    ("routed (HK after its last scheduled step, HKD via antom-hk)", router, hkAfterLastStep),
    ("  same, health tracked", trackedRouter, hkAfterLastStep),
    ("declined (HK pilot, not in rollout)", router, hkOut),
    ("  same, health tracked", trackedRouter, hkOut),
    ("declined (unknown region)", router, request("ZZ", "shop_1", "ALIPAY_CN", "1.00 USD", "2026-12-01T03:00:00Z")),
    ("routed (HK pilot, 10,000-id allow list, allowed)", largeAllowRouter, largeIn),
    ("  same, health tracked", trackedLargeAllowRouter, largeIn),
    ("declined (HK pilot, 10,000-id allow list, not listed)", largeAllowRouter,
     request("HK", "shop_999999", "ALIPAY_CN", "120.50 HKD", "2026-12-01T03:00:00Z")),
]

// Single-threaded benchmark: the sink only defeats dead-code elimination.
nonisolated(unsafe) var sink = 0
@inline(never)
func consume(_ decision: RouteDecision) {
    switch decision {
    case .route(let payment): sink &+= payment.settlementDate.day &+ payment.route.utf8.count
    case .decline(let reason): sink &+= reason.rawValue.utf8.count
    }
}

let batches = 200
let perBatch = 5_000
MallocInterposerSwift.initialize()
print("decisions: \(batches) batches x \(perBatch) per case, release build")
print("case | median ns | p99 ns | allocations per decision")
for (name, router, request) in cases {
    for _ in 0..<20_000 { consume(router.route(request)) } // warm up
    var samples: [Double] = []
    let clock = ContinuousClock()
    for _ in 0..<batches {
        let elapsed = clock.measure {
            for _ in 0..<perBatch { consume(router.route(request)) }
        }
        let nanoseconds = Double(elapsed.components.seconds) * 1e9 + Double(elapsed.components.attoseconds) / 1e9
        samples.append(nanoseconds / Double(perBatch))
    }
    samples.sort()
    let median = samples[samples.count / 2]
    let p99 = samples[min(samples.count - 1, samples.count * 99 / 100)]
    let counted = 100_000
    MallocInterposerSwift.hook()
    for _ in 0..<counted { consume(router.route(request)) }
    MallocInterposerSwift.unhook()
    let stats = MallocInterposerSwift.getStatistics()
    let allocations = Double(stats.mallocCount) / Double(counted)
    print("\(name) | \(String(format: "%.0f", median)) | \(String(format: "%.0f", p99)) | \(String(format: "%.3f", allocations))")
    MallocInterposerSwift.reset()
}

// Outcome ingestion: `HealthTracker.record` on one thread, then on every core at once (each
// acquirer has its own lock: one acquirer is the contended case, one each the spread one).
let outcomes: [AcquirerOutcome] = [.success, .success, .success, .decline, .failure]
let acquirers = ["antom-us", "antom-sg", "antom-hk", "antom-in", "antom-kr", "antom-id", "antom-ph", "antom-my"]
let ingestTracker = HealthTracker()
_ = try CheckoutRouter(artifact: shipped, health: ingestTracker)
func ingest(_ count: Int, acquirer: String, start: Int64) {
    for index in 0..<count {
        _ = ingestTracker.record(outcomes[index % outcomes.count], for: acquirer,
                                 at: Instant(secondsSinceEpoch: start + Int64(index / 1000)))
    }
}
let perThread = 2_000_000
let clock = ContinuousClock()
let single = clock.measure { ingest(perThread, acquirer: "antom-hk", start: 1_800_000_000) }
let cores = ProcessInfo.processInfo.activeProcessorCount
func parallel(spread: Bool) -> Duration {
    clock.measure {
        DispatchQueue.concurrentPerform(iterations: cores) { thread in
            ingest(perThread, acquirer: spread ? acquirers[thread % acquirers.count] : "antom-hk", start: 1_900_000_000)
        }
    }
}
let contended = parallel(spread: false)
let spread = parallel(spread: true)
func perSecond(_ count: Int, _ elapsed: Duration) -> String {
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    return String(format: "%.1f M/s", Double(count) / seconds / 1e6)
}
print("")
print("outcomes recorded (HealthTracker.record) | per second")
print("1 thread, 1 acquirer | \(perSecond(perThread, single))")
print("\(cores) threads, 1 acquirer | \(perSecond(perThread * cores, contended))")
print("\(cores) threads, 1 acquirer each | \(perSecond(perThread * cores, spread))")
if sink == 42 { print("") }
