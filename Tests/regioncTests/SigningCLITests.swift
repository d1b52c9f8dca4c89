import Foundation
import Testing

/// keygen, compile with signing, verify, and a one-byte edit, through the built `regionc`.
@Suite struct SigningCLITests {
    @Test func signAndVerifyRoundTrip() throws {
        let directory = try CLITests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let keys = directory.appendingPathComponent("keys").path
        let output = directory.appendingPathComponent("out/gateway-config.json").path

        #expect(try CLITests.run(["keygen", "--out", keys, "--key-id", "k1"]).status == 0)
        let mode = try FileManager.default.attributesOfItem(atPath: keys + "/k1.key")[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o600)

        let compile = try CLITests.run(["compile", "regions", "-o", output, "--sign-key", keys + "/k1.key"])
        #expect(compile.status == 0, "\(compile.stderr)")
        #expect(FileManager.default.fileExists(atPath: output + ".sig"))

        let verified = try CLITests.run(["verify", "--config", output, "--trust", keys])
        #expect(verified.status == 0, "\(verified.stdout)")
        #expect(verified.stdout.contains("signed by k1"))

        var bytes = try Data(contentsOf: URL(fileURLWithPath: output))
        bytes[10] ^= 0x01
        try bytes.write(to: URL(fileURLWithPath: output))
        let tampered = try CLITests.run(["verify", "--config", output, "--trust", keys])
        #expect(tampered.status == 1)
        #expect(tampered.stdout.contains("DIGEST_MISMATCH"))

        let otherKeys = directory.appendingPathComponent("other").path
        #expect(try CLITests.run(["keygen", "--out", otherKeys, "--key-id", "k2"]).status == 0)
        #expect(try CLITests.run(["compile", "regions", "-o", output, "--sign-key", keys + "/k1.key"]).status == 0)
        let untrusted = try CLITests.run(["verify", "--config", output, "--trust", otherKeys + "/k2.pub"])
        #expect(untrusted.status == 1)
        #expect(untrusted.stdout.contains("UNTRUSTED_KEY"))
    }

    @Test func aReadablePrivateKeyIsRefusedAndNothingIsWritten() throws {
        let directory = try CLITests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let keys = directory.appendingPathComponent("keys").path
        #expect(try CLITests.run(["keygen", "--out", keys, "--key-id", "k1"]).status == 0)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: keys + "/k1.key")
        let output = directory.appendingPathComponent("gateway-config.json").path
        let run = try CLITests.run(["compile", "regions", "-o", output, "--sign-key", keys + "/k1.key"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("chmod 600"))
        #expect(!FileManager.default.fileExists(atPath: output))
    }
}

extension SigningCLITests {
    /// `--trust` given a directory that lacks the signer; no signature at all; keygen never overwrites.
    @Test func verifyNamesTheReasonAgainstATrustDirectory() throws {
        let directory = try CLITests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let keys = directory.appendingPathComponent("keys").path
        let otherKeys = directory.appendingPathComponent("other").path
        let output = directory.appendingPathComponent("gateway-config.json").path
        #expect(try CLITests.run(["keygen", "--out", keys, "--key-id", "k1"]).status == 0)
        #expect(try CLITests.run(["keygen", "--out", otherKeys, "--key-id", "k2"]).status == 0)
        #expect(try CLITests.run(["compile", "regions", "-o", output, "--sign-key", keys + "/k1.key"]).status == 0)
        let untrusted = try CLITests.run(["verify", "--config", output, "--trust", otherKeys])
        #expect(untrusted.status == 1, "\(untrusted.stdout)")
        #expect(untrusted.stdout.contains("UNTRUSTED_KEY"))
        // Both keys trusted (a rotation in progress): verified.
        #expect(try CLITests.run(["verify", "--config", output, "--trust", otherKeys, keys]).status == 0)
        // Compiling again without --sign-key removes the now-stale signature.
        #expect(try CLITests.run(["compile", "regions", "-o", output]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: output + ".sig"))
        let unsigned = try CLITests.run(["verify", "--config", output, "--trust", keys])
        #expect(unsigned.status == 1)
        #expect(unsigned.stdout.contains("MISSING_SIGNATURE"))
        #expect(try CLITests.run(["keygen", "--out", keys, "--key-id", "k1"]).status == 2, "never overwrites a key")
    }
}
