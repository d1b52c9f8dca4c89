import Foundation
import GatewayConfig
import MallocInterposerSwift
import PaymentRouting
import RegionCompiler

// Measures one routing decision on the shipped config: median and p99 nanoseconds per
// decision (over batches), and heap allocations per decision (counted by malloc-interposer).

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
func shippedRouter(editing file: String? = nil, _ edit: (String) -> String = { $0 }) throws -> CheckoutRouter {
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
    return try CheckoutRouter(artifact: artifact)
}

let router = try shippedRouter()
// A pilot with a large allow list: HK with 10,000 allowed merchant ids.
let largeAllowRouter = try shippedRouter(editing: "hk.yaml") { text in
    text.replacingOccurrences(of: "allow: [shop_1001, shop_1002]",
                              with: "allow: [" + (0..<10_000).map { "allowed_\($0)" }.joined(separator: ", ") + "]")
}

func request(_ region: String, _ merchant: String, _ method: String, _ amount: String, _ at: String) -> RouteRequest {
    guard case .success(let parsed) = RequestParser.parse(region: region, merchant: merchant, method: method, amount: amount, at: at) else {
        print("bad benchmark request \(region) \(merchant)")
        exit(1)
    }
    return parsed
}

let cases: [(name: String, router: CheckoutRouter, request: RouteRequest)] = [
    ("routed (US live, ALIPAY_CN USD)", router, request("US", "shop_12345", "ALIPAY_CN", "120.50 USD", "2026-12-01T15:00:00Z")),
    ("routed (HK pilot, allow-listed, FX)", router, request("HK", "shop_1001", "ALIPAY_CN", "99.00 USD", "2026-12-01T03:00:00Z")),
    ("declined (HK pilot, not in rollout)", router, request("HK", "shop_999999", "ALIPAY_CN", "120.50 HKD", "2026-12-01T03:00:00Z")),
    ("declined (unknown region)", router, request("ZZ", "shop_1", "ALIPAY_CN", "1.00 USD", "2026-12-01T03:00:00Z")),
    ("routed (HK pilot, 10,000-id allow list, allowed)", largeAllowRouter,
     request("HK", "allowed_7777", "ALIPAY_CN", "120.50 HKD", "2026-12-01T03:00:00Z")),
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
if sink == 42 { print("") }
