import Foundation
import GatewayConfig

/// Replays checkouts: one JSON request per line in, one JSON decision per line out, so
/// operations can run a day of checkouts against a proposed config.
/// Request line: `{"region":"HK","merchant":"shop_1","method":"ALIPAY_HK","amount":"120.50 HKD","at":"2026-12-01T10:00:00Z"}`.
/// A malformed line yields `{"error":"...","line":N}` and the replay goes on; a blank line yields
/// a blank line, so the output stays aligned with the input line for line.
///
/// Lines are read with a small scanner and decisions written byte by byte, not through
/// `JSONDecoder`/`JSONEncoder`, and chunks of lines are decided on every core: the batch
/// path exists to replay millions of checkouts.
public struct BatchReplay: Sendable {
    package let router: Router
    package let explain: Bool

    public init(router: Router, explain: Bool = false) {
        self.router = router
        self.explain = explain
    }

    public struct Outcome: Sendable {
        public var output: [UInt8]
        public var errors: Int
        /// Lines read, blank ones included, so the caller can keep numbering.
        public var lines: Int = 0
    }

    /// Decides every complete line in `bytes` (which must end at a line boundary), numbering
    /// lines from `firstLine`, using all cores. Output lines keep the input's order.
    public func replay(_ bytes: ArraySlice<UInt8>, firstLine: Int) -> Outcome {
        let parts = replayInParts(bytes, firstLine: firstLine)
        var output: [UInt8] = []
        output.reserveCapacity(parts.reduce(0) { $0 + $1.output.count })
        for part in parts { output += part.output }
        return Outcome(output: output, errors: parts.reduce(0) { $0 + $1.errors }, lines: parts.reduce(0) { $0 + $1.lines })
    }

    /// The same, as one outcome per core in input order, so a caller can write them out
    /// without joining them first. Splitting, counting lines and deciding all run in parallel.
    public func replayInParts(_ bytes: ArraySlice<UInt8>, firstLine: Int) -> [Outcome] {
        ParallelMap.map(Self.parts(of: bytes, firstLine: firstLine)) { range, start in
            replay(lines: Self.lineRanges(bytes[range])[...], in: bytes, firstLine: start)
        }
    }

