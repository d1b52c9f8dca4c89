import ArtifactTrust
import Foundation
import GatewayConfig
import PaymentRouting
import TestSupport
import Testing

/// A `ConfigStore` through a release's life: bad releases in turn, good ones, restarts, the watcher, and
/// routing under reloads. Each bad release is refused with its own code while the good config keeps serving.
@Suite struct ConfigStoreLifecycleTests {
    /// One bad release: the files to write and the code it must be refused with.
    struct Bad: CustomStringConvertible {
        let description: String
        /// `nil`: no artifact file at all.
        let artifact: Data?
        let signature: Data?
        let code: String
    }

    static func badReleases(_ release: Release) throws -> [Bad] {
        let good = release.good
        let key = release.key
        let sign = { (bytes: Data) in try ReleaseKeys.signature(bytes, by: key) }
        let goodSignature = try sign(good)
        var bad: [Bad] = []

        var flipped = good
        flipped[good.count / 2] ^= 0x01
        bad.append(Bad(description: "artifact byte flipped", artifact: flipped, signature: goodSignature, code: "DIGEST_MISMATCH"))

        var envelope = try key.sign(artifact: good)
        var characters = Array(envelope.signature)
        characters[20] = characters[20] == "Q" ? "R" : "Q"
        envelope.signature = String(characters)
        bad.append(Bad(description: "signature character flipped", artifact: good, signature: envelope.encoded(),
                       code: "BAD_SIGNATURE"))

        envelope = try key.sign(artifact: good)
        envelope.keyId = "release-next"
        bad.append(Bad(description: "key id changed", artifact: good, signature: envelope.encoded(), code: "UNTRUSTED_KEY"))

        for tenths in 1...9 {
            let truncated = Data(good.prefix(good.count * tenths / 10))
            bad.append(Bad(description: "truncated to \(tenths)0%, re-signed", artifact: truncated, signature: try sign(truncated),
                           code: "INVALID_JSON"))
            bad.append(Bad(description: "truncated to \(tenths)0%, old signature", artifact: truncated, signature: goodSignature,
                           code: "DIGEST_MISMATCH"))
        }

        bad.append(Bad(description: "empty file, signed", artifact: Data(), signature: try sign(Data()), code: "EMPTY"))
        bad.append(Bad(description: "empty file, old signature", artifact: Data(), signature: goodSignature, code: "DIGEST_MISMATCH"))
        bad.append(Bad(description: "empty file, unsigned", artifact: Data(), signature: nil, code: "MISSING_SIGNATURE"))
        bad.append(Bad(description: "no artifact file", artifact: nil, signature: goodSignature, code: "UNREADABLE"))

        let invalid = Data("{\"format_version\": 1, \"regions\": {".utf8)
        bad.append(Bad(description: "invalid JSON, signed", artifact: invalid, signature: try sign(invalid), code: "INVALID_JSON"))
        let stringVersion = Data(String(decoding: good, as: UTF8.self)
            .replacingOccurrences(of: "\"format_version\":\(GatewayArtifact.currentFormatVersion)",
                                  with: "\"format_version\":\"\(GatewayArtifact.currentFormatVersion)\"").utf8)
        try #require(stringVersion != good)
        bad.append(Bad(description: "format_version as a string, signed", artifact: stringVersion,
                       signature: try sign(stringVersion), code: "INVALID_JSON"))

        var artifact = try RouterLoader.decode(good)
        artifact.formatVersion = GatewayArtifact.currentFormatVersion + 1
        let future = try CanonicalJSON.encode(artifact)
        bad.append(Bad(description: "a future format_version, signed", artifact: future, signature: try sign(future),
                       code: "UNSUPPORTED_FORMAT_VERSION"))

        artifact = try RouterLoader.decode(good)
        try #require(artifact.catalog.acquirers.removeValue(forKey: "antom-us") != nil)
        let noAcquirer = try CanonicalJSON.encode(artifact)
        bad.append(Bad(description: "route acquirer missing from the catalog, signed", artifact: noAcquirer,
                       signature: try sign(noAcquirer), code: "INVARIANT_BROKEN"))

        artifact = try RouterLoader.decode(good)
        artifact.regions["XX"] = artifact.regions["US"]
        let misKeyed = try CanonicalJSON.encode(artifact)
        bad.append(Bad(description: "region keyed under another code, signed", artifact: misKeyed,
                       signature: try sign(misKeyed), code: "INVARIANT_BROKEN"))

        let stranger = ReleaseKeys.key("stranger")
        let next = try ReleaseFixture.usViaSingapore()
        bad.append(Bad(description: "valid artifact signed by an untrusted key", artifact: next,
                       signature: try ReleaseKeys.signature(next, by: stranger), code: "UNTRUSTED_KEY"))
        bad.append(Bad(description: "valid artifact, trusted id, other key material", artifact: next,
                       signature: try ReleaseKeys.signature(next, by: ReleaseKeys.key("release")), code: "BAD_SIGNATURE"))
        bad.append(Bad(description: "valid artifact, signature missing", artifact: next, signature: nil,
                       code: "MISSING_SIGNATURE"))
        bad.append(Bad(description: "valid artifact, garbage signature", artifact: next, signature: Data("garbage".utf8),
                       code: "MALFORMED_SIGNATURE"))
        envelope = try key.sign(artifact: next)
        envelope.algorithm = "RSA"
        bad.append(Bad(description: "valid artifact, algorithm RSA", artifact: next, signature: envelope.encoded(),
                       code: "UNSUPPORTED_ALGORITHM"))
        return bad
    }

