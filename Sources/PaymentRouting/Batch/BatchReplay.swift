import Foundation
import GatewayConfig

/// Replays checkouts: one JSON request per line in, one JSON decision per line out, so
/// operations can run a day of checkouts against a proposed config.
/// Request line: `{"region":"HK","merchant":"shop_1","method":"ALIPAY_HK","amount":"120.50 HKD","at":"2026-12-01T10:00:00Z"}`.
/// A malformed line yields `{"error":"...","line":N}` and the replay goes on; a blank line yields
/// a blank line, so the output stays aligned with the input line for line.
///
/// Lines are cut by `RequestLineSplitter` and read by `RequestReader` (the one input layer the
/// service and `diff --traffic` use too), decisions are written byte by byte, not through
/// `JSONEncoder`, and runs of lines are decided on every core: the batch path exists to replay
/// millions of checkouts.
package struct BatchReplay: Sendable {
    package let router: CheckoutRouter
    package let explain: Bool

    package init(router: CheckoutRouter, explain: Bool = false) {
        self.router = router
        self.explain = explain
    }

    package struct Outcome: Sendable {
        package var output: [UInt8]
        package var errors: Int
        /// Lines read, blank ones included, so the caller can keep numbering.
        package var lines: Int = 0
        /// Routed decisions whose primary acquirer was skipped, by region and acquirers (for a
        /// service's `regiond_failovers_total`); empty, and never allocated, while none fails over.
        package var failovers: [FailoverKey: Int] = [:]
    }

    /// A failover counted: the request's region, the route's primary and the acquirer taken.
    package struct FailoverKey: Sendable, Hashable {
        package var region: String
        package var from: String
        package var to: String

        package init(region: String, from: String, to: String) {
            self.region = region
            self.from = from
            self.to = to
        }
    }

    /// Decides every line in `bytes`, numbering lines from `firstLine`, using all cores. Output
    /// lines keep the input's order.
    package func replay(_ bytes: ArraySlice<UInt8>, firstLine: Int) -> Outcome {
        var splitter = RequestLineSplitter(firstLine: firstLine)
        splitter.append(bytes)
        guard let lines = splitter.finish() else { return Outcome(output: [], errors: 0, lines: 0) }
        let parts = replayInParts(lines)
        var output: [UInt8] = []
        output.reserveCapacity(parts.reduce(0) { $0 + $1.output.count })
        var failovers: [FailoverKey: Int] = [:]
        for part in parts {
            output += part.output
            failovers.merge(part.failovers, uniquingKeysWith: +)
        }
        return Outcome(output: output, errors: parts.reduce(0) { $0 + $1.errors }, lines: parts.reduce(0) { $0 + $1.lines },
                       failovers: failovers)
    }

    /// The same for lines the splitter cut, as one outcome per core in input order, so a caller
    /// can write them out without joining them first.
    package func replayInParts(_ lines: RequestLines) -> [Outcome] {
        ParallelMap.map(lines.parts(cores: ProcessInfo.processInfo.activeProcessorCount)) { part in
            replay(lines, part: part)
        }
    }

    func replay(_ lines: RequestLines, part: Range<Int>) -> Outcome {
        var output: [UInt8] = []
        output.reserveCapacity(part.count * 200)
        var errors = 0
        var failovers: [FailoverKey: Int] = [:]
        for index in part {
            let number = lines.firstLine + index
            let request: Result<RouteRequest, RequestError>
            switch lines.lines[index] {
            case .overlong:
                request = .failure(RequestLineSplitter.overlongLine)
            case .text(let range):
                // A blank line gives a blank line: output line N always answers input line N.
                if RequestReader.isBlank(lines.bytes[range]) {
                    output.append(0x0A)
                    continue
                }
                request = RequestReader.line(lines.bytes[range]).map(\.request)
            }
            switch request {
            case .success(let request):
                let decision: RouteDecision
                if explain {
                    let explanation = router.explain(request)
                    decision = explanation.decision
                    output += Array(DecisionReport(request: request, decision: decision, trace: explanation.steps).jsonLine().utf8)
                } else {
                    decision = router.route(request)
                    DecisionReport.write(request: request, decision: decision, into: &output)
                }
                if case .route(let payment) = decision, let failover = payment.failover {
                    failovers[FailoverKey(region: request.region, from: failover.from, to: payment.acquirer), default: 0] += 1
                }
            case .failure(let error):
                errors += 1
                Self.writeError(error.description, line: number, into: &output)
            }
            output.append(0x0A)
        }
        return Outcome(output: output, errors: errors, lines: part.count, failovers: failovers)
    }

    /// The line a request that cannot be decided gets, `{"error":"…","line":N}` (no newline).
    package static func writeError(_ message: String, line: Int, into output: inout [UInt8]) {
        output += Array("{\"error\":".utf8)
        JSONText.writeString(message, into: &output)
        output += Array(",\"line\":\(line)}".utf8)
    }
}
