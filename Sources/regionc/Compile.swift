import ArgumentParser
import Foundation
import RegionCompiler

struct Compile: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compile the region descriptors into one canonical gateway-config.json.",
        discussion: "Nothing is written when there are errors; the artifact is replaced atomically."
    )

    @Argument(help: "The regions directory.")
    var directory = "regions"

    @Option(name: .shortAndLong, help: "Where to write the artifact, e.g. build/gateway-config.json.")
    var output: String

    @Option(help: "Diagnostic format: text or json.")
    var format: DiagnosticFormat = .text

    func run() throws {
        let compilation: Compilation
        do {
            compilation = try DescriptorCompiler.compile(directory: directory)
        } catch {
            Terminal.printError("regionc: \(error)")
            throw ExitCode(ExitStatus.usage)
        }
        if compilation.hasErrors || !compilation.diagnostics.isEmpty {
            try DiagnosticPrinter.print(compilation, format: format)
        }
        guard !compilation.hasErrors, let artifact = compilation.artifact, let bytes = try compilation.artifactBytes() else {
            throw ExitCode(ExitStatus.inputErrors)
        }
        do {
            try AtomicFileWriter.write(bytes, to: output)
        } catch {
            Terminal.printError("regionc: cannot write \(output): \(error.localizedDescription)")
            throw ExitCode(ExitStatus.usage)
        }
        if format == .text {
            print("wrote \(output): \(artifact.regions.count) regions, \(bytes.count) bytes, \(artifact.sourceDigest)")
        }
    }
}