    /// The code of a refused reload, `nil` when it was accepted.
    static func failureCode(_ result: ReloadResult) -> String? { result.failure?.code }

    static let badCount = 35

    static func write(_ bad: Bad, to release: Release) throws {
        if let artifact = bad.artifact {
            try ReleaseFiles.publish(artifact, signature: bad.signature, to: release.path)
        } else {
            try FileManager.default.removeItem(at: release.path)
            if let signature = bad.signature {
                try signature.write(to: URL(fileURLWithPath: SignatureEnvelope.path(forArtifact: release.path.path)))
            }
        }
    }

    /// One store sees every bad release in turn, then a good one.
    @Test func badReleasesInTurnThenAGoodOne() throws {
        let release = try Release()
        defer { release.cleanUp() }
        let store = release.store
        let goodDigest = Digest.sha256Hex(release.good)
        let goodSource = try ReleaseFixture.sourceDigest(release.good)
        let goodDecision = try ReleaseFixture.decision(release.good)
        let started = store.status
        #expect(started.active?.artifactDigest == goodDigest && started.active?.origin == .release && started.active?.keyId == "release")
        #expect(started.lastFailure == nil)

        let bad = try Self.badReleases(release)
        for candidate in bad {
            try Self.write(candidate, to: release)
            guard case .rejected(let failure, _) = store.reload() else {
                Issue.record("\(candidate) was accepted")
                continue
            }
            #expect(failure.code == candidate.code, "\(candidate): \(failure)")
            #expect(failure.rejectedDigest == candidate.artifact.map(Digest.sha256Hex), "\(candidate)")
            #expect(!failure.message.isEmpty)
            let status = store.status
            #expect(status.lastFailure == failure, "\(candidate)")
            #expect(status.active?.artifactDigest == goodDigest, "\(candidate)")
            #expect(status.active?.sourceDigest == goodSource)
            #expect(status.active == started.active, "\(candidate)")
            let router = try store.serving()
            #expect(router.sourceDigest == goodSource, "\(candidate)")
            #expect(router.route(try ReleaseFixture.request()) == goodDecision, "\(candidate)")
            #expect(!store.reloadIfChanged(), "\(candidate): already looked at")
        }
        #expect(Set(bad.map(\.code)).count == 11, "each failure kind has its code")

        // A good new release, compiled from an edited copy of the regions.
        let next = try ReleaseFixture.usViaSingapore()
        try release.publish(next, signedBy: release.key)
        let status = try store.reload().get()
        #expect(status.active?.artifactDigest == Digest.sha256Hex(next) && status.active?.artifactDigest != goodDigest)
        #expect(status.active?.sourceDigest == (try ReleaseFixture.sourceDigest(next)))
        #expect(try #require(status.active?.loadedAt) >= (try #require(started.active?.loadedAt)))
        #expect(status.active?.origin == .release && status.active?.keyId == "release")
        #expect(try store.serving().sourceDigest == status.active?.sourceDigest)
        #expect(try store.serving().route(try ReleaseFixture.request()).routed?.acquirer == "antom-sg")
        #expect(goodDecision.routed?.acquirer == "antom-us")
        #expect(!store.reloadIfChanged(), "a release swapped in by reload() counts as seen")
    }

