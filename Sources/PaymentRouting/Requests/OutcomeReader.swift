import GatewayConfig

/// One outcome a caller reports after an attempt at an acquirer (`POST /v1/outcomes`).
package struct OutcomeReport: Sendable, Equatable {
    package var acquirer: String
    package var outcome: AcquirerOutcome
    /// The checkout's region, when the caller gives it (a service checks it against its release).
    package var region: String?
    /// When the attempt ended; nil stands for the receiver's "now".
    package var at: Instant?

    package init(acquirer: String, outcome: AcquirerOutcome, region: String? = nil, at: Instant? = nil) {
        self.acquirer = acquirer
        self.outcome = outcome
        self.region = region
        self.at = at
    }
}

/// A line of a JSON Lines body that is not an outcome report, and its number (from 1).
package struct OutcomeLineError: Error, Sendable, Equatable, CustomStringConvertible {
    package var line: Int
    package var error: RequestError

    package var description: String { "line \(line): \(error.description)" }
}

/// Reads outcome reports from JSON, through the one cursor and line splitter the route requests
/// use: `{"acquirer":"antom-hk","outcome":"failure","region":"HK","at":"2026-12-01T10:00:00Z"}`,
/// `region` and `at` optional, every member a string (as in a route request), a key given twice
/// refused. Whether the acquirer and region exist is the release's business, not the reader's.
package enum OutcomeReader {
    /// One report object (a `/v1/outcomes` body sent as `application/json`).
    package static func report(json bytes: ArraySlice<UInt8>) -> Result<OutcomeReport, RequestError> {
        var acquirer, outcome, region, at: JSONString?
        var notAString: String?
        var keys = KeyRecord()
        guard RequestReader.readWhole(bytes, { key, name, value in
            keys.note(key, name: name, in: bytes)
            guard case .string(let string) = value else {
                if notAString == nil { notAString = name?.text ?? key.text(in: bytes) }
                return
            }
            switch name {
            case .acquirer: acquirer = string
            case .outcome: outcome = string
            case .region: region = string
            case .at: at = string
            default: break
            }
        }) else { return .failure(RequestError("not a JSON object of strings")) }
        if let duplicate = keys.duplicate { return .failure(RequestError("\"\(duplicate)\" appears twice", field: duplicate)) }
        if let notAString { return .failure(RequestError("\"\(notAString)\" is not a string", field: notAString)) }

        guard let acquirer = acquirer?.text(in: bytes) else { return .failure(RequestError("missing \"acquirer\"", field: "acquirer")) }
        guard !acquirer.isEmpty else { return .failure(RequestError("the acquirer id is empty", field: "acquirer")) }
        if let error = RequestParser.controlCharacter(in: acquirer, field: "acquirer") { return .failure(error) }
        guard let outcomeText = outcome?.text(in: bytes) else { return .failure(RequestError("missing \"outcome\"", field: "outcome")) }
        guard let kind = AcquirerOutcome(rawValue: outcomeText) else {
            return .failure(RequestError("\(quoted(outcomeText)) is not an outcome; use success, failure or decline", field: "outcome"))
        }
        let regionText = region?.text(in: bytes)
        if let regionText, let error = RequestParser.controlCharacter(in: regionText, field: "region") { return .failure(error) }
        var instant: Instant?
        if let at {
            let utf8 = at.isPlain ? bytes[at.content] : Array(at.text(in: bytes).utf8)[...]
            switch RequestParser.captureInstant(utf8: utf8) {
            case .success(let parsed): instant = parsed
            case .failure(let error): return .failure(error)
            }
        }
        return .success(OutcomeReport(acquirer: acquirer, outcome: kind, region: regionText, at: instant))
    }

    /// A JSON Lines body (LF or CRLF), cut by `RequestLineSplitter` as `/v1/route/batch` cuts its
    /// lines: every report, blank lines skipped, or the first line that is not one or that `check`
    /// refuses (a service's checks against its release). All or nothing, so a caller that fixes
    /// the line and sends the body again counts nothing twice.
    package static func lines(_ bytes: ArraySlice<UInt8>, check: (OutcomeReport) -> RequestError? = { _ in nil })
        -> Result<[OutcomeReport], OutcomeLineError> {
        var splitter = RequestLineSplitter()
        splitter.append(bytes)
        return lines(splitter.finish(), check: check)
    }

    /// The same for lines a splitter cut (one with a smaller cap, in tests and the fuzz target).
    static func lines(_ taken: RequestLines?, check: (OutcomeReport) -> RequestError? = { _ in nil })
        -> Result<[OutcomeReport], OutcomeLineError> {
        guard let taken else { return .success([]) }
        var reports: [OutcomeReport] = []
        reports.reserveCapacity(taken.lines.count)
        for (offset, line) in taken.lines.enumerated() {
            let number = taken.firstLine + offset
            switch line {
            case .overlong:
                return .failure(OutcomeLineError(line: number, error: RequestLineSplitter.overlongLine))
            case .text(let range):
                if RequestReader.isBlank(taken.bytes[range]) { continue }
                switch report(json: taken.bytes[range]) {
                case .success(let report):
                    if let error = check(report) { return .failure(OutcomeLineError(line: number, error: error)) }
                    reports.append(report)
                case .failure(let error): return .failure(OutcomeLineError(line: number, error: error))
                }
            }
        }
        return .success(reports)
    }

    /// A caller's value quoted for a message, cut short so a long one cannot fill the answer.
    static func quoted(_ value: String) -> String {
        value.count > 80 ? "`\(value.prefix(80))…`" : "`\(value)`"
    }
}
