import Foundation
import GatewayConfig
import HTTPTypes
import Hummingbird
import PaymentRouting

/// `POST /v1/outcomes` and `GET /v1/acquirers`: the process's acquirer health, learned from the
/// outcomes callers report, kept in memory (one `HealthTracker` per process, shared by every
/// router the store builds).
struct HealthHandlers: Sendable {
    let keeper: ReleaseKeeper
    let events: HealthEvents
    let clock: ServiceClock

    static let jsonLinesTypes = ["application/x-ndjson", "application/jsonl", "application/json-lines"]
    static let outcomeTypes = RequestBodyReader.Accepted(["application/json"] + jsonLinesTypes)

    /// One report (`application/json`) or JSON Lines of them. Every report is checked against the
    /// served release before any is recorded: a body with a bad line records nothing (400 naming
    /// the line), so sending it again once fixed counts no outcome twice.
    func outcomes(_ request: Request) async throws -> Response {
        let type = try RequestBodyReader.requireContentType(request, accepted: Self.outcomeTypes)
        let jsonLines = Self.jsonLinesTypes.contains(type)
        let body = try await RequestBodyReader.collect(
            request, limit: jsonLines ? RequestLimits.maximumOutcomeLinesBytes : RequestLimits.maximumBodyBytes)
        let release = try keeper.requireCurrent()
        let now = clock.instant
        let bytes = Array(body.readableBytesView)[...]
        let check = { (report: OutcomeReport) in Self.check(report, against: release.router.artifact, now: now) }

        let reports: [OutcomeReport]
        if jsonLines {
            switch OutcomeReader.lines(bytes, check: check) {
            case .success(let read): reports = read
            case .failure(let refusal):
                throw Problem.badRequest(refusal.description, field: refusal.error.field ?? "body", line: refusal.line)
            }
        } else {
            switch OutcomeReader.report(json: bytes) {
            case .success(let report):
                if let error = check(report) { throw Problem.badRequest(error.description, field: error.field ?? "body") }
                reports = [report]
            case .failure(let error): throw Problem.badRequest(error.description, field: error.field ?? "body")
            }
        }

        var transitions: [HealthTransition] = []
        var counts: [OutcomeCount: Int] = [:]
        for report in reports {
            // Every acquirer of a release the store built is known to the tracker, so nil cannot happen.
            transitions += events.tracker.record(report.outcome, for: report.acquirer, at: report.at ?? now) ?? []
            counts[OutcomeCount(acquirer: report.acquirer, outcome: report.outcome), default: 0] += 1
        }
        for (key, count) in counts { events.metrics.acquirerOutcomes(acquirer: key.acquirer, outcome: key.outcome, count: count) }
        events.report(transitions, now: now)
        return DecisionHandlers.json(Array(#"{"accepted":\#(reports.count)}"#.utf8), digest: release.configDigest)
    }

    private struct OutcomeCount: Hashable {
        var acquirer: String
        var outcome: AcquirerOutcome
    }

    /// What the release must say of a report: its acquirer is in the catalog, its region (when
    /// given) is a region, and its instant is not ahead of the service's clock by more than a skew.
    static func check(_ report: OutcomeReport, against artifact: GatewayArtifact, now: Instant) -> RequestError? {
        let acquirers = artifact.catalog.acquirers
        guard acquirers[report.acquirer] != nil else {
            let known = acquirers.keys.sorted()
            let listed = known.prefix(12).joined(separator: ", ") + (known.count > 12 ? ", …" : "")
            return RequestError("\(Problem.quoted(report.acquirer)) is not an acquirer of the served release's catalog (\(listed))",
                                field: "acquirer")
        }
        if let region = report.region, artifact.regions[region] == nil {
            return RequestError("\(Problem.quoted(region)) is not a region of the served release", field: "region")
        }
        if let at = report.at, at.secondsSinceEpoch > now.secondsSinceEpoch + RequestLimits.outcomeClockSkew {
            return RequestError("`\(at)` is ahead of the service's clock (\(now)) by more than \(RequestLimits.outcomeClockSkew) s",
                                field: "at")
        }
        return nil
    }

    /// Each acquirer of the served release's catalog, sorted, with its health now.
    func acquirers() throws -> Response {
        let release = try keeper.requireCurrent()
        let now = clock.instant
        let catalog = release.router.artifact.catalog.acquirers
        let answers = catalog.keys.sorted().compactMap { id in
            catalog[id].map { AcquirerAnswer(id: id, entry: $0, status: events.tracker.status(of: id, at: now)) }
        }
        let answer = AcquirersAnswer(acquirers: answers, at: now.description, configDigest: release.configDigest)
        return try AnswerJSON.response(answer, digest: release.configDigest)
    }

    struct AcquirersAnswer: Encodable {
        var acquirers: [AcquirerAnswer]
        /// The instant the states are read at (the service's clock).
        var at: String
        var configDigest: String

        enum CodingKeys: String, CodingKey {
            case acquirers, at, configDigest = "config_digest"
        }
    }

    /// One acquirer: `state` is `disabled` (by the release), else `ejected` (by its health), else `healthy`.
    struct AcquirerAnswer: Encodable {
        var acquirer: String
        var name: String
        var state: String
        @NullWhenAbsent var ejectedUntil: String?
        var ejections: Int
        var consecutiveFailures: Int
        /// The policy that ejects it; null: outcomes are counted, it is never ejected.
        @NullWhenAbsent var policy: HealthPolicyArtifact?
        var window: WindowAnswer

        init(id: String, entry: AcquirerEntry, status: AcquirerHealthStatus?) {
            acquirer = id
            name = entry.name
            let ejectedUntil = status?.ejectedUntil?.description
            self.ejectedUntil = ejectedUntil
            state = !entry.enabled ? "disabled" : ejectedUntil != nil ? "ejected" : "healthy"
            ejections = status?.ejections ?? 0
            consecutiveFailures = status?.consecutiveFailures ?? 0
            policy = entry.health
            window = WindowAnswer(seconds: status?.windowSeconds ?? entry.health?.windowSeconds ?? 60,
                                  successes: status?.successes ?? 0, failures: status?.failures ?? 0,
                                  declines: status?.declines ?? 0)
        }

        enum CodingKeys: String, CodingKey {
            case acquirer, name, state, ejections, policy, window
            case ejectedUntil = "ejected_until", consecutiveFailures = "consecutive_failures"
        }
    }

    struct WindowAnswer: Encodable {
        var seconds: Int64
        var successes: Int
        var failures: Int
        var declines: Int
    }
}
