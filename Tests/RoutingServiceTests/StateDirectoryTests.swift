import Foundation
import Hummingbird
import HummingbirdTesting
import RoutingService
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The state directory keeps the last good release, and with it the floor of accepted serials. One
/// that cannot keep it is refused at start; one that fails later is logged, counted in `/metrics`
/// and shown in `/v1/config`, while the release keeps serving. Tests run as root in CI, where
/// permissions stop nothing: each state directory is broken by what is in its way, not by a mode.
@Suite struct StateDirectoryTests {
    struct Unusable: Sendable, CustomTestStringConvertible {
        var testDescription: String
        /// Makes the state directory's path (inside a fresh directory) unusable and returns it.
        var make: @Sendable (URL) throws -> String
        var reason: String
    }

    static let stateFile = "last-known-good.json"

    static let unusable: [Unusable] = [
        Unusable(testDescription: "a regular file", make: { directory in
            let path = directory.appendingPathComponent("state").path
            try Data("not a directory\n".utf8).write(to: URL(fileURLWithPath: path))
            return path
        }, reason: "it is not a directory"),
        Unusable(testDescription: "its state file a directory", make: { directory in
            let state = directory.appendingPathComponent("state")
            try FileManager.default.createDirectory(at: state.appendingPathComponent(stateFile), withIntermediateDirectories: true)
            return state.path
        }, reason: "it is a directory"),
        Unusable(testDescription: "its state file a link to /dev/zero", make: { directory in
            let state = directory.appendingPathComponent("state")
            try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
            try #require(symlink("/dev/zero", state.appendingPathComponent(stateFile).path) == 0)
            return state.path
        }, reason: "it is not a regular file"),
        Unusable(testDescription: "its state file a FIFO", make: { directory in
            let state = directory.appendingPathComponent("state")
            try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
            try #require(mkfifo(state.appendingPathComponent(stateFile).path, 0o600) == 0)
            return state.path
        }, reason: "it is not a regular file"),
        Unusable(testDescription: "a link to /dev/zero", make: { directory in
            let path = directory.appendingPathComponent("state").path
            try #require(symlink("/dev/zero", path) == 0)
            return path
        }, reason: "it is not a directory"),
        Unusable(testDescription: "under /proc", make: { _ in "/proc/self/regiond-state" }, reason: "cannot create it"),
        Unusable(testDescription: "under /sys", make: { _ in "/sys/regiond-state" }, reason: "cannot create it"),
        Unusable(testDescription: "a directory of /sys that takes no files", make: { _ in "/sys/kernel" }, reason: "cannot write"),
        Unusable(testDescription: "in a missing directory", make: { directory in
            directory.appendingPathComponent("missing/state").path
        }, reason: "cannot create it: no such file"),
    ]

    @Test(arguments: unusable) func anUnusableStateDirectoryIsRefusedAtStart(_ testCase: Unusable) throws {
        let directory = try ServiceFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let state = try testCase.make(directory)
        do {
            _ = try ServiceFixture.harness(stateDirectory: URL(fileURLWithPath: state))
            Issue.record("the service started with --state-dir \(state)")
        } catch {
            let description = "\(error)"
            #expect(error is ServiceSetupError, "\(description)")
            #expect(description.contains("--state-dir \(state)"), "\(description)")
            #expect(description.contains(testCase.reason), "\(description)")
        }
    }

    /// What comes in the way of a save after a good start, and the reason the failure must give.
    struct LaterFailure: Sendable, CustomTestStringConvertible {
        var testDescription: String
        var breakIt: @Sendable (URL) throws -> Void
        var reason: String
    }

    static let laterFailures: [LaterFailure] = [
        LaterFailure(testDescription: "the state directory replaced by a file", breakIt: { state in
            try FileManager.default.removeItem(at: state)
            try Data("in the way\n".utf8).write(to: state)
        }, reason: "is not a directory"),
        LaterFailure(testDescription: "the state file's path taken by a directory", breakIt: { state in
            try FileManager.default.createDirectory(at: state.appendingPathComponent(stateFile), withIntermediateDirectories: true)
        }, reason: "it is a directory"),
        LaterFailure(testDescription: "the save's temporary path taken by a directory", breakIt: { state in
            let temporary = state.appendingPathComponent(".\(stateFile).regionc-tmp-\(getpid())")
            try FileManager.default.createDirectory(at: temporary.appendingPathComponent("occupied"), withIntermediateDirectories: true)
        }, reason: "file exists"),
    ]

    @Test(arguments: laterFailures) func aSaveThatFailsLaterIsLoggedCountedAndShown(_ testCase: LaterFailure) async throws {
        let harness = try ServiceFixture.harness()
        let state = harness.directory.appendingPathComponent("state")
        try testCase.breakIt(state)
        await harness.service.pollOnce()
        #expect(harness.service.isReady, "a good release serves whether or not it could be saved")
        try await harness.service.application().test(.router) { client async throws in
            let config = try await client.get("/v1/config").object()
            #expect(config["state_write_failures"] as? Int == 1, "\(config)")
            let failure = try #require(config["last_state_write_failure"] as? [String: Any], "\(config)")
            #expect(failure["path"] as? String == state.appendingPathComponent(Self.stateFile).path, "\(failure)")
            #expect((failure["reason"] as? String)?.contains(testCase.reason) == true, "\(failure)")
            #expect(failure["at"] is String)
            let metrics = try await client.get("/metrics").text
            #expect(MetricsTests.value(metrics, "regiond_state_write_failures_total") == 1, "\(metrics)")
        }
        let logged = harness.logs.captured.filter { $0.contains("state directory write failed") }
        #expect(logged.count == 1, "\(harness.logs.captured)")
        #expect(logged.first?.contains("\"level\":\"error\"") == true)
    }

    @Test func aGoodStateDirectoryShowsNoFailures() async throws {
        let harness = try ServiceFixture.harness()
        await harness.service.pollOnce()
        try await harness.service.application().test(.router) { client async throws in
            let config = try await client.get("/v1/config").object()
            #expect(config["state_write_failures"] as? Int == 0, "\(config)")
            #expect(config["last_state_write_failure"] is NSNull, "\(config)")
            #expect(MetricsTests.value(try await client.get("/metrics").text, "regiond_state_write_failures_total") == 0)
        }
    }
}
