import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import NIOEmbedded
import NIOHTTP1
@testable import RoutingService
import Testing

/// `POST /v1/route` answered on the event loop (`RouteFastPath`): which requests it takes, that
/// what it does not take reaches Hummingbird untouched and in order, and that its answers are
/// Hummingbird's to the byte (status, headers, body, counts) for routed, declined and refused
/// checkouts alike.
@Suite struct RouteFastPathTests {
    struct Head: Sendable, CustomTestStringConvertible {
        var method: HTTPMethod = .POST
        var uri = "/v1/route"
        var headers: [(String, String)] = [("Content-Type", "application/json"), ("Content-Length", "2")]
        var taken: Bool
        var note: String
        var testDescription: String { note }

        var head: HTTPRequestHead {
            HTTPRequestHead(version: .http1_1, method: method, uri: uri, headers: HTTPHeaders(headers))
        }
    }

    static let heads: [Head] = [
        Head(taken: true, note: "POST /v1/route, application/json, a length"),
        Head(headers: [("content-type", "application/json"), ("content-length", "65536")], taken: true,
             note: "lower-case names, a length at the cap"),
        Head(headers: [("Content-Type", "application/json"), ("Content-Length", "65537")], taken: false,
             note: "a length over the cap (Hummingbird answers 413)"),
        Head(headers: [("Content-Type", "application/json")], taken: false, note: "no length"),
        Head(headers: [("Content-Type", "application/json"), ("Transfer-Encoding", "chunked")], taken: false, note: "chunked"),
        Head(headers: [("Content-Type", "application/json"), ("Content-Length", "-1")], taken: false, note: "a negative length"),
        Head(headers: [("Content-Type", "application/json"), ("Content-Length", "x")], taken: false, note: "a length not a number"),
        Head(headers: [("Content-Type", "application/json; charset=utf-8"), ("Content-Length", "2")], taken: false,
             note: "a media type with parameters"),
        Head(headers: [("Content-Type", "text/plain"), ("Content-Length", "2")], taken: false, note: "another media type"),
        Head(headers: [("Content-Length", "2")], taken: false, note: "no media type"),
        Head(headers: [("Content-Type", "application/json"), ("Content-Length", "2"), ("Expect", "100-continue")], taken: false,
             note: "Expect"),
        Head(uri: "/v1/route?explain=true", taken: false, note: "a query"),
        Head(uri: "//v1/route", taken: false, note: "a doubled slash"),
        Head(uri: "/v1/route/batch", taken: false, note: "the batch endpoint"),
        Head(method: .PUT, taken: false, note: "PUT"),
        Head(method: .GET, taken: false, note: "GET"),
    ]

    @Test(arguments: heads) func takesOnlyItsOwnRequests(_ head: Head) {
        #expect(RouteFastPath.takes(head.head) == head.taken)
    }

    /// A pipeline of the fast path alone: what it takes is answered on the channel and never handed
    /// on; what it does not take is handed on whole, and while that one is unanswered, the next
    /// request it would take follows it (answers keep the order of requests).
    @Test func answersWhatItTakesAndHandsOnTheRestInOrder() async throws {
        let harness = try ServiceFixture.harness()
        await harness.service.pollOnce()
        let channel = EmbeddedChannel(handler: RouteFastPath(decisions: harness.service.decisions, metrics: harness.service.metrics))
        let body = RouteTests.cases[0].body

        try send(channel, Self.request(body: body))
        let answer = try #require(try read(channel))
        #expect(answer.status == .ok && answer.headers["Content-Type"] == ["application/json"])
        #expect(try channel.readInbound(as: HTTPServerRequestPart.self) == nil)

        // Handed on: a query; then one it would take, which must follow the first.
        try send(channel, Self.request(uri: "/v1/route?explain=true", body: body))
        try send(channel, Self.request(body: body))
        var handedOn: [String] = []
        while let part = try channel.readInbound(as: HTTPServerRequestPart.self) {
            if case .head(let head) = part { handedOn.append(head.uri) }
        }
        #expect(handedOn == ["/v1/route?explain=true", "/v1/route"])
        #expect(try read(channel) == nil)

        // Hummingbird answers both; then the fast path takes requests again.
        for _ in 0..<2 {
            try channel.writeOutbound(HTTPServerResponsePart.head(HTTPResponseHead(version: .http1_1, status: .ok)))
            try channel.writeOutbound(HTTPServerResponsePart.end(nil))
        }
        while try channel.readOutbound(as: HTTPServerResponsePart.self) != nil {}
        try send(channel, Self.request(body: body))
        #expect(try read(channel)?.status == .ok)
        #expect(try channel.readInbound(as: HTTPServerRequestPart.self) == nil)
        _ = try channel.finish()
    }

    /// A client gone mid-body is counted as Hummingbird's path counts it (499), once.
    @Test func aClientGoneMidBodyIsCountedAs499() async throws {
        let harness = try ServiceFixture.harness()
        await harness.service.pollOnce()
        let channel = EmbeddedChannel(handler: RouteFastPath(decisions: harness.service.decisions, metrics: harness.service.metrics))
        var head = HTTPRequestHead(version: .http1_1, method: .POST, uri: "/v1/route")
        head.headers = HTTPHeaders([("Content-Type", "application/json"), ("Content-Length", "100")])
        try channel.writeInbound(HTTPServerRequestPart.head(head))
        try channel.writeInbound(HTTPServerRequestPart.body(ByteBuffer(string: "{\"region\"")))
        channel.pipeline.fireErrorCaught(HTTPParserError.invalidEOFState)
        #expect(try read(channel) == nil)
        let metrics = String(decoding: harness.service.metrics.render(), as: UTF8.self)
        #expect(metrics.contains(#"regiond_http_requests_total{path="/v1/route",status="499"} 1"#), "\(metrics)")
        _ = try? channel.finish()
    }

    static func request(uri: String = "/v1/route", body: String) -> [HTTPServerRequestPart] {
        var head = HTTPRequestHead(version: .http1_1, method: .POST, uri: uri)
        head.headers = HTTPHeaders([("Content-Type", "application/json"), ("Content-Length", String(body.utf8.count))])
        // The body in two reads, as a socket may deliver it.
        let bytes = Array(body.utf8)
        let half = bytes.count / 2
        return [.head(head), .body(ByteBuffer(bytes: bytes[..<half])), .body(ByteBuffer(bytes: bytes[half...])), .end(nil)]
    }

    func send(_ channel: EmbeddedChannel, _ parts: [HTTPServerRequestPart]) throws {
        for part in parts { try channel.writeInbound(part) }
        channel.pipeline.fireChannelReadComplete()
    }

    struct Answer: Equatable {
        var status: HTTPResponseStatus
        var headers: HTTPHeaders
        var body: [UInt8]
    }

    /// One whole answer written by the fast path, or nil when it wrote none.
    func read(_ channel: EmbeddedChannel) throws -> Answer? {
        guard case .head(let head) = try channel.readOutbound(as: HTTPServerResponsePart.self) else { return nil }
        guard case .body(.byteBuffer(let buffer)) = try channel.readOutbound(as: HTTPServerResponsePart.self),
              case .end = try channel.readOutbound(as: HTTPServerResponsePart.self) else {
            Issue.record("an answer without a body and an end")
            return nil
        }
        return Answer(status: head.status, headers: head.headers, body: Array(buffer.readableBytesView))
    }
}
