import Foundation
import GatewayConfig

/// The JSON form of a decision (`regionc route --format json`, one line per batch request).
package struct DecisionReport: Codable, Sendable, Equatable {
    package var decision: String
    package var reason: String?
    package var route: String?
    package var acquirer: String?
    package var presentmentCurrency: String?
    package var settlementCurrency: String?
    package var walletCurrency: String?
    package var fxRequired: Bool?
    package var settlementDate: String?
    /// Present (true) only when the settlement date lies past a calendar's horizon.
    package var settlementDateEstimated: Bool?
    /// The route's usable acquirers after `acquirer`, in order (routed decisions only).
    package var fallbacks: [String]?
    /// Present when the route's primary acquirer was skipped.
    package var failover: FailoverReport?
    package var region: String
    package var merchant: String
    package var method: String
    package var amount: String
    package var at: String
    package var trace: [TraceStep]?

    enum CodingKeys: String, CodingKey {
        case decision, reason, route, acquirer, region, merchant, method, amount, at, trace, fallbacks, failover
        case presentmentCurrency = "presentment_currency"
        case settlementCurrency = "settlement_currency"
        case walletCurrency = "wallet_currency"
        case fxRequired = "fx_required"
        case settlementDate = "settlement_date"
        case settlementDateEstimated = "settlement_date_estimated"
    }

    package init(request: RouteRequest, decision: RouteDecision, trace: [TraceStep]? = nil) {
        region = request.region
        merchant = request.merchant
        method = request.method
        amount = request.amount.description
        at = request.at.description
        self.trace = trace
        switch decision {
        case .decline(let why):
            self.decision = "decline"
            reason = why.rawValue
        case .route(let payment):
            self.decision = "route"
            route = payment.route
            acquirer = payment.acquirer
            presentmentCurrency = payment.presentmentCurrency.rawValue
            settlementCurrency = payment.settlementCurrency.rawValue
            walletCurrency = payment.walletCurrency.rawValue
            fxRequired = payment.fxRequired
            settlementDate = payment.settlementDate.description
            settlementDateEstimated = payment.settlementDateEstimated ? true : nil
            fallbacks = Array(payment.fallbacks)
            failover = payment.failover.map { FailoverReport(from: $0.from, reason: $0.reason.rawValue) }
        }
    }

    package struct FailoverReport: Codable, Sendable, Equatable {
        package var from: String
        package var reason: String
    }

    /// One line of compact JSON with sorted keys.
    package func jsonLine() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    /// Writes the same bytes as `jsonLine()` for a decision without trace, straight into `output`:
    /// the batch path, where an encoder per line would dominate.
    package static func write(request: RouteRequest, decision: RouteDecision, into output: inout [UInt8]) {
        // Keys are known ASCII without escapes: copied as static bytes, not checked per line.
        func key(_ name: StaticString, first: Bool = false) {
            if !first { output.append(UInt8(ascii: ",")) }
            output.append(UInt8(ascii: "\""))
            name.withUTF8Buffer { output.append(contentsOf: $0) }
            output.append(UInt8(ascii: "\""))
            output.append(UInt8(ascii: ":"))
        }
        func text(_ name: StaticString, _ value: String, first: Bool = false) {
            key(name, first: first)
            JSONText.writeString(value, into: &output)
        }
        // Amounts, instants and dates hold no characters JSON escapes: written bare in quotes.
        func unescaped(_ name: StaticString, first: Bool = false, _ write: (inout [UInt8]) -> Void) {
            key(name, first: first)
            output.append(UInt8(ascii: "\""))
            write(&output)
            output.append(UInt8(ascii: "\""))
        }
        output.append(UInt8(ascii: "{"))
        switch decision {
        case .route(let payment):
            text("acquirer", payment.acquirer, first: true)
            unescaped("amount", request.amount.write(into:))
            unescaped("at", request.at.write(into:))
            text("decision", "route")
            if let failover = payment.failover {
                key("failover")
                output.append(UInt8(ascii: "{"))
                text("from", failover.from, first: true)
                text("reason", failover.reason.rawValue)
                output.append(UInt8(ascii: "}"))
            }
            key("fallbacks")
            output.append(UInt8(ascii: "["))
            for (index, fallback) in payment.fallbacks.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                JSONText.writeString(fallback, into: &output)
            }
            output.append(UInt8(ascii: "]"))
            key("fx_required")
            let literal: StaticString = payment.fxRequired ? "true" : "false"
            literal.withUTF8Buffer { output.append(contentsOf: $0) }
            text("merchant", request.merchant)
            text("method", request.method)
            text("presentment_currency", payment.presentmentCurrency.rawValue)
            text("region", request.region)
            text("route", payment.route)
            text("settlement_currency", payment.settlementCurrency.rawValue)
            unescaped("settlement_date", payment.settlementDate.write(into:))
            if payment.settlementDateEstimated {
                key("settlement_date_estimated")
                let estimated: StaticString = "true"
                estimated.withUTF8Buffer { output.append(contentsOf: $0) }
            }
            text("wallet_currency", payment.walletCurrency.rawValue)
        case .decline(let reason):
            unescaped("amount", first: true, request.amount.write(into:))
            unescaped("at", request.at.write(into:))
            text("decision", "decline")
            text("merchant", request.merchant)
            text("method", request.method)
            text("reason", reason.rawValue)
            text("region", request.region)
        }
        output.append(UInt8(ascii: "}"))
    }

    /// A few lines for people.
    package func text() -> String {
        var lines: [String] = []
        if decision == "route" {
            lines.append("route: \(route ?? "") via \(acquirer ?? "")"
                         + (failover.map { " (failover from \($0.from): \($0.reason))" } ?? "")
                         + (fallbacks.map { $0.isEmpty ? "" : "; fallbacks: \($0.joined(separator: ", "))" } ?? ""))
            lines.append("  \(amount) \(method) in \(region) for \(merchant) at \(at)")
            lines.append("  settles \(settlementCurrency ?? "") on \(settlementDate ?? "")\(settlementDateEstimated == true ? " (estimated: past a calendar's horizon)" : "")\(fxRequired == true ? " (FX from \(presentmentCurrency ?? ""))" : "")")
        } else {
            lines.append("decline: \(reason ?? "")")
            lines.append("  \(amount) \(method) in \(region) for \(merchant) at \(at)")
        }
        for step in trace ?? [] {
            lines.append("  \(step.passed ? "ok  " : "FAIL") \(step.check): \(step.detail)  [\(step.source)]")
        }
        return lines.joined(separator: "\n")
    }
}
