import Foundation
import GatewayConfig

/// Replays checkouts: one JSON request per line in, one JSON decision per line out, so
/// operations can run a day of checkouts against a proposed config.
/// Request line: `{"region":"HK","merchant":"shop_1","method":"ALIPAY_HK","amount":"120.50 HKD","at":"2026-12-01T10:00:00Z"}`.
/// A malformed line yields `{"error":"...","line":N}` and the replay goes on.
public struct BatchReplay: Sendable {
    public let router: Router

    public init(router: Router) { self.router = router }

    struct RequestLine: Decodable {
        let region: String
        let merchant: String
        let method: String
        let amount: String
        let at: String
    }

    struct ErrorLine: Encodable {
        let error: String
        let line: Int
    }

    public struct Outcome: Sendable {
        public var output: String
        public var isError: Bool
    }

    public func replay(line: Substring, number: Int, explain: Bool = false) -> Outcome {
        let decoder = JSONDecoder()
        let request: RouteRequest
        do {
            let raw = try decoder.decode(RequestLine.self, from: Data(line.utf8))
            switch RequestParser.parse(region: raw.region, merchant: raw.merchant, method: raw.method, amount: raw.amount,
                                       at: raw.at) {
            case .success(let parsed): request = parsed
            case .failure(let error): return errorLine(error.description, number)
            }
        } catch {
            return errorLine("not a request object: \(error)", number)
        }
        if explain {
            let explanation = router.explain(request)
            return Outcome(output: DecisionReport(request: request, decision: explanation.decision, trace: explanation.steps).jsonLine(),
                           isError: false)
        }
        return Outcome(output: DecisionReport(request: request, decision: router.route(request)).jsonLine(), isError: false)
    }

    private func errorLine(_ message: String, _ number: Int) -> Outcome {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let text = (try? encoder.encode(ErrorLine(error: message, line: number))).map { String(decoding: $0, as: UTF8.self) }
        return Outcome(output: text ?? "{}", isError: true)
    }
}
