import ArgumentParser
import ArtifactTrust
import Foundation
import GatewayConfig
import PaymentRouting

struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check that a trusted key signed exactly these artifact bytes (and its release serial).",
        discussion: "Exit status: 0 verified, 1 not (the reason is printed), 2 usage or unreadable files."
    )

    @Option(help: "The artifact; its signature is FILE.sig.") var config: String
    @Option(parsing: .upToNextOption, help: "Trusted public keys: .pub/.pem files or directories of .pub files.")
    var trust: [String]

    func run() throws {
        // The POSIX reader names why a file cannot be read (a directory, a permission); a missing
        // signature is no error here: the verdict says the artifact has none.
        let artifact = try Terminal.usageOnFailure { Data(try FileReader.read(path: config, limit: ArtifactLoader.maximumBytes)) }
        let signaturePath = SignatureEnvelope.path(forArtifact: config)
        var signature: Data?
        if FileStamp(path: signaturePath) != .missing {
            signature = try Terminal.usageOnFailure {
                Data(try FileReader.read(path: signaturePath, limit: SignatureEnvelope.maximumBytes))
            }
        }
        let store = try Terminal.usageOnFailure { try TrustStore.load(paths: trust) }
        let digest = Digest.sha256Hex(artifact)
        switch SignatureVerifier.verify(artifact: artifact, digest: digest, signature: signature, trust: store) {
        case .success(let verified):
            let serial = verified.releaseSerial.map { "release serial \($0)" } ?? "no release serial"
            print("verified: \(config) signed by \(verified.keyId), \(serial) (sha256 \(digest))")
        case .failure(let error):
            print("not verified [\(error.code)]: \(error.description)")
            throw ExitCode(ExitStatus.inputErrors)
        }
    }
}
