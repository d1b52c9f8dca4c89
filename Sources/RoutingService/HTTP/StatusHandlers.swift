import Foundation
import Hummingbird
import PaymentRouting

/// `GET /v1/config`, `/healthz`, `/readyz`, `/metrics` and `/openapi.json`.
struct StatusHandlers: Sendable {
    let keeper: ReleaseKeeper
    let metrics: ServiceMetrics
    let source: ServiceConfiguration.Source
    let stateDirectory: String?
    let openAPIDocument: [UInt8]
    let clock: ServiceClock

    /// What `/v1/config` answers: the spec's fields, then the service's own (`config_digest`, `origin`,
    /// `source`, the state directory's: where, how many saves failed, the newest failure; and each
    /// region's `availability` now: its phase, its next step, the change freeze in effect).
    struct ConfigAnswer: Encodable {
        var sourceDigest: String
        var formatVersion: Int
        var compilerVersion: String
        /// The serial signed with the release; null when the signature carries none or releases are unsigned.
        @NullWhenAbsent var releaseSerial: UInt64?
        @NullWhenAbsent var keyId: String?
        var loadedAt: String
        var regions: [String]
        @NullWhenAbsent var lastFailure: FailureAnswer?
        var configDigest: String
        var origin: String
        var source: String
        @NullWhenAbsent var stateDirectory: String?
        var stateWriteFailures: Int
        @NullWhenAbsent var lastStateWriteFailure: StateFailureAnswer?
        var availability: [String: RegionPhaseAnswer]

        enum CodingKeys: String, CodingKey {
            case sourceDigest = "source_digest", formatVersion = "format_version", compilerVersion = "compiler_version"
            case releaseSerial = "release_serial", keyId = "key_id", loadedAt = "loaded_at", regions
            case lastFailure = "last_failure", configDigest = "config_digest", origin, source
            case stateDirectory = "state_directory", stateWriteFailures = "state_write_failures"
            case lastStateWriteFailure = "last_state_write_failure", availability
        }
    }

    struct StateFailureAnswer: Encodable {
        var path: String
        var reason: String
        var at: String

        init(_ failure: StateWriteFailure) {
            path = failure.path
            reason = failure.reason
            at = RFC3339.seconds(failure.at)
        }
    }

    struct FailureAnswer: Encodable {
        var code: String
        var reason: String
        var at: String
        @NullWhenAbsent var digest: String?

        init(_ failure: ReloadFailure) {
            code = failure.code
            reason = failure.message
            at = RFC3339.seconds(failure.at)
            digest = failure.rejectedDigest
        }
    }

    func config() throws -> Response {
        guard let release = keeper.current else {
            let why = keeper.lastFailure.map { " (last failure: \($0.description))" } ?? ""
            throw Problem.notReady("no verified release is loaded yet\(why)")
        }
        let active = release.release
        let status = keeper.status
        let now = clock.instant
        let answer = ConfigAnswer(
            sourceDigest: active.sourceDigest, formatVersion: active.formatVersion, compilerVersion: active.compilerVersion,
            releaseSerial: active.releaseSerial, keyId: active.keyId, loadedAt: RFC3339.seconds(active.loadedAt),
            regions: active.regions, lastFailure: status.lastFailure.map(FailureAnswer.init),
            configDigest: release.configDigest, origin: active.origin.rawValue, source: sourceText,
            stateDirectory: stateDirectory, stateWriteFailures: status.stateWriteFailures,
            lastStateWriteFailure: status.lastStateWriteFailure.map(StateFailureAnswer.init),
            availability: release.router.artifact.regions.mapValues { RegionPhaseAnswer($0, at: now) })
        return try AnswerJSON.response(answer, digest: release.configDigest)
    }

    var sourceText: String {
        switch source {
        case .file(let path): path
        case .url(let url): url
        }
    }

    func healthz() -> Response { DecisionHandlers.json(Array(#"{"status":"ok"}"#.utf8)) }

    func readyz() throws -> Response {
        guard let release = keeper.current else {
            let why = keeper.lastFailure.map { " (last failure: \($0.description))" } ?? ""
            throw Problem.notReady("no verified release is loaded yet\(why)")
        }
        return DecisionHandlers.json(Array(#"{"config_digest":"\#(release.configDigest)","status":"ready"}"#.utf8))
    }

    func metricsText() -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: metrics.render())))
    }

    func openAPI() -> Response { DecisionHandlers.json(openAPIDocument) }
}
