import Foundation
import Testing

/// `regionc verify` reads the artifact and its `.sig` through the POSIX reader: what cannot be read
/// is exit 2 naming the path and the reason; a missing `.sig` is a verdict (MISSING_SIGNATURE, exit 1).
@Suite struct VerifyReadingCLITests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        /// Sets up `gateway-config.json` (and its `.sig`) in the directory, after a signed compile.
        let spoil: @Sendable (_ artifact: URL) throws -> Void
        let status: Int32
        let stderr: String
        let stdout: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "artifact is a directory", spoil: { artifact in
            try FileManager.default.removeItem(at: artifact)
            try FileManager.default.createDirectory(at: artifact, withIntermediateDirectories: false)
        }, status: 2, stderr: "gateway-config.json: it is a directory", stdout: ""),
        Case(name: "artifact is missing", spoil: { artifact in
            try FileManager.default.removeItem(at: artifact)
        }, status: 2, stderr: "gateway-config.json: no such file", stdout: ""),
        Case(name: "signature is a directory", spoil: { artifact in
            let signature = URL(fileURLWithPath: artifact.path + ".sig")
            try FileManager.default.removeItem(at: signature)
            try FileManager.default.createDirectory(at: signature, withIntermediateDirectories: false)
        }, status: 2, stderr: "gateway-config.json.sig: it is a directory", stdout: ""),
        Case(name: "signature over 64 KiB", spoil: { artifact in
            try Data(repeating: 0x20, count: (64 << 10) + 1).write(to: URL(fileURLWithPath: artifact.path + ".sig"))
        }, status: 2, stderr: "gateway-config.json.sig: it is 65537 bytes, over the limit of 65536", stdout: ""),
        Case(name: "signature is missing", spoil: { artifact in
            try FileManager.default.removeItem(atPath: artifact.path + ".sig")
        }, status: 1, stderr: "", stdout: "not verified [MISSING_SIGNATURE]"),
    ]

    @Test(arguments: cases)
    func unreadableFilesNameTheirReason(_ test: Case) throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let keys = directory.appendingPathComponent("keys").path
        let artifact = directory.appendingPathComponent("gateway-config.json")
        #expect(try CLI.run(["keygen", "--out", keys, "--key-id", "k1"]).status == 0)
        #expect(try CLI.run(["compile", "regions", "-o", artifact.path, "--sign-key", keys + "/k1.key"]).status == 0)
        try test.spoil(artifact)
        let run = try CLI.run(["verify", "--config", artifact.path, "--trust", keys])
        #expect(run.status == test.status, "\(run.stdout)\(run.stderr)")
        // An empty expectation means nothing to look for (`"".contains("")` is false).
        #expect(test.stderr.isEmpty || run.stderr.contains(test.stderr), "\(run.stderr)")
        #expect(test.stdout.isEmpty || run.stdout.contains(test.stdout), "\(run.stdout)")
    }
}
