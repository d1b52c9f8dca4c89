import Foundation
import TestSupport
import Testing

/// keygen, compile with signing, verify, and a one-byte edit, through the built `regionc`.
@Suite struct SigningCLITests {
    @Test func signAndVerifyRoundTrip() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let keys = directory.appendingPathComponent("keys").path
        let output = directory.appendingPathComponent("out/gateway-config.json").path

        #expect(try CLI.run(["keygen", "--out", keys, "--key-id", "k1"]).status == 0)
        let mode = try FileManager.default.attributesOfItem(atPath: keys + "/k1.key")[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o600)

        let compile = try CLI.run(["compile", "regions", "-o", output, "--sign-key", keys + "/k1.key"])
        #expect(compile.status == 0, "\(compile.stderr)")
        #expect(FileManager.default.fileExists(atPath: output + ".sig"))

        let verified = try CLI.run(["verify", "--config", output, "--trust", keys])
        #expect(verified.status == 0, "\(verified.stdout)")
        #expect(verified.stdout.contains("signed by k1"))

        var bytes = try Data(contentsOf: URL(fileURLWithPath: output))
        bytes[10] ^= 0x01
        try bytes.write(to: URL(fileURLWithPath: output))
        let tampered = try CLI.run(["verify", "--config", output, "--trust", keys])
        #expect(tampered.status == 1)
        #expect(tampered.stdout.contains("DIGEST_MISMATCH"))

        let otherKeys = directory.appendingPathComponent("other").path
        #expect(try CLI.run(["keygen", "--out", otherKeys, "--key-id", "k2"]).status == 0)
        #expect(try CLI.run(["compile", "regions", "-o", output, "--sign-key", keys + "/k1.key"]).status == 0)
        let untrusted = try CLI.run(["verify", "--config", output, "--trust", otherKeys + "/k2.pub"])
        #expect(untrusted.status == 1)
        #expect(untrusted.stdout.contains("UNTRUSTED_KEY"))
    }

    @Test func aReadablePrivateKeyIsRefusedAndNothingIsWritten() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let keys = directory.appendingPathComponent("keys").path
        #expect(try CLI.run(["keygen", "--out", keys, "--key-id", "k1"]).status == 0)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: keys + "/k1.key")
        let output = directory.appendingPathComponent("gateway-config.json").path
        let run = try CLI.run(["compile", "regions", "-o", output, "--sign-key", keys + "/k1.key"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("chmod 600"))
        #expect(!FileManager.default.fileExists(atPath: output))
    }
}

extension SigningCLITests {
    /// `--trust` given a directory that lacks the signer; no signature at all; keygen never overwrites.
    @Test func verifyNamesTheReasonAgainstATrustDirectory() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let keys = directory.appendingPathComponent("keys").path
        let otherKeys = directory.appendingPathComponent("other").path
        let output = directory.appendingPathComponent("gateway-config.json").path
        #expect(try CLI.run(["keygen", "--out", keys, "--key-id", "k1"]).status == 0)
        #expect(try CLI.run(["keygen", "--out", otherKeys, "--key-id", "k2"]).status == 0)
        #expect(try CLI.run(["compile", "regions", "-o", output, "--sign-key", keys + "/k1.key"]).status == 0)
        let untrusted = try CLI.run(["verify", "--config", output, "--trust", otherKeys])
        #expect(untrusted.status == 1, "\(untrusted.stdout)")
        #expect(untrusted.stdout.contains("UNTRUSTED_KEY"))
        // Both keys trusted (a rotation in progress): verified.
        #expect(try CLI.run(["verify", "--config", output, "--trust", otherKeys, keys]).status == 0)
        // Compiling again without --sign-key removes the now-stale signature.
        #expect(try CLI.run(["compile", "regions", "-o", output]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: output + ".sig"))
        let unsigned = try CLI.run(["verify", "--config", output, "--trust", keys])
        #expect(unsigned.status == 1)
        #expect(unsigned.stdout.contains("MISSING_SIGNATURE"))
        #expect(try CLI.run(["keygen", "--out", keys, "--key-id", "k1"]).status == 2, "never overwrites a key")
    }
}

extension SigningCLITests {
    /// `--release-serial` goes into the signature only: the artifact bytes are the same with or without it.
    @Test func releaseSerialIsSignedAndVerifyPrintsIt() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let keys = directory.appendingPathComponent("keys").path
        let output = directory.appendingPathComponent("gateway-config.json").path
        let unsignedOutput = directory.appendingPathComponent("unsigned.json").path
        #expect(try CLI.run(["keygen", "--out", keys, "--key-id", "k1"]).status == 0)

        let compile = try CLI.run(["compile", "regions", "-o", output, "--sign-key", keys + "/k1.key", "--release-serial", "17"])
        #expect(compile.status == 0, "\(compile.stderr)")
        #expect(compile.stdout.contains("with key k1, release serial 17"))
        let envelope = try String(contentsOfFile: output + ".sig", encoding: .utf8)
        #expect(envelope.contains("\"format\":2,\"key_id\":\"k1\",\"release_serial\":17,\"signature\":"))
        #expect(try CLI.run(["compile", "regions", "-o", unsignedOutput]).status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: output)) == Data(contentsOf: URL(fileURLWithPath: unsignedOutput)))

