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

    @OptionGroup var regions: RegionsDirectory

    @Option(name: .shortAndLong, help: "Where to write the artifact, e.g. build/gateway-config.json.")
    var output: String

    @Option(help: "Diagnostic format: text, json, github or sarif.")
    var format: DiagnosticFormat = .text

    @Option(help: "Ed25519 private key (PEM, mode 0600) to sign with; writes OUTPUT.sig.")
    var signKey: String?

    @Option(help: "The release's serial (a non-negative integer), signed with the digest in OUTPUT.sig; needs --sign-key.")
    var releaseSerial: UInt64?

    @OptionGroup var calendars: CalendarsDirectory

    @Option(help: "Also judge calendar horizons as of this date, YYYY-MM-DD, as validate does. Never changes the artifact.")
    var asOf: String?

    func run() throws {
        if releaseSerial != nil, signKey == nil {
            Terminal.printError("regionc: --release-serial needs --sign-key: the serial lives in the signature")
            throw ExitCode(ExitStatus.usage)
        }
        // A device node or directory as -o, or as its signature path, is refused before anything
        // is compiled, so a bad signature path never leaves a new artifact behind.
        try Terminal.usageOnFailure {
            try AtomicFileWriter.checkTarget(output, refusingInputs: [])
            try AtomicFileWriter.checkTarget(SignatureEnvelope.path(forArtifact: output), refusingInputs: [])
        }
        let date = try AsOfDate.parse(asOf)
        let compilation = try Terminal.usageOnFailure {
            try DescriptorCompiler.compile(directory: regions.directory, calendars: calendars.path, asOf: date)
        }
        if compilation.hasErrors || !compilation.diagnostics.isEmpty {
            try DiagnosticPrinter.print(compilation, format: format)
        }
        guard !compilation.hasErrors, let artifact = compilation.artifact, let bytes = try compilation.artifactBytes() else {
            throw ExitCode(ExitStatus.inputErrors)
        }
        // Load the key before writing anything, so a bad key leaves the old artifact and signature alone.
        var signature: SignatureEnvelope?
        if let signKey {
            signature = try Terminal.usageOnFailure { try SigningKey.load(path: signKey).sign(artifact: bytes, releaseSerial: releaseSerial) }
        }
        let inputs = compilation.files.compactMap(\.realPath)
        do {
            // Both files are written and flushed before either is renamed, and the signature goes
            // first: a kill in between leaves the old artifact with the new signature (refused as a
            // digest mismatch, the last good release keeps serving), never a new artifact paired
            // with an old signature.
            let artifactFile = try AtomicFileWriter.prepare(Array(bytes), to: output, refusingInputs: inputs)
            let signaturePath = SignatureEnvelope.path(forArtifact: output)
            if let signature {
                let signatureFile: AtomicFileWriter.PreparedFile
                do {
                    signatureFile = try AtomicFileWriter.prepare(Array(signature.encoded()), to: signaturePath, refusingInputs: inputs)
                } catch {
                    artifactFile.discard()
                    throw error
                }
                try signatureFile.commit()
            } else if FileManager.default.fileExists(atPath: signaturePath) {
                // checkTarget above made sure it is a regular file, never a directory to delete whole.
                // A stale signature would describe other bytes: remove it before the new artifact lands.
                try FileManager.default.removeItem(atPath: signaturePath)
            }
            try artifactFile.commit()
        } catch let error as FileWriteError {
            Terminal.printError("regionc: \(error)")
            throw ExitCode(ExitStatus.usage)
        } catch {
            Terminal.printError("regionc: cannot write \(output): \(error.localizedDescription)")
            throw ExitCode(ExitStatus.usage)
        }
        if format == .text {
            print("wrote \(output): \(artifact.regions.count) regions, \(bytes.count) bytes, \(artifact.sourceDigest)")
            if let signature {
                let serial = signature.releaseSerial.map { ", release serial \($0)" } ?? ""
                print("signed \(SignatureEnvelope.path(forArtifact: output)) with key \(signature.keyId)\(serial)")
            }
        }
    }
}
