/// What a line of a decision log says was decided: the fields a replay compares.
package struct LoggedDecision: Sendable, Equatable {
    /// `route` or `decline`.
    package var decision: String
    package var reason: String?
    package var route: String?
    package var acquirer: String?
    /// ISO date.
    package var settlementDate: String?
    /// SHA-256 (hex) of the artifact that decided, as the log names it.
    package var configDigest: String?

    package init(decision: String, reason: String? = nil, route: String? = nil, acquirer: String? = nil,
                settlementDate: String? = nil, configDigest: String? = nil) {
        self.decision = decision
        self.reason = reason
        self.route = route
        self.acquirer = acquirer
        self.settlementDate = settlementDate
        self.configDigest = configDigest
    }

    /// Whether `decision` is what was logged, on every field the log carries.
    package func agrees(with decision: RouteDecision) -> Bool {
        switch decision {
        case .decline(let why):
            return self.decision == "decline" && (reason == nil || reason == why.rawValue)
        case .route(let payment):
            return self.decision == "route" && (route == nil || route == payment.route)
                && (acquirer == nil || acquirer == payment.acquirer)
                && (settlementDate == nil || settlementDate == payment.settlementDate.description)
        }
    }
}

/// Reads one request line in either shape a replay takes:
/// - a `route --batch` request, `{"region":…,"merchant":…,"method":…,"amount":…,"at":…}`;
/// - a line of `regiond`'s decision log, `{"config_digest":…,"decision":{…},"logged_at":…,"request":{…}}`,
///   whose request is decided and whose decision is returned beside it.
/// Plain request lines take the byte scanner's fast path; anything else the general parser,
/// which explains what is wrong.
enum RequestLine {
    struct Read {
        var request: RouteRequest
        var logged: LoggedDecision?
    }

    static func read(_ line: ArraySlice<UInt8>) -> Result<Read, RequestError> {
        if let fields = RequestLineScanner.scan(line), let request = BatchReplay.fastRequest(line, fields) {
            return .success(Read(request: request))
        }
        if let members = JSONMembers.scan(line), let requestBytes = JSONMembers.value("request", in: members, of: line),
           requestBytes.first == UInt8(ascii: "{") {
            let request: RouteRequest
            if let fields = RequestLineScanner.scan(requestBytes), let fast = BatchReplay.fastRequest(requestBytes, fields) {
                request = fast
            } else {
                switch BatchReplay.parseGeneral(requestBytes) {
                case .success(let parsed): request = parsed
                case .failure(let error): return .failure(RequestError("in \"request\": \(error)"))
                }
            }
            var logged = JSONMembers.value("decision", in: members, of: line).flatMap(loggedDecision)
            logged?.configDigest = JSONMembers.value("config_digest", in: members, of: line).flatMap(JSONMembers.string)
            return .success(Read(request: request, logged: logged))
        }
        return BatchReplay.parseGeneral(line).map { Read(request: $0) }
    }

    /// The logged decision object, or nil when it is not one (then there is nothing to compare).
    static func loggedDecision(_ bytes: ArraySlice<UInt8>) -> LoggedDecision? {
        guard let members = JSONMembers.scan(bytes),
              let decision = JSONMembers.value("decision", in: members, of: bytes).flatMap(JSONMembers.string),
              decision == "route" || decision == "decline" else { return nil }
        func text(_ name: StaticString) -> String? {
            JSONMembers.value(name, in: members, of: bytes).flatMap(JSONMembers.string)
        }
        return LoggedDecision(decision: decision, reason: text("reason"), route: text("route"), acquirer: text("acquirer"),
                              settlementDate: text("settlement_date"))
    }
}
