import GatewayConfig

/// Reads route requests from JSON: the way in to the request validator (`RequestParser`) for every
/// caller that has JSON, `/v1/route` bodies and the lines of `route --batch`, `diff --traffic` and
/// `/v1/route/batch`. One pass of the one cursor over the object; a field that is a plain string
/// is handed on as its bytes, so a plain request makes no string for its keys, amount or instant.
///
/// A line is either a request, `{"region":…,"merchant":…,"method":…,"amount":…,"at":…}`, whose
/// members are all strings, or a line of `regiond`'s decision log,
/// `{"config_digest":…,"decision":{…},"logged_at":…,"request":{…}}`, whose request is read the same
/// way and whose logged decision comes back beside it. A key given twice is refused in either, as
/// the compiler refuses a YAML key given twice: JSON leaves it open which value counts.
package enum RequestReader {
    package struct Read: Sendable {
        package var request: RouteRequest
        /// What the decision-log line says was decided, or nil (a request line, or no decision logged).
        package var logged: LoggedDecision?
    }

    /// A `/v1/route` body: one request object. `defaultAt` stands in for a missing `at` (the
    /// service's "now"); without it `at` is required.
    package static func request(json: ArraySlice<UInt8>, defaultAt: Instant? = nil) -> Result<RouteRequest, RequestError> {
        read(json, defaultAt: defaultAt, logLines: false).map(\.request)
    }

    /// One request line (a request or a decision-log line), without its terminator.
    package static func line(_ line: ArraySlice<UInt8>) -> Result<Read, RequestError> {
        read(line, defaultAt: nil, logLines: true)
    }

    /// Whether a line holds nothing but whitespace: it is answered by a blank line.
    package static func isBlank(_ line: ArraySlice<UInt8>) -> Bool {
        var cursor = JSONCursor(line)
        cursor.skipSpace()
        return cursor.atEnd
    }

    static let malformed = RequestError("not a JSON object of strings")

    static func read(_ bytes: ArraySlice<UInt8>, defaultAt: Instant?, logLines: Bool) -> Result<Read, RequestError> {
        var fields = RequestFields()
        var requestObject: Range<Int>?
        var decisionObject: Range<Int>?
        var configDigest: JSONString?
        var notAString: String?
        var keys = KeyRecord()
        guard readWhole(bytes, { key, name, value in
            keys.note(key, name: name, in: bytes)
            if case .string(let string) = value {
                if let name, let field = RequestFields.Field(name) { fields[field] = string }
                if name == .configDigest { configDigest = string }
                return
            }
            if case .object(let range) = value, logLines, name == .request { requestObject = range }
            if case .object(let range) = value, name == .decision { decisionObject = range }
            if notAString == nil { notAString = name?.text ?? key.text(in: bytes) }
        }) else { return .failure(malformed) }
        if let duplicate = keys.duplicate { return .failure(RequestError("\"\(duplicate)\" appears twice", field: duplicate)) }

        if let requestObject {
            let request: RouteRequest
            switch read(bytes[requestObject], defaultAt: nil, logLines: false) {
            case .success(let read): request = read.request
            case .failure(let error): return .failure(RequestError("in \"request\": \(error)"))
            }
            var logged: LoggedDecision?
            if let decisionObject {
                switch loggedDecision(bytes[decisionObject]) {
                case .success(let decision): logged = decision
                case .failure(let error): return .failure(RequestError("in \"decision\": \(error)"))
                }
            }
            logged?.configDigest = configDigest.map { $0.text(in: bytes) }
            return .success(Read(request: request, logged: logged))
        }

        if let notAString { return .failure(RequestError("\"\(notAString)\" is not a string", field: notAString)) }
        guard let region = fields[.region] else { return .failure(RequestError("missing \"region\"", field: "region")) }
        guard let merchant = fields[.merchant] else { return .failure(RequestError("missing \"merchant\"", field: "merchant")) }
        guard let method = fields[.method] else { return .failure(RequestError("missing \"method\"", field: "method")) }
        guard let amount = fields[.amount] else { return .failure(RequestError("missing \"amount\"", field: "amount")) }
        // A plain field's bytes are its text: the fast path is only that no string is made for it.
        func utf8(_ string: JSONString) -> ArraySlice<UInt8> {
            string.isPlain ? bytes[string.content] : Array(string.text(in: bytes).utf8)[...]
        }
        return RequestParser.request(region: region.text(in: bytes), merchant: merchant.text(in: bytes),
                                     method: method.text(in: bytes), amount: utf8(amount), at: fields[.at].map(utf8),
                                     defaultAt: defaultAt)
            .map { Read(request: $0, logged: nil) }
    }

    /// The logged decision object. A shape it does not know (no `decision`, or one that is neither
    /// `route` nor `decline`) is nil: there is nothing to compare. A key given twice is an error.
    static func loggedDecision(_ bytes: ArraySlice<UInt8>) -> Result<LoggedDecision?, RequestError> {
        var texts: [MemberName: String] = [:]
        var keys = KeyRecord()
        guard readWhole(bytes, { key, name, value in
            keys.note(key, name: name, in: bytes)
            if let name, case .string(let string) = value { texts[name] = string.text(in: bytes) }
        }) else { return .failure(malformed) }
        if let duplicate = keys.duplicate { return .failure(RequestError("\"\(duplicate)\" appears twice")) }
        guard let decision = texts[.decision], decision == "route" || decision == "decline" else { return .success(nil) }
        return .success(LoggedDecision(decision: decision, reason: texts[.reason], route: texts[.route],
                                       acquirer: texts[.acquirer], settlementDate: texts[.settlementDate]))
    }

    /// Reads `bytes` as exactly one object (whitespace around it allowed), telling `member` each
    /// key, its name when it is one a reader looks for, and its value. False when it is not.
    static func readWhole(_ bytes: ArraySlice<UInt8>, _ member: (JSONString, MemberName?, JSONCursor.Value) -> Void) -> Bool {
        var cursor = JSONCursor(bytes)
        cursor.skipSpace()
        guard cursor.readObject({ key, value in member(key, MemberName(key, in: bytes), value) }) else { return false }
        cursor.skipSpace()
        return cursor.atEnd
    }
}

/// The five request fields of one object, as the strings the cursor found.
private struct RequestFields {
    enum Field { case region, merchant, method, amount, at }
    private var region, merchant, method, amount, at: JSONString?

    subscript(field: Field) -> JSONString? {
        get {
            switch field {
            case .region: region
            case .merchant: merchant
            case .method: method
            case .amount: amount
            case .at: at
            }
        }
        set {
            switch field {
            case .region: region = newValue
            case .merchant: merchant = newValue
            case .method: method = newValue
            case .amount: amount = newValue
            case .at: at = newValue
            }
        }
    }
}

extension RequestFields.Field {
    fileprivate init?(_ name: MemberName) {
        switch name {
        case .region: self = .region
        case .merchant: self = .merchant
        case .method: self = .method
        case .amount: self = .amount
        case .at: self = .at
        default: return nil
        }
    }
}
