import Foundation
import Hummingbird
import HummingbirdTesting
@testable import RoutingService
import Testing

/// The connection guard over a real socket, byte by byte: a refused body never holds the socket, an
/// HTTP/1.0 client is answered and let go, a framing error is a problem, and a client that stalls
/// (headers, body, between requests) is let go at its deadline. Every wait is a bounded read of the
/// socket; the bound is far above the deadlines, so only a connection that would stay open fails it.
@Suite struct ConnectionGuardTests {
    /// Far above any deadline set here, far below "forever".
    static let bound = Duration.seconds(10)

    /// A raw connection to the live server, once the test client's own connection (opened as the test
    /// starts) is answered: a server stopped while it accepts a connection is not what is tested here.
    static func connect(_ client: some TestClientProtocol) async throws -> RawConnection {
        #expect(try await client.get("/healthz").status == .ok)
        return try RawConnection(port: try #require(client.port))
    }

    /// The requests counted besides the test client's `GET /healthz`, once `expected` are: a request
    /// counted twice (by the guard that answered it and by the handler that lost it) shows within the
    /// window after the first count, which is watched (a window to see a second count, not an order).
    static func countedRequests(_ client: some TestClientProtocol, expected: Double = 1) async throws -> [String: Double] {
        let deadline = ContinuousClock.now + bound
        var counts = try await requestCounts(client)
        while counts.values.reduce(0, +) < expected + 1, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
            counts = try await requestCounts(client)
        }
        let window = ContinuousClock.now + .milliseconds(500)
        while ContinuousClock.now < window {
            try await Task.sleep(for: .milliseconds(50))
            counts = try await requestCounts(client)
        }
        counts["/healthz,200", default: 0] -= 1
        return counts.filter { $0.value != 0 }
    }

