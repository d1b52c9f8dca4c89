import Foundation
import Hummingbird
import HummingbirdTesting
@testable import RoutingService
import Testing

/// Over a real socket, the fast path's answer to `POST /v1/route` is the answer Hummingbird's
/// handler gives to the same body (reached with `?explain=false`, which the fast path hands on):
/// the same status, headers and bytes, and counted alike, for routed, declined and refused checkouts
/// and before any release is loaded.
@Suite struct RouteFastPathLiveTests {
    static let bodies: [String] = RouteTests.cases.map(\.body) + [
        "{",
        "",
        "[]",
        #"{"region":"US"}"#,
        #"{"region":"US","merchant":"shop_1","method":"ALIPAY_CN","amount":"1.00 USD","amount":"999999.00 USD"}"#,
        #"{"region":"US","merchant":"shop\u0000_1","method":"ALIPAY_CN","amount":"1.00 USD"}"#,
        #"{"region":"US","merchant":"shop_1","method":"ALIPAY_CN","amount":"1.00 USD","at":"0001-01-01T00:00:00+00:01"}"#,
    ]

    /// What must be equal between the two answers (`Date` may differ by a second; it must be there).
    struct Compared: Equatable, CustomStringConvertible {
        var status: Int
        var contentType: String?
        var configDigest: String?
        var contentLength: String?
        var hasDate: Bool
        var body: String

        init(_ response: RawResponse) {
            status = response.status
            contentType = response.headers["content-type"]
            configDigest = response.headers["config-digest"]
            contentLength = response.headers["content-length"]
            hasDate = response.headers["date"] != nil
            body = response.text
        }

        var description: String { "\(status) \(contentType ?? "-") \(configDigest ?? "-") \(body)" }
    }

    static func exchange(_ port: Int, path: String, body: String) async throws -> RawResponse {
        let connection = try RawConnection(port: port)
        defer { connection.close() }
        await connection.send("POST \(path) HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
            + "Content-Length: \(body.utf8.count)\r\n\r\n\(body)")
        return try #require(await connection.readResponses(1, within: .seconds(10)).responses.first)
    }

    @Test func answersAsHummingbirdDoesAndIsCountedAlike() async throws {
        let harness = try ServiceFixture.harness()
        try await harness.service.application().test(.live) { client async throws in
            let port = try #require(client.port)
            // Before a release: 503 from both.
            let early = try await Self.exchange(port, path: "/v1/route", body: Self.bodies[0])
            #expect(early.status == 503)
            #expect(Compared(early) == Compared(try await Self.exchange(port, path: "/v1/route?explain=false", body: Self.bodies[0])))

            await harness.service.pollOnce()
            for body in Self.bodies {
                let fast = Compared(try await Self.exchange(port, path: "/v1/route", body: body))
                let handler = Compared(try await Self.exchange(port, path: "/v1/route?explain=false", body: body))
                #expect(fast == handler, "\(body)")
                #expect(fast.hasDate)
            }
            let counts = try await ConnectionGuardTests.requestCounts(client)
            let routed = Double(RouteTests.cases.count * 2)
            #expect(counts["/v1/route,200"] == routed, "\(counts)")
            #expect(counts["/v1/route,400"] == Double((Self.bodies.count - RouteTests.cases.count) * 2), "\(counts)")
            #expect(counts["/v1/route,503"] == 2, "\(counts)")
        }
    }

    /// Requests sent at once on one connection, alternating between the paths, are answered in order.
    @Test func pipelinedRequestsAreAnsweredInOrder() async throws {
        let harness = try ServiceFixture.harness()
        await harness.service.pollOnce()
        try await harness.service.application().test(.live) { client async throws in
            let connection = try RawConnection(port: try #require(client.port))
            defer { connection.close() }
            let paths = ["/v1/route?explain=true", "/v1/route", "/v1/route", "/v1/route?explain=true", "/v1/route"]
            let bodies = paths.indices.map { RouteTests.cases[$0 % RouteTests.cases.count].body }
            var bytes = ""
            for (path, body) in zip(paths, bodies) {
                bytes += "POST \(path) HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: \(body.utf8.count)\r\n\r\n\(body)"
            }
            await connection.send(bytes)
            let responses = await connection.readResponses(paths.count, within: .seconds(10)).responses
            #expect(responses.count == paths.count)
            for (index, response) in responses.enumerated() {
                let object = try response.object()
                let expected = RouteTests.cases[index % RouteTests.cases.count]
                #expect(object["merchant"] as? String == expected.merchant && object["amount"] as? String == expected.amount)
                #expect((object["explain"] != nil) == paths[index].hasSuffix("explain=true"), "answer \(index)")
            }
        }
    }
}