    /// The same table, each case on a fresh store (so no case depends on the one before).
    @Test(arguments: 0..<badCount)
    func eachBadReleaseOnItsOwn(_ index: Int) throws {
        let release = try Release()
        defer { release.cleanUp() }
        let bad = try Self.badReleases(release)
        try #require(bad.count == Self.badCount, "update badCount to \(bad.count)")
        let candidate = bad[index]
        try Self.write(candidate, to: release)
        #expect(Self.failureCode(release.store.reload()) == candidate.code, "\(candidate)")
        #expect(release.store.status.active?.artifactDigest == Digest.sha256Hex(release.good))
        #expect(try release.store.serving().route(try ReleaseFixture.request()) == (try ReleaseFixture.decision(release.good)))
    }

    @Test func unsignedOnlyWhenAllowed() throws {
        let next = try ReleaseFixture.usViaSingapore()

        let required = try Release()
        defer { required.cleanUp() }
        try required.publish(next)
        #expect(Self.failureCode(required.store.reload()) == "MISSING_SIGNATURE")
        #expect(required.store.status.active?.artifactDigest == Digest.sha256Hex(required.good))

        let development = try Release(policy: .allowUnsigned)
        defer { development.cleanUp() }
        #expect(development.store.status.active?.keyId == nil, "the policy does not check signatures")
        try development.publish(next)
        let status = try development.store.reload().get()
        #expect(status.active?.artifactDigest == Digest.sha256Hex(next) && status.active?.keyId == nil)
        // Unsigned is allowed; broken is not.
        try development.publish(Data("{".utf8))
        #expect(Self.failureCode(development.store.reload()) == "INVALID_JSON")
        #expect(development.store.status.active?.artifactDigest == Digest.sha256Hex(next))

        // A fresh `.required` store refuses to start on an unsigned release.
        let directory = try TemporaryDirectory.make("store")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("gateway-config.json")
        try ReleaseFiles.publish(next, signature: nil, to: path)
        #expect(throws: ReloadFailure.self) { try ConfigStore(artifactPath: path.path, policy: .required(required.trust)) }
        let unsigned = try ConfigStore(artifactPath: path.path, policy: .allowUnsigned).status
        #expect(unsigned.active?.artifactDigest == Digest.sha256Hex(next) && unsigned.active?.keyId == nil)
        #expect(unsigned.active?.origin == .release && unsigned.active?.releaseSerial == nil)
    }

    // MARK: Rotation

    enum Trusted: String, CaseIterable, Sendable { case oldOnly, both, newOnly }
    enum Signer: String, CaseIterable, Sendable { case old, new }

    @Test(arguments: Trusted.allCases, Signer.allCases)
    func rotationThroughTheStore(_ trusted: Trusted, _ signer: Signer) throws {
        let old = ReleaseKeys.key("key-2026")
        let new = ReleaseKeys.key("key-2027")
        let trust = switch trusted {
        case .oldOnly: try ReleaseKeys.trust(old)
        case .both: try ReleaseKeys.trust(old, new)
        case .newOnly: try ReleaseKeys.trust(new)
        }
        let directory = try TemporaryDirectory.make("store")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("gateway-config.json")
        let first = try RegionArtifacts.shipped()
        let starter = trusted == .newOnly ? new : old
        try ReleaseFiles.publish(first, signature: try ReleaseKeys.signature(first, by: starter), to: path)
        let store = try ConfigStore(artifactPath: path.path, policy: .required(trust))

        let next = try ReleaseFixture.usPaused()
        let key = signer == .old ? old : new
        try ReleaseFiles.publish(next, signature: try ReleaseKeys.signature(next, by: key), to: path)
        let accepted = trusted == .both || (trusted == .oldOnly) == (signer == .old)
        switch store.reload() {
        case .loaded(let status):
            #expect(accepted, "\(trusted) accepted a release by \(signer)")
            #expect(status.active?.keyId == key.id && status.active?.artifactDigest == Digest.sha256Hex(next))
        case .rejected(let failure, _):
            #expect(!accepted, "\(trusted) refused a release by \(signer): \(failure)")
            #expect(failure.kind == .signature(.untrustedKey(key.id)) && failure.message.contains(key.id))
            #expect(store.status.active?.artifactDigest == Digest.sha256Hex(first) && store.status.active?.keyId == starter.id)
        case .unchanged:
            Issue.record("a new release was taken for the one served")
        }
    }