    /// The `regiond_http_requests_total` series with a count, as `path,status` → count, but for
    /// `/metrics` itself; read on a connection of its own (the test client's may be timed out).
    static func requestCounts(_ client: some TestClientProtocol) async throws -> [String: Double] {
        let connection = try RawConnection(port: try #require(client.port))
        await connection.send("GET /metrics HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        let text = try #require(await connection.readToEnd(within: bound).responses.first).text
        var counts: [String: Double] = [:]
        for line in text.split(separator: "\n") where line.hasPrefix("regiond_http_requests_total{") {
            guard let space = line.lastIndex(of: " "), let value = Double(line[line.index(after: space)...]), value > 0 else { continue }
            let labels = line.dropFirst("regiond_http_requests_total{".count).prefix { $0 != "}" }
                .replacingOccurrences(of: "path=", with: "").replacingOccurrences(of: "status=", with: "")
                .replacingOccurrences(of: "\"", with: "")
            if !labels.hasPrefix("/metrics,") { counts[labels] = value }
        }
        return counts
    }

    /// A request whose body regiond answers without reading.
    struct RefusedBody: Sendable, CustomTestStringConvertible {
        var method: String
        var path: String
        var contentType: String
        var status: Int
        var close: Bool
        var testDescription: String { "\(method) \(path) \(contentType) -> \(status), \(close ? "Connection: close" : "keep-alive")" }
    }

    static let refusedBodies: [RefusedBody] = [true, false].flatMap { close in
        [
            RefusedBody(method: "POST", path: "/v1/route", contentType: "application/json", status: 413, close: close),
            RefusedBody(method: "POST", path: "/v1/route", contentType: "text/plain", status: 415, close: close),
            RefusedBody(method: "POST", path: "/nowhere", contentType: "application/json", status: 404, close: close),
            RefusedBody(method: "PUT", path: "/v1/route", contentType: "application/json", status: 405, close: close),
            RefusedBody(method: "GET", path: "/healthz", contentType: "application/json", status: 200, close: close),
        ]
    }

    /// About 600 KB: more than the socket buffers hold, so a server that never reads it cannot take it all.
    static let largeBody = [UInt8](repeating: UInt8(ascii: "x"), count: 600 * 1024)

    @Test(arguments: refusedBodies) func aRefusedBodyIsAnsweredThenTheConnectionCloses(_ testCase: RefusedBody) async throws {
        let harness = try ServiceFixture.harness()
        await harness.service.pollOnce()
        try await harness.service.application().test(.live) { client async throws in
            let connection = try await Self.connect(client)
            let head = "\(testCase.method) \(testCase.path) HTTP/1.1\r\nHost: localhost\r\nContent-Type: \(testCase.contentType)\r\n"
                + "Content-Length: \(Self.largeBody.count)\r\n\(testCase.close ? "Connection: close\r\n" : "")\r\n"
            // Sent while reading: a server that answers without reading must still let the client read the answer.
            async let sent = connection.send(Array(head.utf8) + Self.largeBody)
            let received = await connection.readToEnd(within: Self.bound)
            connection.close()
            _ = await sent
            let response = try #require(received.responses.first, "no answer in \(received.text.prefix(300))")
            #expect(response.status == testCase.status, "\(received.text.prefix(300))")
            #expect(received.end == .closed, "the connection is \(received.end) after the answer")
            if testCase.status >= 400 {
                #expect(response.headers["connection"] == "close")
                #expect(response.headers["content-type"] == "application/problem+json")
            }
            let label = testCase.path == "/nowhere" ? "other" : testCase.path
            let counted = try await Self.countedRequests(client)
            #expect(counted == ["\(label),\(testCase.status)": 1], "\(counted)")
        }
    }

    @Test(arguments: ["/healthz", "/nowhere"]) func anHTTP10RequestIsAnsweredWithConnectionCloseAndClosed(_ path: String) async throws {
        let harness = try ServiceFixture.harness()
        try await harness.service.application().test(.live) { client async throws in
            let connection = try await Self.connect(client)
            await connection.send("GET \(path) HTTP/1.0\r\n\r\n")
            let received = await connection.readToEnd(within: Self.bound)
            let response = try #require(received.responses.first, "no answer in \(received.text)")
            #expect(response.headers["connection"] == "close", "\(received.text)")
            #expect(received.end == .closed, "the HTTP/1.0 connection is \(received.end) after the answer")
        }
    }

    /// Requests NIO's HTTP/1 parser refuses, each answered with a problem, not an empty 400.
    static let framingErrors: [(name: String, bytes: String)] = [
        ("a chunk size that is not hex", "POST /v1/route HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
            + "Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n"),
        ("a header line without a colon", "GET /healthz HTTP/1.1\r\nHost: localhost\r\nNo colon here\r\n\r\n"),
        ("Content-Length and Transfer-Encoding both", "POST /v1/route HTTP/1.1\r\nHost: localhost\r\nContent-Length: 2\r\n"
            + "Transfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n"),
        ("a Content-Length that is not a number", "POST /v1/route HTTP/1.1\r\nHost: localhost\r\nContent-Length: ten\r\n\r\n{}"),
    ]

    @Test(arguments: framingErrors.map(\.name)) func aFramingErrorIsAProblemThenTheConnectionCloses(_ name: String) async throws {
        let bytes = try #require(Self.framingErrors.first { $0.name == name }).bytes
        let harness = try ServiceFixture.harness()
        try await harness.service.application().test(.live) { client async throws in
            let connection = try await Self.connect(client)
            await connection.send(bytes)
            let received = await connection.readToEnd(within: Self.bound)
            let response = try #require(received.responses.first, "no answer in \(received.text)")
            #expect(response.status == 400)
            #expect(response.headers["content-type"] == "application/problem+json", "\(received.text)")
            let problem = try response.object()
            #expect(problem["status"] as? Int == 400)
            #expect((problem["detail"] as? String)?.contains("not valid HTTP/1.1") == true, "\(problem)")
            #expect(received.end == .closed)
            // The client goes too, as one does once answered: the server stops lingering and the request is over.
            connection.close()
            let counted = try await Self.countedRequests(client)
            #expect(counted.values.reduce(0, +) == 1 && counted.keys.allSatisfy { $0.hasSuffix(",400") }, "\(counted)")
        }
    }

    /// Deadlines short enough to pass many times over within `bound`.
    /// (The header timeout leaves the test client's first request, sent as the test starts, time to arrive.)
    static let shortLimits = ConnectionLimits(headerTimeout: .seconds(2), bodyTimeout: .milliseconds(300),
                                              idleTimeout: .milliseconds(300))

    /// What a client sends before it stalls: never headers' end, or a body's end.
    static let stalledHeaders = ["", "GET /healthz HTTP/1.1\r\n", "GET /healthz HTTP/1.1\r\nHost: localhost\r\n"]

    @Test(arguments: stalledHeaders) func headersNotFinishedInTimeCloseTheConnection(_ sent: String) async throws {
        let harness = try ServiceFixture.harness { $0.connectionLimits = Self.shortLimits }
        try await harness.service.application().test(.live) { client async throws in
            let connection = try await Self.connect(client)
            if !sent.isEmpty { await connection.send(sent) }
            let received = await connection.readToEnd(within: Self.bound)
            #expect(received.end == .closed, "a connection that never finished its headers is \(received.end)")
            #expect(received.bytes.isEmpty, "\(received.text)")
        }
    }

    @Test func aBodyNotFinishedInTimeIsA408ProblemThenTheConnectionCloses() async throws {
        let harness = try ServiceFixture.harness { $0.connectionLimits = Self.shortLimits }
        await harness.service.pollOnce()
        try await harness.service.application().test(.live) { client async throws in
            let connection = try await Self.connect(client)
            await connection.send("POST /v1/route HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: 100\r\n\r\n{\"region\":")
            let received = await connection.readToEnd(within: Self.bound)
            let response = try #require(received.responses.first, "no answer in \(received.text)")
            #expect(response.status == 408)
            #expect(response.headers["content-type"] == "application/problem+json")
            #expect(try response.object()["field"] as? String == "body")
            #expect(received.end == .closed)
            // The client goes too, as one does once answered: the server stops lingering and the request is over.
            connection.close()
            let counted = try await Self.countedRequests(client)
            #expect(counted == ["/v1/route,408": 1], "\(counted)")
        }
    }

    @Test func aClientThatStopsReadingItsAnswerIsLetGoAfterTheIdleTimeout() async throws {
        // Only the stalled answer can end this connection: the body has a minute, the answer 300 ms.
        let harness = try ServiceFixture.harness {
            $0.connectionLimits = ConnectionLimits(headerTimeout: .seconds(2), bodyTimeout: .seconds(60), idleTimeout: .milliseconds(300))
        }
        await harness.service.pollOnce()
        try await harness.service.application().test(.live) { client async throws in
            #expect(try await client.get("/healthz").status == .ok)
            let connection = try RawConnection(port: try #require(client.port), receiveBuffer: 4096)
            // A batch whose answer (about 10 MB) is far more than the sockets between us hold.
            let lines = String(repeating: RouteTests.cases[0].body + "\n", count: 30_000)
            let head = "POST /v1/route/batch HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-ndjson\r\n"
                + "Content-Length: \(lines.utf8.count)\r\n\r\n"
            async let sent = connection.send(head + lines)
            let closed = await connection.waitForServerToClose(within: Self.bound)
            connection.close()
            _ = await sent
            #expect(closed, "a connection whose client stopped reading is still open after \(Self.bound)")
        }
    }

    @Test func anIdleKeptAliveConnectionIsClosedAfterTheIdleTimeout() async throws {
        let harness = try ServiceFixture.harness { $0.connectionLimits = Self.shortLimits }
        try await harness.service.application().test(.live) { client async throws in
            let connection = try await Self.connect(client)
            await connection.send("GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n")
            let first = await connection.readResponses(1, within: Self.bound)
            let response = try #require(first.responses.first, "no answer in \(first.text)")
            #expect(response.status == 200)
            #expect(response.headers["connection"] != "close", "a kept-alive request must not be told to close")
            #expect(first.end == .stillOpen)
            let rest = await connection.readToEnd(within: Self.bound)
            #expect(rest.end == .closed, "an idle kept-alive connection is \(rest.end)")
            #expect(rest.bytes.isEmpty, "\(rest.text)")
        }
    }
}
