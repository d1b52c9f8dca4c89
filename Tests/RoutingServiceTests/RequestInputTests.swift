import Foundation
import Hummingbird
import HummingbirdTesting
import RoutingService
import Testing

/// The service reads requests with the input layer `regionc` uses (issue 21 items 9 and 12):
/// the same line cap and message on `/v1/route/batch`, the same refusals on `/v1/route`.
@Suite struct RequestInputTests {
    static let request = RouteTests.cases[0].body

    /// The request padded with spaces before its closing brace to exactly `bytes` bytes.
    static func line(bytes: Int) -> String {
        String(request.dropLast()) + String(repeating: " ", count: bytes - request.utf8.count) + "}"
    }

    /// The terminator never counts toward the 65,536-byte cap, as on `route --batch` and `diff --traffic`.
    @Test(arguments: [(65_536, "\n", false), (65_536, "\r\n", false), (65_537, "\n", true), (65_537, "\r\n", true)])
    func batchLineCapIgnoresTheTerminator(bytes: Int, terminator: String, refused: Bool) async throws {
        let harness = try ServiceFixture.harness()
        await harness.service.pollOnce()
        let body = Self.request + terminator + Self.line(bytes: bytes) + terminator + Self.request + terminator
        try await harness.service.application().test(.router) { client async throws in
            let response = try await client.post("/v1/route/batch", body, contentType: "application/x-ndjson")
            let lines = response.text.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.count == 4 && lines.last == "")
            #expect(lines[0].contains("\"decision\":\"route\"") && lines[2].contains("\"decision\":\"route\""))
            if refused {
                #expect(lines[1] == #"{"error":"line longer than 65536 bytes","line":2}"#)
            } else {
                #expect(lines[1].contains("\"decision\":\"route\""), "\(lines[1].prefix(200))")
            }
        }
    }

    static let base = #""region":"US","merchant":"shop_1","method":"ALIPAY_CN","amount":"1.00 USD","at":"2026-12-01T15:00:00Z""#

    /// Bodies `/v1/route` decided and must refuse, naming the field.
    @Test(arguments: [
        ("{" + base + #","amount":"999999.00 USD"}"#, "amount", #""amount" appears twice"#),
        ("{" + base.replacingOccurrences(of: "shop_1", with: #"shop\u0000_1"#) + "}", "merchant", "control character U+0000"),
        ("{" + base.replacingOccurrences(of: "ALIPAY_CN", with: #"ALIPAY_CN\u007f"#) + "}", "method", "control character U+007F"),
    ])
    func routeRefusesDuplicatesAndControlCharacters(body: String, field: String, detail: String) async throws {
        let harness = try ServiceFixture.harness()
        await harness.service.pollOnce()
        try await harness.service.application().test(.router) { client async throws in
            let response = try await client.post("/v1/route", body)
            #expect(response.status == .badRequest, "\(response.text)")
            let problem = try response.object()
            #expect(problem["field"] as? String == field)
            #expect((problem["detail"] as? String)?.contains(detail) == true, "\(response.text)")
        }
    }
}
