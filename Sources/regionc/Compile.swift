import ArgumentParser
import ArtifactTrust
import Foundation
import GatewayConfig
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

    @Option(help: "Diagnostic format: text, json, github or sarif.")
    var format: DiagnosticFormat = .text

    @Option(help: "Ed25519 private key (PEM, mode 0600) to sign with; writes OUTPUT.sig.")
    var signKey: String?

    func run() throws {
        let compilation = try Terminal.usageOnFailure { try DescriptorCompiler.compile(directory: directory) }
        if compilation.hasErrors || !compilation.diagnostics.isEmpty {
            try DiagnosticPrinter.print(compilation, format: format)
        }
        guard !compilation.hasErrors, let artifact = compilation.artifact, let bytes = try compilation.artifactBytes() else {
            throw ExitCode(ExitStatus.inputErrors)
        }
        // Load the key before writing anything, so a bad key leaves the old artifact and signature alone.
        var signature: SignatureEnvelope?
        if let signKey {
            signature = try Terminal.usageOnFailure { try SigningKey.load(path: signKey).sign(artifact: bytes) }
        }
        do {
            try AtomicFileWriter.write(bytes, to: output)
            let signaturePath = SignatureEnvelope.path(forArtifact: output)
            if let signature {
                try AtomicFileWriter.write(try signature.encoded(), to: signaturePath)
            } else if FileManager.default.fileExists(atPath: signaturePath) {
                // A stale signature would describe other bytes: remove it.
                try FileManager.default.removeItem(atPath: signaturePath)
            }
        } catch {
            Terminal.printError("regionc: cannot write \(output): \(error.localizedDescription)")
            throw ExitCode(ExitStatus.usage)
        }
        if format == .text {
            print("wrote \(output): \(artifact.regions.count) regions, \(bytes.count) bytes, \(artifact.sourceDigest)")
            if let signature { print("signed \(SignatureEnvelope.path(forArtifact: output)) with key \(signature.keyId)") }
        }
    }
}