    /// Cuts `bytes` (which end at a line boundary) at line boundaries into one part per core, each
    /// with the number of its first line; the lines are counted in parallel. Every reader of
    /// request lines (this replay, the traffic diff) splits its chunks here.
    static func parts(of bytes: ArraySlice<UInt8>, firstLine: Int) -> [(range: Range<Int>, firstLine: Int)] {
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, bytes.count / 65_536))
        var bounds = [bytes.startIndex]
        var previous = bytes.startIndex
        for worker in 1..<max(2, workers) where workers > 1 {
            let target = max(previous, bytes.startIndex + bytes.count / workers * worker)
            let cut = bytes[target...].firstIndex(of: 0x0A).map { $0 + 1 } ?? bytes.endIndex
            bounds.append(cut)
            previous = cut
        }
        bounds.append(bytes.endIndex)
        let ranges = zip(bounds, bounds.dropFirst()).map { $0..<$1 }
        let lineCounts = ParallelMap.map(ranges) { range in bytes[range].count { $0 == 0x0A } }
        var starts: [Int] = []
        var next = firstLine
        for count in lineCounts {
            starts.append(next)
            next += count
        }
        return Array(zip(ranges, starts))
    }

    func replay(lines: ArraySlice<Range<Int>>, in bytes: ArraySlice<UInt8>, firstLine: Int) -> Outcome {
        var output: [UInt8] = []
        output.reserveCapacity(lines.count * 200)
        var errors = 0
        for (offset, range) in lines.enumerated() {
            let line = bytes[range]
            // A blank line gives a blank line: output line N always answers input line N.
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
                output.append(0x0A)
                continue
            }
            let number = firstLine + offset
            switch parse(line) {
            case .success(let request):
                if explain {
                    let explanation = router.explain(request)
                    output += Array(DecisionReport(request: request, decision: explanation.decision, trace: explanation.steps).jsonLine().utf8)
                } else {
                    DecisionReport.write(request: request, decision: router.route(request), into: &output)
                }
            case .failure(let error):
                errors += 1
                Self.writeError(error.description, line: number, into: &output)
            }
            output.append(0x0A)
        }
        return Outcome(output: output, errors: errors, lines: lines.count)
    }

    /// A request line, or the request of a `regiond` decision-log line.
    func parse(_ line: ArraySlice<UInt8>) -> Result<RouteRequest, RequestError> {
        RequestLine.read(line).map(\.request)
    }

    /// Reads one request object: the one validator for batch lines and `regiond`'s `/v1/route` body.
    /// `defaultAt` stands in for a missing `at` (the service's "now"); without it `at` is required,
    /// as in batch files. A failure names the field at fault when there is one.
    package static func request(json line: ArraySlice<UInt8>, defaultAt: Instant? = nil) -> Result<RouteRequest, RequestError> {
        if let fields = RequestLineScanner.scan(line), let request = fastRequest(line, fields) { return .success(request) }
        return parseGeneral(line, defaultAt: defaultAt)
    }

    /// Builds the request straight from bytes; nil (take the general path, which explains
    /// the problem) when a field is not plain ASCII or does not parse.
    static func fastRequest(_ line: ArraySlice<UInt8>, _ fields: RequestLineScanner.Fields) -> RouteRequest? {
        func isASCII(_ range: Range<Int>) -> Bool { line[range].allSatisfy { $0 < 0x80 } }
        guard isASCII(fields.region), isASCII(fields.merchant), isASCII(fields.method), !fields.merchant.isEmpty,
              case .success(let amount) = Money.parse(utf8: line[fields.amount]), amount.minorUnits >= 0,
              case .success(let instant) = Instant.parse(utf8: line[fields.at], fractions: .truncate),
              instant < RequestParser.latestCapture else { return nil }
        return RouteRequest(region: String(decoding: line[fields.region], as: UTF8.self),
                            merchant: String(decoding: line[fields.merchant], as: UTF8.self),
                            method: String(decoding: line[fields.method], as: UTF8.self), amount: amount, at: instant)
    }

    static func parseGeneral(_ line: ArraySlice<UInt8>, defaultAt: Instant? = nil) -> Result<RouteRequest, RequestError> {
        let fields: [String: String]
        switch FlatJSONObject.read(line) {
        case .success(let read): fields = read
        case .failure(.malformed): return .failure(RequestError("not a JSON object of strings"))
        case .failure(.notAString(let key)): return .failure(RequestError("\"\(key)\" is not a string", field: key))
        }
        var values: [String] = []
        for key in ["region", "merchant", "method", "amount"] {
            guard let value = fields[key] else { return .failure(RequestError("missing \"\(key)\"", field: key)) }
            values.append(value)
        }
        return RequestParser.parse(region: values[0], merchant: values[1], method: values[2], amount: values[3],
                                   at: fields["at"], defaultAt: defaultAt)
    }

    /// The line a request that cannot be decided gets, `{"error":"…","line":N}` (no newline), so a
    /// caller reporting a line it could not even hand over (e.g. one over a length cap) writes the same.
    package static func writeError(_ message: String, line: Int, into output: inout [UInt8]) {
        output += Array("{\"error\":".utf8)
        JSONText.writeString(message, into: &output)
        output += Array(",\"line\":\(line)}".utf8)
    }

    /// Ranges of the lines in `bytes`, without their newline.
    static func lineRanges(_ bytes: ArraySlice<UInt8>) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = bytes.startIndex
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if bytes[index] == 0x0A {
                ranges.append(start..<index)
                start = index + 1
            }
            index += 1
        }
        if start < bytes.endIndex { ranges.append(start..<bytes.endIndex) }
        return ranges
    }
}
