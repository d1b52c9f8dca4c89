import ArtifactTrust
import Foundation
import GatewayConfig
import PaymentRouting
import RegionCompiler
import RegionCorpus

// Compiles a synthetic corpus of N regions in this process (split into regions directories of at
// most 249 regions, the ISO 3166 limit of one directory), then loads, verifies and builds routers
// from the artifacts. Prints wall times and the peak resident set size.
// Usage: scale-benchmark N [SEED]

func peakResidentMiB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024 // Linux reports KiB
}

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

let arguments = CommandLine.arguments
let regionCount = arguments.count > 1 ? Int(arguments[1]) ?? 10 : 10
let seed = arguments.count > 2 ? UInt64(arguments[2]) ?? 1 : 1
let clock = ContinuousClock()

let generated = clock.measure { _ = CorpusGenerator(regionCount: regionCount, seed: seed).generate() }
let shards = CorpusGenerator(regionCount: regionCount, seed: seed).generate()
let files = shards.map { shard in
    shard.map { SourceFile(name: $0.key, displayPath: $0.key, bytes: Array($0.value.utf8)) }
}
let inputBytes = files.joined().reduce(0) { $0 + $1.bytes.count }

var artifacts: [Data] = []
var errors = 0
var emitTime = Duration.zero
let compileTime = clock.measure {
    for shard in files {
        let compilation = DescriptorCompiler.compile(shard, directory: "corpus")
        errors += compilation.diagnostics.errorCount
        emitTime += clock.measure {
            if let bytes = try? compilation.artifactBytes() { artifacts.append(bytes) }
        }
    }
}
let compileRSS = peakResidentMiB()

let key = SigningKey(id: "bench", key: .init())
var trust = TrustStore()
if let publicKey = try? key.publicKey() { trust.trust(publicKey, id: "bench") }
let signatures = artifacts.map { try? key.sign(artifact: $0).encoded() }

var routers = 0
let loadTime = clock.measure {
    for (artifact, signature) in zip(artifacts, signatures) {
        guard case .success = SignatureVerifier.verify(artifact: artifact, signature: signature, trust: trust),
              (try? RouterLoader.load(data: artifact)) != nil else { continue }
        routers += 1
    }
}

print("""
regions \(regionCount) in \(shards.count) director\(shards.count == 1 ? "y" : "ies"), \(inputBytes / 1024) KiB of YAML, errors \(errors)
generate \(String(format: "%.3f", seconds(generated))) s
compile (parse, check, emit) \(String(format: "%.3f", seconds(compileTime))) s, of which emit \(String(format: "%.3f", seconds(emitTime))) s, peak RSS \(String(format: "%.0f", compileRSS)) MiB
load + verify + build \(routers) routers \(String(format: "%.3f", seconds(loadTime))) s, artifacts \(artifacts.reduce(0) { $0 + $1.count } / 1024) KiB
peak RSS overall \(String(format: "%.0f", peakResidentMiB())) MiB
""")
