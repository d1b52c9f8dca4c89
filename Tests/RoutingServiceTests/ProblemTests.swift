import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import RoutingService
import Testing

/// Every bad request gets its 4xx with an RFC 9457 problem+json body naming the field, never a 500.
@Suite struct ProblemTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var method: HTTPRequest.Method
        var path: String
        var contentType: String?
        var body: String
        var status: Int
        var field: String?
        /// A phrase the detail must contain.
        var detail: String
        var testDescription: String { "\(method) \(path) \(body.prefix(60)) -> \(status)" }

        init(_ method: HTTPRequest.Method = .post, _ path: String = "/v1/route", contentType: String? = "application/json",
             body: String = "", status: Int, field: String?, detail: String) {
            (self.method, self.path, self.contentType, self.body, self.status, self.field, self.detail) =
                (method, path, contentType, body, status, field, detail)
        }
    }

    static let hk = #""region":"HK","merchant":"shop_1","method":"ALIPAY_HK""#

    static let cases: [Case] = [
        Case(body: "{not json", status: 400, field: "body", detail: "not a JSON object"),
        Case(body: "", status: 400, field: "body", detail: "not a JSON object"),
        Case(body: #"["HK"]"#, status: 400, field: "body", detail: "not a JSON object"),
        Case(body: #"{"merchant":"shop_1","method":"ALIPAY_HK","amount":"1.00 HKD"}"#, status: 400, field: "region", detail: "missing"),
        Case(body: #"{"region":"HK","method":"ALIPAY_HK","amount":"1.00 HKD"}"#, status: 400, field: "merchant", detail: "missing"),
        Case(body: #"{"region":"HK","merchant":"shop_1","amount":"1.00 HKD"}"#, status: 400, field: "method", detail: "missing"),
        Case(body: "{\(hk)}", status: 400, field: "amount", detail: "missing \"amount\""),
        Case(body: "{\(hk),\"amount\":120.5}", status: 400, field: "amount", detail: "not a string"),
        Case(body: "{\(hk),\"amount\":\"1.00 HKD\",\"at\":1764583200}", status: 400, field: "at", detail: "not a string"),
        Case(body: #"{"region":"HK","merchant":"","method":"ALIPAY_HK","amount":"1.00 HKD"}"#, status: 400, field: "merchant",
             detail: "empty"),
        Case(body: "{\(hk),\"amount\":\"12O.50 HKD\"}", status: 400, field: "amount", detail: "not an amount"),
        Case(body: "{\(hk),\"amount\":\"1.00 HKX\"}", status: 400, field: "amount", detail: "ISO 4217"),
        Case(body: "{\(hk),\"amount\":\"1.001 HKD\"}", status: 400, field: "amount", detail: "3 decimals"),
        Case(body: "{\(hk),\"amount\":\"1.00 HKD\",\"at\":\"2026-12-01 10:00\"}", status: 400, field: "at", detail: "RFC 3339"),
        Case(.post, "/v1/route?explain=maybe", body: "{\(hk),\"amount\":\"1.00 HKD\"}", status: 400, field: "explain",
             detail: "true or false"),
        Case(body: "{\(hk),\"amount\":\"1.00 HKD\",\"pad\":\"\(String(repeating: "x", count: 64 * 1024))\"}", status: 413,
             field: "body", detail: "65536"),
        Case(contentType: "text/plain", body: "{\(hk),\"amount\":\"1.00 HKD\"}", status: 415, field: "content-type", detail: "text/plain"),
        Case(contentType: nil, body: "{\(hk),\"amount\":\"1.00 HKD\"}", status: 415, field: "content-type", detail: "none"),
        Case(.post, "/v1/route/batch", contentType: "application/xml", body: "<a/>", status: 415, field: "content-type",
             detail: "application/x-ndjson"),
        Case(.get, "/v1/nothing-here", contentType: nil, status: 404, field: "path", detail: "/v1/nothing-here"),
        Case(.post, "/", contentType: nil, status: 404, field: "path", detail: "no endpoint"),
        Case(.get, "/v1/route", contentType: nil, status: 405, field: "method", detail: "answers POST, not GET"),
        Case(.delete, "/v1/config", contentType: nil, status: 405, field: "method", detail: "answers GET, not DELETE"),
        Case(.post, "/metrics", contentType: nil, status: 405, field: "method", detail: "answers GET"),
    ] + outcomeCases

    static let outcome = #"{"acquirer":"antom-us","outcome":"failure"}"#

    /// `/v1/outcomes` and `/v1/acquirers`, each refusal of the one object and of JSON Lines.
    static let outcomeCases: [Case] = [
        Case(.post, "/v1/outcomes", body: "{not json", status: 400, field: "body", detail: "not a JSON object"),
        Case(.post, "/v1/outcomes", body: outcome + "\n" + outcome, status: 400, field: "body", detail: "not a JSON object"),
        Case(.post, "/v1/outcomes", body: #"{"outcome":"failure"}"#, status: 400, field: "acquirer", detail: "missing \"acquirer\""),
        Case(.post, "/v1/outcomes", body: #"{"acquirer":"antom-zz","outcome":"failure"}"#, status: 400, field: "acquirer",
             detail: "`antom-zz` is not an acquirer of the served release's catalog"),
        Case(.post, "/v1/outcomes", body: #"{"acquirer":"antom-us","outcome":"error"}"#, status: 400, field: "outcome",
             detail: "use success, failure or decline"),
        Case(.post, "/v1/outcomes", body: #"{"acquirer":"antom-us","outcome":true}"#, status: 400, field: "outcome", detail: "not a string"),
        Case(.post, "/v1/outcomes", body: #"{"acquirer":"antom-us","outcome":"failure","region":"ZZ"}"#, status: 400, field: "region",
             detail: "`ZZ` is not a region of the served release"),
        Case(.post, "/v1/outcomes", body: #"{"acquirer":"antom-us","outcome":"failure","at":"yesterday"}"#, status: 400, field: "at",
             detail: "RFC 3339"),
        Case(.post, "/v1/outcomes", contentType: "application/x-ndjson", body: outcome + "\n\n" + #"{"acquirer":"antom-us"}"#,
             status: 400, field: "outcome", detail: "line 3: missing \"outcome\""),
        Case(.post, "/v1/outcomes", contentType: "application/x-ndjson",
             body: outcome + "\n" + String(repeating: " ", count: 65_537) + outcome, status: 400, field: "body",
             detail: "line 2: line longer than 65536 bytes"),
        Case(.post, "/v1/outcomes", body: String(repeating: " ", count: 64 * 1024) + outcome, status: 413, field: "body",
             detail: "65536"),
        Case(.post, "/v1/outcomes", contentType: "application/x-ndjson",
             body: String(repeating: outcome + "\n", count: 1024 * 1024 / 43 + 1), status: 413, field: "body", detail: "1048576"),
        Case(.post, "/v1/outcomes", contentType: "text/plain", body: outcome, status: 415, field: "content-type",
             detail: "application/json or application/x-ndjson"),
        Case(.post, "/v1/outcomes", contentType: nil, body: outcome, status: 415, field: "content-type", detail: "none"),
        Case(.get, "/v1/outcomes", contentType: nil, status: 405, field: "method", detail: "answers POST, not GET"),
        Case(.post, "/v1/acquirers", contentType: nil, status: 405, field: "method", detail: "answers GET, not POST"),
    ]

    @Test(arguments: cases) func badRequestIsAProblemNamingTheField(_ testCase: Case) async throws {
        let harness = try ServiceFixture.harness()
        await harness.service.pollOnce()
        try await harness.service.application().test(.router) { client async throws in
            var headers = HTTPFields()
            if let contentType = testCase.contentType { headers[.contentType] = contentType }
            let response = try await client.execute(uri: testCase.path, method: testCase.method, headers: headers,
                                                    body: ByteBuffer(string: testCase.body))
            #expect(Int(response.status.code) == testCase.status, "\(response.text)")
            #expect(response.headers[.contentType] == "application/problem+json")
            let problem = try response.object()
            #expect(problem["status"] as? Int == testCase.status)
            #expect(problem["type"] as? String == "about:blank")
            #expect(problem["title"] as? String == response.status.reasonPhrase)
            #expect(problem["field"] as? String == testCase.field)
            #expect(problem["instance"] as? String == String(testCase.path.prefix { $0 != "?" }))
            let detail = try #require(problem["detail"] as? String)
            #expect(detail.contains(testCase.detail), "\(detail)")
            if testCase.status == 405 {
                #expect(response.headers[.allow] != nil)
            }
        }
    }

    @Test func everyEndpointIsUnavailableUntilAReleaseIsVerified() async throws {
        let harness = try ServiceFixture.harness(publish: false)
        await harness.service.pollOnce()
        try await harness.service.application().test(.router) { client async throws in
            #expect(try await client.get("/healthz").status == .ok)
            for response in [try await client.get("/readyz"), try await client.get("/v1/config"),
                             try await client.post("/v1/route", #"{"region":"HK","merchant":"m","method":"ALIPAY_HK","amount":"1.00 HKD"}"#),
                             try await client.post("/v1/route/batch", "{}\n", contentType: "application/x-ndjson"),
                             try await client.post("/v1/outcomes", Self.outcome), try await client.get("/v1/acquirers")] {
                #expect(response.status == .serviceUnavailable)
                #expect(response.headers[.contentType] == "application/problem+json")
                let detail = try #require(try response.object()["detail"] as? String)
                #expect(detail.contains("no verified release"), "\(detail)")
            }
        }
    }
}
