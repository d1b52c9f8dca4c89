import ArtifactTrust
import Foundation
import GatewayConfig
import PaymentRouting
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The file source reads a release only when it may serve and only when it changed: a file over the
/// cap is refused from its size, unread, and files whose stamps did not move are not read again.
@Suite struct ReleaseFileTests {
    static let fourGiB: Int64 = 4 << 30

    /// A store on `release.path` as the service makes it: read only when looked at.
    static func watching(_ release: Release, limit: Int = ReleaseBytes.maximumBytes) -> ConfigStore {
        ConfigStore(watching: release.path.path, policy: .required(release.trust), persistenceDirectory: nil,
                    maximumReleaseBytes: limit)
    }

    /// Which of the release's two files is made 4 GiB (sparse: no disk, no memory unless read).
    @Test(arguments: ["artifact", "signature"]) func aFourGiBReleaseFileIsRefusedFromItsSizeUnread(_ which: String) throws {
        let release = try Release()
        defer { release.cleanUp() }
        let path = which == "artifact" ? release.path.path : SignatureEnvelope.path(forArtifact: release.path.path)
        try #require(truncate(path, off_t(Self.fourGiB)) == 0, "truncate: \(String(cString: strerror(errno)))")
        let store = Self.watching(release)
        let result = try #require(store.lookAtFile())
        guard case .rejected(let failure, let status) = result else {
            Issue.record("a 4 GiB \(which) was not refused: \(result)")
            return
        }
        #expect(failure.code == "UNREADABLE")
        // The whole size in the reason: refused from `stat`, before a byte was read (a refusal while
        // reading would name what was read, at most the cap and one chunk).
        #expect(failure.message.contains("\(path)"), "\(failure.message)")
        #expect(failure.message.contains("it is \(Self.fourGiB) bytes, over the limit of \(ReleaseBytes.maximumBytes)"),
                "\(failure.message)")
        #expect(status.lastFailure == failure)
        #expect(!status.isReady)
        // Unchanged since: not read (or refused) again.
        #expect(store.lookAtFile() == nil)
        #expect(store.status.reloads.rejected == 1)
    }

    /// The cap at the artifact's size, and one byte below it.
    @Test(arguments: [0, -1]) func theCapIsTheLargestFileRead(_ belowSize: Int) throws {
        let release = try Release()
        defer { release.cleanUp() }
        let limit = release.good.count + belowSize
        let result = try #require(Self.watching(release, limit: limit).lookAtFile())
        switch (belowSize, result) {
        case (0, .loaded): break
        case (-1, .rejected(let failure, _)):
            #expect(failure.code == "UNREADABLE")
            #expect(failure.message.contains("it is \(release.good.count) bytes, over the limit of \(limit)"), "\(failure.message)")
        default: Issue.record("a \(release.good.count)-byte artifact under a cap of \(limit): \(result)")
        }
    }

    /// Changes to a release's files, each of which its stamp must see (and the untouched case, which it must not).
    struct Change: Sendable, CustomTestStringConvertible {
        var testDescription: String
        var stampChanges: Bool
        var apply: @Sendable (Release) throws -> Void
    }

    static let changes: [Change] = [
        Change(testDescription: "untouched", stampChanges: false, apply: { _ in }),
        Change(testDescription: "read", stampChanges: false, apply: { release in _ = try Data(contentsOf: release.path) }),
        Change(testDescription: "the same bytes written in place", stampChanges: true, apply: { release in
            let handle = try FileHandle(forWritingTo: release.path)
            try handle.write(contentsOf: release.good)
            try handle.close()
        }),
        Change(testDescription: "the same bytes renamed over it", stampChanges: true, apply: { release in
            let temporary = release.directory.appendingPathComponent("next.json")
            try release.good.write(to: temporary)
            try #require(rename(temporary.path, release.path.path) == 0)
        }),
        Change(testDescription: "its modification time set back", stampChanges: true, apply: { release in
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 0)], ofItemAtPath: release.path.path)
        }),
        Change(testDescription: "its signature removed", stampChanges: true, apply: { release in
            try FileManager.default.removeItem(atPath: SignatureEnvelope.path(forArtifact: release.path.path))
        }),
        Change(testDescription: "its signature rewritten in place", stampChanges: true, apply: { release in
            let path = SignatureEnvelope.path(forArtifact: release.path.path)
            let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
            try handle.write(contentsOf: bytes)
            try handle.close()
        }),
    ]

    @Test(arguments: changes) func aReleaseStampSeesEveryChangeAndOnlyChanges(_ change: Change) throws {
        let release = try Release()
        defer { release.cleanUp() }
        let before = ReleaseStamp(artifactPath: release.path.path)
        try change.apply(release)
        #expect((ReleaseStamp(artifactPath: release.path.path) != before) == change.stampChanges)
    }

    /// `/proc/self/io` is a regular file whose stamp stays put while its bytes change at every read (it
    /// counts the bytes this process read): a second look that read it would see new bytes and judge them.
    @Test func aFileWhoseStampDidNotMoveIsNotReadEvenIfItsBytesDid() throws {
        let path = "/proc/self/io"
        let stamp = ReleaseStamp(artifactPath: path)
        let store = ConfigStore(watching: path, policy: .allowUnsigned, persistenceDirectory: nil,
                                maximumReleaseBytes: ReleaseBytes.maximumBytes)
        guard case .rejected = try #require(store.lookAtFile()) else {
            Issue.record("\(path) was not refused as a release: \(store.status)")
            return
        }
        let second = store.lookAtFile()
        // Only meaningful while the stamp held still (the kernel may drop and remake a /proc inode).
        try #require(ReleaseStamp(artifactPath: path) == stamp, "the stamp of \(path) moved; nothing to conclude")
        #expect(second == nil, "\(path) was read and judged again: \(String(describing: second))")
        #expect(store.status.reloads.rejected == 1)
    }
}