        let verified = try CLI.run(["verify", "--config", output, "--trust", keys])
        #expect(verified.status == 0 && verified.stdout.contains("signed by k1, release serial 17"), "\(verified.stdout)")

        // The serial edited in the .sig: the signature no longer matches.
        try envelope.replacingOccurrences(of: "\"release_serial\":17", with: "\"release_serial\":18")
            .write(toFile: output + ".sig", atomically: true, encoding: .utf8)
        let edited = try CLI.run(["verify", "--config", output, "--trust", keys])
        #expect(edited.status == 1 && edited.stdout.contains("BAD_SIGNATURE"), "\(edited.stdout)")

        // Without a serial: format 1, and verify says so.
        #expect(try CLI.run(["compile", "regions", "-o", output, "--sign-key", keys + "/k1.key"]).status == 0)
        let plain = try CLI.run(["verify", "--config", output, "--trust", keys])
        #expect(plain.status == 0 && plain.stdout.contains("signed by k1, no release serial"), "\(plain.stdout)")
    }

    enum SerialMisuse: String, CaseIterable, Sendable { case withoutKey, negative, notANumber, tooLarge }

    @Test(arguments: SerialMisuse.allCases)
    func aReleaseSerialMisusedIsAUsageError(_ misuse: SerialMisuse) throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let keys = directory.appendingPathComponent("keys").path
        #expect(try CLI.run(["keygen", "--out", keys, "--key-id", "k1"]).status == 0)
        let output = directory.appendingPathComponent("gateway-config.json").path
        let key = ["--sign-key", keys + "/k1.key"]
        let arguments: [String] = switch misuse {
        case .withoutKey: ["--release-serial", "3"]
        case .negative: key + ["--release-serial", "-3"]
        case .notANumber: key + ["--release-serial", "three"]
        case .tooLarge: key + ["--release-serial", "18446744073709551616"]
        }
        let run = try CLI.run(["compile", "regions", "-o", output] + arguments)
        #expect(run.status == 2, "\(misuse): \(run.stderr)")
        if misuse == .withoutKey { #expect(run.stderr.contains("--release-serial needs --sign-key")) }
        #expect(!FileManager.default.fileExists(atPath: output), "\(misuse): nothing written")
    }

    /// Under `umask 000` the private key is still 0600; a key through a symbolic link to a 0400 file signs.
    @Test func keyModesUnderAnOpenUmaskAndThroughALink() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let keys = directory.appendingPathComponent("keys").path
        let keygen = try CLI.shell("umask 000 && exec \"$1\" keygen --out \"$2\" --key-id k1", [keys])
        #expect(keygen.status == 0)
        let mode = try FileManager.default.attributesOfItem(atPath: keys + "/k1.key")[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o600)

        try FileManager.default.setAttributes([.posixPermissions: 0o400], ofItemAtPath: keys + "/k1.key")
        let link = directory.appendingPathComponent("release.key").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: keys + "/k1.key")
        let output = directory.appendingPathComponent("gateway-config.json").path
        let compile = try CLI.run(["compile", "regions", "-o", output, "--sign-key", link, "--release-serial", "1"])
        #expect(compile.status == 0, "\(compile.stderr)")
        // The key id is the name it was given by: the link's.
        #expect(compile.stdout.contains("with key release, release serial 1"))
    }
}

/// What `keygen` asks of the kernel, traced: each key file is created by one exclusive open with its
/// final mode, and nothing is renamed into place or chmodded afterwards (so the private key is never
/// readable by others, even for a moment, and nothing that appeared at its path is replaced).
@Suite struct KeygenSyscallTests {
    static let strace = "/usr/bin/strace"

    /// strace is installed and may trace here (some containers forbid ptrace).
    static let canTrace: Bool = {
        guard FileManager.default.isExecutableFile(atPath: strace) else { return false }
        return (try? ProcessRunner.run(URL(fileURLWithPath: strace), ["-o", "/dev/null", "/bin/true"]))?.status == 0
    }()

    @Test(.enabled(if: canTrace, "needs strace and ptrace"))
    func eachKeyFileIsOneExclusiveOpenWithItsMode() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let keys = directory.appendingPathComponent("keys").path
        let log = directory.appendingPathComponent("trace.log").path
        let trace = try ProcessRunner.run(
            URL(fileURLWithPath: Self.strace),
            ["-f", "-e", "trace=open,openat,creat,rename,renameat,renameat2,link,linkat,chmod,fchmod,fchmodat",
             "-o", log, CLI.executable.path, "keygen", "--out", keys, "--key-id", "k1"])
        #expect(trace.status == 0)
        let lines = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n")
        for (name, mode) in [("k1.key", "0600"), ("k1.pub", "0644")] {
            // Any temporary file named after the key counts too.
            let touching = lines.filter { $0.contains(name) }
            #expect(touching.count == 1, "\(name): \(touching)")
            let open = try #require(touching.first)
            #expect(open.contains("O_CREAT") && open.contains("O_EXCL") && open.contains(", \(mode)) = "), "\(open)")
        }
        #expect(!lines.contains { $0.contains("rename") || $0.contains("chmod") }, "\(lines)")
    }
}
