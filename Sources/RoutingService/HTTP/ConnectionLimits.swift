/// What one client connection may hold, and for how long: the operating rules of the spec's
/// "connections have header, body and idle timeouts and a cap on their number".
package struct ConnectionLimits: Sendable, Equatable {
    /// From accepting a connection to the end of its first request's headers.
    package var headerTimeout: Duration
    /// From a request's headers to the first part of its body, and between two parts: a body that
    /// stops arriving for this long is answered 408 (as nginx's `client_body_timeout`).
    package var bodyTimeout: Duration
    /// Between a response and the next request's headers on a kept-alive connection; also the
    /// longest a response may wait on a client that stopped reading it.
    package var idleTimeout: Duration
    /// After answering a request whose body was refused: the unread rest is read and dropped for
    /// at most this long (or `lingerBytes`), so the client sees the answer, not a reset.
    package var lingerTimeout: Duration
    package var lingerBytes: Int
    /// On SIGTERM, an idle kept-alive connection is read this long more for a request the
    /// client had already sent, which is then answered (with `Connection: close`).
    package var drainGrace: Duration
    /// Connections open at once; more wait in the listen backlog until one closes.
    package var maximumConnections: Int

    package init(headerTimeout: Duration = .seconds(10), bodyTimeout: Duration = .seconds(30), idleTimeout: Duration = .seconds(30),
                lingerTimeout: Duration = .seconds(2), lingerBytes: Int = 1 << 20, drainGrace: Duration = .milliseconds(250),
                maximumConnections: Int = 1024) {
        self.headerTimeout = headerTimeout
        self.bodyTimeout = bodyTimeout
        self.idleTimeout = idleTimeout
        self.lingerTimeout = lingerTimeout
        self.lingerBytes = lingerBytes
        self.drainGrace = drainGrace
        self.maximumConnections = maximumConnections
    }
}
