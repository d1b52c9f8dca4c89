import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import RoutingService
import Testing

/// Requests at the edges of HTTP: HEAD on the GET endpoints, a parameter given twice, a path spelled
/// with empty segments, a client gone mid-body; each answered, and counted, as what it is.
@Suite struct RequestEdgeTests {
    static let getEndpoints = ["/healthz", "/readyz", "/metrics", "/v1/config", "/openapi.json"]

    @Test(arguments: getEndpoints) func headOnAGetEndpointIs200WithoutABody(_ path: String) async throws {
        let harness = try ServiceFixture.harness()
        await harness.service.pollOnce()
        try await harness.service.application().test(.router) { client async throws in
            let get = try await client.get(path)
            let head = try await client.execute(uri: path, method: .head)
            #expect(get.status == .ok)
            #expect(head.status == .ok)
            #expect(head.body.readableBytes == 0, "\(head.text.prefix(200))")
            #expect(head.headers[.contentType] == get.headers[.contentType])
        }
    }

    @Test(arguments: ["explain=true&explain=false", "explain=false&explain=true", "explain=true&explain=true"])
    func explainGivenTwiceIsA400NamingIt(_ query: String) async throws {
        let harness = try ServiceFixture.harness()
        await harness.service.pollOnce()
        try await harness.service.application().test(.router) { client async throws in
            let answer = try await client.post("/v1/route?\(query)", RouteTests.cases[0].body)
            #expect(answer.status == .badRequest, "\(answer.text)")
            #expect(answer.headers[.contentType] == "application/problem+json")
            let problem = try answer.object()
            #expect(problem["field"] as? String == "explain")
            #expect((problem["detail"] as? String)?.contains("2 times") == true, "\(problem)")
        }
    }

    /// Spellings of `/v1/route` the router decides at: each is counted under the path it was decided at.
    static let routeSpellings = ["//v1/route", "/v1//route", "/v1/route/", "/v1/route"]

    @Test func aRouteDecidedAtAnotherSpellingIsCountedUnderItsPath() async throws {
        let harness = try ServiceFixture.harness()
        await harness.service.pollOnce()
        let body = RouteTests.cases[0].body
        try await harness.service.application().test(.live) { client async throws in
            let port = try #require(client.port)
            for path in Self.routeSpellings {
                let connection = try RawConnection(port: port)
                await connection.send("POST \(path) HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n\(body)")
                let received = await connection.readToEnd(within: .seconds(10))
                let response = try #require(received.responses.first, "\(path): no answer in \(received.text)")
                #expect(response.status == 200, "\(path): \(received.text)")
                #expect(try response.object()["decision"] as? String == "route", "\(path)")
            }
            let metrics = try await client.get("/metrics").text
            #expect(MetricsTests.value(metrics, #"regiond_http_requests_total{path="/v1/route",status="200"}"#)
                == Double(Self.routeSpellings.count), "\(metrics)")
            #expect(!metrics.contains(#"path="other""#), "\(metrics)")
        }
    }

    @Test func aClientGoneMidBodyIsCounted499NotAsAServerError() async throws {
        let harness = try ServiceFixture.harness()
        await harness.service.pollOnce()
        try await harness.service.application().test(.live) { client async throws in
            let connection = try RawConnection(port: try #require(client.port))
            await connection.send("POST /v1/route HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: 1000\r\n\r\n{\"region\":\"US\",")
            connection.close()
            // Counted once the server has seen the connection go: polled, with a bound.
            let series = #"regiond_http_requests_total{path="/v1/route",status="499"}"#
            var metrics = try await client.get("/metrics").text
            let deadline = ContinuousClock.now + .seconds(10)
            while MetricsTests.value(metrics, series) == nil, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(20))
                metrics = try await client.get("/metrics").text
            }
            #expect(MetricsTests.value(metrics, series) == 1, "\(metrics)")
            let routeLines = metrics.split(separator: "\n").filter { $0.hasPrefix(#"regiond_http_requests_total{path="/v1/route""#) }
            #expect(routeLines == [Substring(series + " 1")], "one request, counted once: \(routeLines)")
        }
    }
}