    // MARK: Persistence

    @Test func aRestartOnABadReleaseServesTheLastGoodOne() throws {
        let release = try Release(persist: true)
        defer { release.cleanUp() }
        // A second good release replaces the persisted copy.
        let next = try ReleaseFixture.usViaSingapore()
        try release.publish(next, signedBy: release.key)
        _ = try release.store.reload().get()
        // A bad release is refused and does not replace it.
        let forged = Data(next.reversed())
        try release.publish(forged, signedBy: ReleaseKeys.key("stranger"))
        #expect(Self.failureCode(release.store.reload()) == "UNTRUSTED_KEY")

        let restarts: [(Data, SigningKey?, String)] = [
            (Data("garbage".utf8), nil, "MISSING_SIGNATURE"),
            (forged, ReleaseKeys.key("stranger"), "UNTRUSTED_KEY"),
            (Data("garbage".utf8), release.key, "INVALID_JSON"),
        ]
        for (garbage, signer, code) in restarts {
            try release.publish(garbage, signedBy: signer)
            let restarted = try ConfigStore(artifactPath: release.path.path, policy: .required(release.trust),
                                            persistenceDirectory: release.state)
            #expect(restarted.status.active?.origin == .lastKnownGood)
            #expect(restarted.status.active?.artifactDigest == Digest.sha256Hex(next))
            #expect(restarted.status.active?.keyId == "release")
            #expect(restarted.status.lastFailure?.code == code)
            #expect(restarted.status.lastFailure?.rejectedDigest == Digest.sha256Hex(garbage))
            #expect(try restarted.serving().route(try ReleaseFixture.request()).routed?.acquirer == "antom-sg")

            // Fixing the release brings it back to the release origin.
            try release.publish(release.good, signedBy: release.key)
            let status = try restarted.reload().get()
            #expect(status.active?.origin == .release && status.active?.artifactDigest == Digest.sha256Hex(release.good))
            // ...and that is now the last good one.
            try release.publish(next, signedBy: release.key)
            _ = try restarted.reload().get()
        }
    }

    @Test func withoutAPersistedCopyTheInitializerThrowsTheFailure() throws {
        let release = try Release()
        defer { release.cleanUp() }
        var flipped = release.good
        flipped[0] ^= 0x01
        try release.publish(flipped)
        try ReleaseKeys.signature(release.good, by: release.key)
            .write(to: URL(fileURLWithPath: SignatureEnvelope.path(forArtifact: release.path.path)))
        do {
            _ = try ConfigStore(artifactPath: release.path.path, policy: .required(release.trust),
                                persistenceDirectory: release.directory.appendingPathComponent("empty-state").path)
            Issue.record("started without anything good to serve")
        } catch {
            #expect(error.code == "DIGEST_MISMATCH")
            #expect(error.rejectedDigest == Digest.sha256Hex(flipped))
        }
        // Nor with no persistence directory at all.
        #expect(throws: ReloadFailure.self) { try ConfigStore(artifactPath: release.path.path, policy: .required(release.trust)) }
    }

