import AsyncHTTPClient
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
@testable import RoutingService
import Synchronization
import Testing

/// The URL poller against a real HTTP server on loopback: ETags, a missing signature, a size cap,
/// a failing host, a closed port.
@Suite struct URLReleaseFetcherTests {
    /// A release host: files by path with ETags, an optional forced status, and what it was asked.
    final class ReleaseHost: Sendable {
        struct State {
            var files: [String: (body: [UInt8], etag: String)] = [:]
            var forcedStatus: HTTPResponse.Status?
            var conditionalRequests = 0
            var notModified = 0
        }

        let state = Mutex(State())

        func put(_ path: String, _ body: String) {
            state.withLock { $0.files[path] = (Array(body.utf8), "\"\(UUID().uuidString)\"") }
        }

        func application() -> some ApplicationProtocol {
            let router = Router()
            router.get("/{file}") { request, _ -> Response in
                let path = request.uri.path
                return self.state.withLock { state in
                    if let status = state.forcedStatus { return Response(status: status) }
                    guard let file = state.files[path] else { return Response(status: .notFound) }
                    if let match = request.headers[.ifNoneMatch] {
                        state.conditionalRequests += 1
                        if match == file.etag {
                            state.notModified += 1
                            return Response(status: .notModified, headers: [.eTag: file.etag])
                        }
                    }
                    return Response(status: .ok, headers: [.eTag: file.etag], body: ResponseBody(byteBuffer: ByteBuffer(bytes: file.body)))
                }
            }
            return Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        }
    }

    static func fetcher(port: Int, client: HTTPClient, maximumBytes: Int = 1 << 20) -> URLReleaseFetcher {
        URLReleaseFetcher(url: "http://127.0.0.1:\(port)/gateway-config.json", client: client, maximumBytes: maximumBytes,
                          requestTimeout: .seconds(10))
    }

    @Test func etagsMakeAnUnchangedReleaseCostTwoNotModified() async throws {
        let host = ReleaseHost()
        host.put("/gateway-config.json", "A")
        host.put("/gateway-config.json.sig", "sig A")
        try await host.application().test(.live) { client in
            let port = try #require(client.port)
            try await HTTPClient.withHTTPClient { http in
                var fetcher = Self.fetcher(port: port, client: http)
                guard case .fetched(let artifact, let signature) = await fetcher.poll() else {
                    Issue.record("the first poll fetched nothing")
                    return
                }
                #expect(artifact == Data("A".utf8) && signature == Data("sig A".utf8))
                guard case .unchanged = await fetcher.poll() else {
                    Issue.record("an unchanged release was fetched again")
                    return
                }
                #expect(host.state.withLock { ($0.conditionalRequests, $0.notModified) } == (2, 2))

                // A new signature alone is a change; the artifact comes from the cache.
                host.put("/gateway-config.json.sig", "sig A'")
                guard case .fetched(let same, let newSignature) = await fetcher.poll() else {
                    Issue.record("a new signature was not seen")
                    return
                }
                #expect(same == Data("A".utf8) && newSignature == Data("sig A'".utf8))
            }
        }
    }

    @Test func aMissingSignatureIsFetchedAsNone() async throws {
        let host = ReleaseHost()
        host.put("/gateway-config.json", "unsigned")
        try await host.application().test(.live) { client in
            let port = try #require(client.port)
            try await HTTPClient.withHTTPClient { http in
                var fetcher = Self.fetcher(port: port, client: http)
                guard case .fetched(let artifact, nil) = await fetcher.poll() else {
                    Issue.record("expected the artifact without a signature")
                    return
                }
                #expect(artifact == Data("unsigned".utf8))
            }
        }
    }

    struct FailureCase: Sendable, CustomTestStringConvertible {
        var name: String
        var status: HTTPResponse.Status?
        var artifact: String?
        var maximumBytes: Int
        var code: String
        var testDescription: String { name }
    }

    static let failures: [FailureCase] = [
        FailureCase(name: "host answers 503", status: .serviceUnavailable, artifact: "A", maximumBytes: 1 << 20, code: "HTTP_503"),
        FailureCase(name: "no artifact published", status: nil, artifact: nil, maximumBytes: 1 << 20, code: "NOT_FOUND"),
        FailureCase(name: "artifact over the size cap", status: nil, artifact: String(repeating: "x", count: 2_000),
                    maximumBytes: 1_000, code: "TOO_LARGE"),
    ]

    @Test(arguments: failures) func aFailingSourceIsAFailureWithItsCode(_ testCase: FailureCase) async throws {
        let host = ReleaseHost()
        if let artifact = testCase.artifact { host.put("/gateway-config.json", artifact) }
        host.state.withLock { $0.forcedStatus = testCase.status }
        try await host.application().test(.live) { client in
            let port = try #require(client.port)
            try await HTTPClient.withHTTPClient { http in
                var fetcher = Self.fetcher(port: port, client: http, maximumBytes: testCase.maximumBytes)
                guard case .failed(let code, _) = await fetcher.poll() else {
                    Issue.record("\(testCase.name) was not a failure")
                    return
                }
                #expect(code == testCase.code)
            }
        }
    }

    @Test func aClosedPortIsUnreachable() async throws {
        // A port that was free a moment ago: nothing listens there.
        let port = try await ReleaseHost().application().test(.live) { client in try #require(client.port) }
        try await HTTPClient.withHTTPClient { http in
            var fetcher = Self.fetcher(port: port, client: http)
            guard case .failed(let code, _) = await fetcher.poll() else {
                Issue.record("a closed port was not a failure")
                return
            }
            #expect(code == "UNREACHABLE")
        }
    }
}

/// Backoff stays at the poll interval while all is well and grows, jittered and capped, while failing.
@Suite struct BackoffTests {
    @Test(arguments: [(0, 1.0, 1.0), (1, 1.0, 2.0), (3, 1.0, 8.0), (5, 1.0, 32.0), (9, 1.0, 32.0), (9, 30.0, 300.0),
                      (2, 600.0, 600.0)])
    func delayIsWithinItsBounds(failures: Int, interval: Double, ceiling: Double) {
        for _ in 0..<200 {
            let delay = Backoff.delay(interval: .milliseconds(Int64(interval * 1000)), failures: failures)
            #expect(delay >= .milliseconds(Int64(interval * 1000)) && delay <= .milliseconds(Int64(ceiling * 1000)))
        }
    }
}
