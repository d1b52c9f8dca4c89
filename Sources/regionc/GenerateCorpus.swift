import ArgumentParser
import Foundation
import GatewayConfig
import RegionCompiler
import RegionCorpus

/// Hidden: writes a synthetic corpus for benchmarks (see BENCHMARKS.md).
struct GenerateCorpus: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate-corpus",
        abstract: "Write N synthetic valid region descriptors from a seed (for benchmarks).",
        shouldDisplay: false
    )

    @Option(help: "How many region descriptors.") var regions: Int = 10
    @Option(help: "Payment methods in the catalog.") var methods: Int = 500
    @Option(help: "Seed; the same seed writes the same bytes.") var seed: UInt64 = 1
    @Option(help: "Output directory. Up to 249 regions: a regions directory; more: shard-000, shard-001, ...")
    var out: String

    func run() throws {
        let shards = CorpusGenerator(regionCount: regions, methodCount: methods, seed: seed).generate()
        for (index, shard) in shards.enumerated() {
            let directory = shards.count == 1 ? out : FilePaths.join(out, String(format: "shard-%03d", index))
            for (name, text) in shard {
                try Terminal.usageOnFailure {
                    try AtomicFileWriter.write(Array(text.utf8), to: FilePaths.join(directory, name))
                }
            }
        }
        print("wrote \(regions) regions in \(shards.count) director\(shards.count == 1 ? "y" : "ies") under \(out)")
    }
}