    /// The persisted copy is verified again on restart: a tampered one is not served.
    @Test func aTamperedPersistedCopyIsNotServed() throws {
        let release = try Release(persist: true)
        defer { release.cleanUp() }
        let persisted = URL(fileURLWithPath: release.state).appendingPathComponent("last-known-good.json")
        var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: persisted)) as? [String: Any])
        let encoded = try #require(object["artifact"] as? String)
        var artifact = try #require(Data(base64Encoded: encoded))
        #expect(artifact == release.good)
        artifact[artifact.count / 2] ^= 0x01
        object["artifact"] = artifact.base64EncodedString()
        try JSONSerialization.data(withJSONObject: object).write(to: persisted)
        try release.publish(Data("garbage".utf8))
        #expect(throws: ReloadFailure.self) {
            try ConfigStore(artifactPath: release.path.path, policy: .required(release.trust),
                            persistenceDirectory: release.state)
        }
        // An unparseable persisted file likewise.
        try Data("{".utf8).write(to: persisted)
        #expect(throws: ReloadFailure.self) {
            try ConfigStore(artifactPath: release.path.path, policy: .required(release.trust),
                            persistenceDirectory: release.state)
        }
    }

    /// After starting on the last good copy, the unchanged bad release should count as already seen.
    @Test func aLastKnownGoodStartHasSeenTheBadRelease() throws {
        let release = try Release(persist: true)
        defer { release.cleanUp() }
        try release.publish(Data("garbage".utf8), signedBy: release.key)
        let restarted = try ConfigStore(artifactPath: release.path.path, policy: .required(release.trust),
                                        persistenceDirectory: release.state)
        #expect(restarted.status.active?.origin == .lastKnownGood)
        #expect(!restarted.reloadIfChanged(), "the unchanged bad release was already judged at start")
    }

    /// A release is replaced artifact first, then signature (as `regionc compile --sign-key` writes them), while
    /// a reload runs. The reload may see the new artifact with the old signature and fail; once both files are
    /// written, `reloadIfChanged()` must try again: a failed reload remembers the bytes it judged, not a re-read.
    @Test func aReleaseCompletedDuringAFailedReloadIsStillPickedUp() async throws {
        let release = try Release()
        defer { release.cleanUp() }
        let store = release.store
        let releases = [release.good, try ReleaseFixture.usPaused()]
        let signatures = try releases.map { try ReleaseKeys.signature($0, by: release.key) }
        let signaturePath = URL(fileURLWithPath: SignatureEnvelope.path(forArtifact: release.path.path))
        var missed = 0
        for round in 0..<300 {
            let next = (round + 1) % 2
            try releases[next].write(to: release.path, options: .atomic)
            let reloader = Task.detached { store.reload() }
            try signatures[next].write(to: signaturePath, options: .atomic)
            _ = await reloader.value
            store.reloadIfChanged()
            if store.status.active?.artifactDigest != Digest.sha256Hex(releases[next]) {
                missed += 1
                _ = try store.reload().get()
            }
        }
        #expect(missed == 0, "a complete release was never loaded in \(missed) of 300 rounds")
    }

    // MARK: Watching

    @Test func reloadIfChangedLooksAtBytesNotTimes() throws {
        let release = try Release()
        defer { release.cleanUp() }
        let store = release.store
        #expect(!store.reloadIfChanged(), "nothing changed since start")
        #expect(store.status.polls == 1 && store.status.lastPolled != nil, "every look is counted, changed or not")
        // The same bytes rewritten (a new modification time) are not a change.
        try release.publish(release.good, signedBy: release.key)
        #expect(!store.reloadIfChanged())
        // A new signature over the same bytes is: another trusted key re-signed the release.
        let successor = ReleaseKeys.key("release-2027")
        var trust = release.trust
        trust.trust(try successor.publicKey(), id: successor.id)
        let store2 = try ConfigStore(artifactPath: release.path.path, policy: .required(trust))
        try release.publish(release.good, signedBy: successor)
        #expect(store2.reloadIfChanged())
        #expect(store2.status.active?.keyId == "release-2027" && store2.status.active?.artifactDigest == Digest.sha256Hex(release.good))
        #expect(!store2.reloadIfChanged())
        // A changed artifact is a change, and so is a bad one (tried once, then not again).
        try release.publish(Data("{".utf8), signedBy: successor)
        #expect(store2.reloadIfChanged())
        #expect(store2.status.lastFailure?.code == "INVALID_JSON")
        #expect(!store2.reloadIfChanged())
    }

    /// The poll count is the store's: a new release swapped in keeps it, and the status a reload
    /// returns is the status the store then reports.
    @Test func pollsAreCountedAcrossReleases() throws {
        let release = try Release()
        defer { release.cleanUp() }
        let store = release.store
        for _ in 0..<3 { store.reloadIfChanged() }
        try release.publish(try ReleaseFixture.usPaused(), signedBy: release.key)
        let goodSource = try ReleaseFixture.sourceDigest(release.good)
        #expect(store.reloadIfChanged())
        #expect(store.status.polls == 4 && store.status.active?.sourceDigest != goodSource)
        try release.publish(release.good, signedBy: release.key)
        let returned = try store.reload().get()
        #expect(returned == store.status && returned.polls == 4)
    }

    @Test func theWatcherRefusesABadReleaseThenTakesAGoodOne() async throws {
        let release = try Release()
        defer { release.cleanUp() }
        let store = release.store
        let watcher = store.watch(every: .milliseconds(20))
        defer { watcher.cancel() }

        let bad = Data(release.good.prefix(release.good.count / 2))
        try release.publish(bad, signedBy: release.key)
        #expect(try await Eventually.watcher(of: store) { store.status.lastFailure?.rejectedDigest == Digest.sha256Hex(bad) })
        #expect(store.status.active?.artifactDigest == Digest.sha256Hex(release.good))
        #expect(try store.serving().route(try ReleaseFixture.request()) == (try ReleaseFixture.decision(release.good)))

        let next = try ReleaseFixture.usPaused()
        try release.publish(next, signedBy: release.key)
        #expect(try await Eventually.watcher(of: store) { store.status.active?.artifactDigest == Digest.sha256Hex(next) })
        #expect(try store.serving().route(try ReleaseFixture.request()).declineReason == .regionNotLive)

        // Cancelling stops the loop.
        watcher.cancel()
        await watcher.value
    }

    // MARK: Routing under reloads

    /// Six tasks route one request while good release A, a bad release and good release B alternate.
    /// A decision always belongs to the router it came from, and that router is A's or B's.
    @Test func routingDuringReloadsSeesOnlyAOrB() async throws {
        let release = try Release()
        defer { release.cleanUp() }
        let store = release.store
        let a = release.good
        let b = try ReleaseFixture.usPaused()
        let digestA = try ReleaseFixture.sourceDigest(a)
        let digestB = try ReleaseFixture.sourceDigest(b)
        let expected = [digestA: try ReleaseFixture.decision(a), digestB: try ReleaseFixture.decision(b)]
        #expect(digestA != digestB && expected[digestA] != expected[digestB])
        let request = try ReleaseFixture.request()

        struct Tally: Sendable {
            var reads = 0
            var wrong = 0
            var seen: Set<String> = []
            func merged(_ other: Tally) -> Tally {
                Tally(reads: reads + other.reads, wrong: wrong + other.wrong, seen: seen.union(other.seen))
            }
        }
        let readers = Task {
            await withTaskGroup(of: Tally.self) { group in
                for _ in 0..<6 {
                    group.addTask {
                        var tally = Tally()
                        while !Task.isCancelled {
                            guard let router = store.router else {
                                tally.wrong += 1
                                continue
                            }
                            let decision = router.route(request)
                            tally.reads += 1
                            tally.seen.insert(router.sourceDigest)
                            if expected[router.sourceDigest] != decision { tally.wrong += 1 }
                            let status = store.status
                            if expected[status.active?.sourceDigest ?? ""] == nil { tally.wrong += 1 }
                            await Task.yield()
                        }
                        return tally
                    }
                }
                return await group.reduce(Tally()) { $0.merged($1) }
            }
        }

        let stranger = ReleaseKeys.key("stranger")
        let bads: [(Data, SigningKey?)] = [
            (Data(b.prefix(b.count / 3)), release.key), (b, stranger), (b, nil), (Data("{}".utf8), release.key),
        ]
        var failures = 0
        for round in 0..<100 {
            switch round % 3 {
            case 0:
                try release.publish(a, signedBy: release.key)
                #expect((try? store.reload().get())?.active?.sourceDigest == digestA, "round \(round)")
            case 1:
                let (artifact, signer) = bads[(round / 3) % bads.count]
                try release.publish(artifact, signedBy: signer)
                if case .rejected = store.reload() { failures += 1 }
            default:
                try release.publish(b, signedBy: release.key)
                #expect((try? store.reload().get())?.active?.sourceDigest == digestB, "round \(round)")
            }
            await Task.yield()
        }
        readers.cancel()
        let tally = await readers.value
        #expect(failures == 33)
        #expect(tally.wrong == 0)
        #expect(tally.reads > 0)
        #expect(tally.seen.isSubset(of: [digestA, digestB]))
        #expect(try store.serving().sourceDigest == digestA, "round 99 published A")
    }
}
