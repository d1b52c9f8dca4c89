import ArgumentParser
import ArtifactTrust
import Foundation

struct Keygen: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create an Ed25519 signing key pair for release artifacts.",
        discussion: """
        Writes KEYDIR/<key-id>.key (PKCS #8 PEM, created with mode 0600) and KEYDIR/<key-id>.pub \
        (SubjectPublicKeyInfo PEM). The key id is the file name; signatures name it. Nothing that exists \
        at either path is ever overwritten.
        """
    )

    @Option(help: "Directory to write the key pair into.") var out: String
    @Option(help: "Key id, e.g. release-2026 (default: release-<UTC date>).") var keyId: String?

    func run() throws {
        let id = keyId ?? "release-\(ISO8601DateFormatter.string(from: Date(), timeZone: .gmt, formatOptions: [.withFullDate]))"
        guard !id.isEmpty, id.allSatisfy({ $0.isLetter || $0.isNumber || "-_.".contains($0) }) else {
            Terminal.printError("regionc: key id `\(id)` may only hold letters, digits, `-`, `_` and `.`")
            throw ExitCode(ExitStatus.usage)
        }
        do {
            let paths = try KeyFiles.generate(into: out, keyId: id)
            print("wrote \(paths.privatePath) (private, mode 0600) and \(paths.publicPath); key id \(id)")
        } catch {
            Terminal.printError("regionc: \(error)")
            throw ExitCode(ExitStatus.usage)
        }
    }
}
