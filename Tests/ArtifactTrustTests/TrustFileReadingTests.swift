import ArtifactTrust
import Foundation
import TestSupport
import Testing

/// Trusted key files are read through GatewayConfig's POSIX reader: a `.pub` that cannot be read
/// is refused with the path and the reason, and a key file larger than 64 KiB is refused unread.
@Suite struct TrustFileReadingTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        /// Makes the unreadable entry `bad.pub` inside `directory`.
        let make: @Sendable (_ entry: URL) throws -> Void
        let reason: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "a directory named .pub", make: { entry in
            try FileManager.default.createDirectory(at: entry, withIntermediateDirectories: false)
        }, reason: "it is a directory"),
        Case(name: "a link to a missing file", make: { entry in
            try FileManager.default.createSymbolicLink(atPath: entry.path, withDestinationPath: "no-such-key.pub")
        }, reason: "no such file"),
        Case(name: "a key file over 64 KiB", make: { entry in
            try Data(repeating: 0x41, count: (64 << 10) + 1).write(to: entry)
        }, reason: "over the limit of 65536"),
    ]

    @Test(arguments: cases)
    func anUnreadableKeyFileNamesItsReason(_ test: Case) throws {
        let directory = try TemporaryDirectory.make("trust")
        defer { try? FileManager.default.removeItem(at: directory) }
        _ = try KeyFiles.generate(into: directory.path, keyId: "good")
        let entry = directory.appendingPathComponent("bad.pub")
        try test.make(entry)
        let error = #expect(throws: TrustStore.LoadError.self) { try TrustStore.load(paths: [directory.path]) }
        let description = error?.description ?? ""
        #expect(description.hasPrefix("cannot read \(entry.path): ") && description.contains(test.reason), "\(description)")
    }
}
