// The peer regiond is measured against besides nginx: a bare Hummingbird 2 application with one
// handler that decodes the same request body with JSONDecoder and encodes an answer of the same
// size with JSONEncoder, no decision and no middleware. What regiond costs beyond it is ours.
// Run: swift run -c release --package-path Benchmarks bare-hummingbird PORT
import Foundation
import Hummingbird

struct Checkout: Decodable {
    var region: String
    var merchant: String
    var method: String
    var amount: String
    var at: String?
}

/// As many fields and bytes as regiond's routed answer, so both servers write the same amount.
struct Answer: Encodable {
    var acquirer = "antom-us"
    var amount: String
    var at: String
    var configDigest = String(repeating: "0", count: 64)
    var decision = "route"
    var fxRequired = false
    var merchant: String
    var method: String
    var presentmentCurrency = "USD"
    var region: String
    var route = "default"
    var settlementCurrency = "USD"
    var settlementDate = "2026-12-03"
    var walletCurrency = "CNY"
}

let port = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 8090
let router = Router()
router.post("/v1/route") { request, _ -> Response in
    var request = request
    let body = try await request.collectBody(upTo: 64 * 1024)
    let checkout = try JSONDecoder().decode(Checkout.self, from: Data(body.readableBytesView))
    let encoder = JSONEncoder()
    encoder.keyEncodingStrategy = .convertToSnakeCase
    encoder.outputFormatting = .sortedKeys
    let answer = Answer(amount: checkout.amount, at: checkout.at ?? "", merchant: checkout.merchant, method: checkout.method,
                        region: checkout.region)
    var headers = HTTPFields()
    headers[.contentType] = "application/json"
    return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: try encoder.encode(answer))))
}
let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: port), serverName: nil))
try await app.runService()
