import Foundation
import GatewayConfig
import HTTPTypes
import Hummingbird
import PaymentRouting

/// `POST /v1/route` and `POST /v1/route/batch`. Decisions that fail over are counted in
/// `regiond_failovers_total{region,from,to}` (the route's primary, the acquirer taken).
struct DecisionHandlers: Sendable {
    let keeper: ReleaseKeeper
    let metrics: ServiceMetrics
    let decisionLog: DecisionLog?
    /// "Now": a checkout without `at` is decided at it.
    let clock: ServiceClock

    static let jsonTypes = RequestBodyReader.Accepted(["application/json"])
    static let batchTypes = RequestBodyReader.Accepted(["application/x-ndjson", "application/jsonl", "application/json-lines",
                                                        "application/json"])

    func route(_ request: Request) async throws -> Response {
        try RequestBodyReader.requireContentType(request, accepted: Self.jsonTypes)
        let explain = try RequestBodyReader.explainFlag(request)
        let body = try await RequestBodyReader.collect(request, limit: RequestLimits.maximumBodyBytes)
        let answer = try decide(body: Array(body.readableBytesView)[...], explain: explain)
        return Self.json(answer.body, digest: answer.configDigest)
    }

    /// A decided checkout's answer: the JSON body and the digest of the release that decided it.
    struct Answer {
        let body: [UInt8]
        let configDigest: String
    }

    /// Decides one checkout body, counts it, logs it and writes its answer: the one decision path of
    /// `POST /v1/route`, whether Hummingbird's handler or the connection's fast path (`RouteFastPath`)
    /// read the request. Throws the problem to answer (503 before a release, 400 for the body).
    func decide(body: ArraySlice<UInt8>, explain: Bool) throws(Problem) -> Answer {
        let release = try keeper.requireCurrent()
        let now = clock.now()
        let routeRequest: RouteRequest
        switch RequestReader.request(json: body, defaultAt: RFC3339.instant(now)) {
        case .success(let value): routeRequest = value
        case .failure(let error): throw Problem.badRequest(error.description, field: error.field ?? "body")
        }

        let started = ContinuousClock.now
        let decision: RouteDecision
        var steps: [TraceStep]?
        if explain {
            let explanation = release.router.explain(routeRequest)
            decision = explanation.decision
            steps = explanation.steps
        } else {
            decision = release.router.route(routeRequest)
        }
        let elapsed = ContinuousClock.now - started

        let (label, reason) = Self.labels(decision)
        metrics.decided(region: release.regionLabel(routeRequest.region), decision: label, reason: reason, duration: elapsed)
        if case .route(let payment) = decision, let failover = payment.failover {
            // Routed: the region is the release's, so the label set stays bounded.
            metrics.failedOver(BatchReplay.FailoverKey(region: routeRequest.region, from: failover.from, to: payment.acquirer))
        }
        if let decisionLog, decisionLog.sampled() {
            decisionLog.record(configDigest: release.configDigest, request: routeRequest, decision: decision, at: now)
        }

        var output: [UInt8] = []
        output.reserveCapacity(512)
        DecisionReport.write(request: routeRequest, decision: decision, into: &output)
        output.removeLast()  // the closing brace: the service's own fields follow
        output.append(contentsOf: #","config_digest":""#.utf8)
        output.append(contentsOf: release.configDigest.utf8)
        output.append(UInt8(ascii: "\""))
        if let steps {
            output += Array(",\"explain\":".utf8)
            output += Self.encodedSteps(steps)
        }
        output.append(UInt8(ascii: "}"))
        return Answer(body: output, configDigest: release.configDigest)
    }

    /// Streams one decision line per request line, the bytes `regionc route --batch` writes, deciding
    /// a chunk at a time: memory stays near one chunk and one line, however long the body.
    func batch(_ request: Request) async throws -> Response {
        try RequestBodyReader.requireContentType(request, accepted: Self.batchTypes)
        let explain = try RequestBodyReader.explainFlag(request)
        let release = try keeper.requireCurrent()
        let replay = BatchReplay(router: release.router, explain: explain)
        let body = request.body
        var headers = HTTPFields()
        headers[.contentType] = "application/x-ndjson"
        headers[Self.configDigestHeader] = release.configDigest
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            var splitter = RequestLineSplitter()
            for try await buffer in body {
                splitter.append(buffer.readableBytesView)
                if let lines = splitter.take(minimumBytes: RequestLimits.batchChunkBytes) {
                    try await write(lines, replay: replay, into: &writer)
                }
            }
            if let lines = splitter.finish() {
                try await write(lines, replay: replay, into: &writer)
            }
            try await writer.finish(nil)
        })
    }

    private func write(_ lines: RequestLines, replay: BatchReplay, into writer: inout any ResponseBodyWriter) async throws {
        // Deciding a chunk is CPU on every core: on Dispatch workers, not the cooperative pool.
        let outcomes = await BlockingWork.run { replay.replayInParts(lines) }
        for outcome in outcomes {
            for (key, count) in outcome.failovers { metrics.failedOver(key, count: count) }
            if !outcome.output.isEmpty { try await writer.write(ByteBuffer(bytes: outcome.output)) }
        }
    }

    static let configDigestHeader = HTTPField.Name("Config-Digest")!

    static func json(_ bytes: [UInt8], digest: String? = nil) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        if let digest { headers[configDigestHeader] = digest }
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    static func labels(_ decision: RouteDecision) -> (decision: String, reason: String) {
        switch decision {
        case .route: ("route", "none")
        case .decline(let reason): ("decline", reason.rawValue)
        }
    }

    static func encodedSteps(_ steps: [TraceStep]) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(steps)).map(Array.init) ?? Array("[]".utf8)
    }
}
