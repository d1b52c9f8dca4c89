import Foundation
import PaymentRouting

/// Everything `regiond`'s flags set. Tests build one directly.
package struct ServiceConfiguration: Sendable {
    /// Where releases come from.
    package enum Source: Sendable, Equatable {
        /// A local artifact, watched together with its `.sig`.
        case file(String)
        /// An artifact at this URL and its signature at URL + `.sig`, polled.
        case url(String)
    }

    package var source: Source
    /// Signature policy: `.required(trust)` in production, `.allowUnsigned` for local use only.
    package var policy: SignaturePolicy
    /// Keeps the last good release so a restart with the source down becomes ready from it.
    package var stateDirectory: String?
    package var pollInterval: Duration
    package var host: String
    /// 0: any free port.
    package var port: Int
    /// `-` for standard output, a path to append to, or nil for none.
    package var decisionLogPath: String?
    /// Fraction of decisions the decision log records, 0...1.
    package var decisionLogSampleRate: Double
    /// Largest artifact or signature a poll reads (file or URL); a larger one is refused unread.
    package var maximumReleaseBytes: Int
    /// How long a poll may wait for a connection, and for the whole answer.
    package var connectTimeout: Duration
    package var requestTimeout: Duration
    /// How long SIGTERM waits for requests in flight before giving up on them.
    package var shutdownGracePeriod: Duration
    /// Timeouts and the cap on client connections.
    package var connectionLimits: ConnectionLimits
    /// How long shutdown waits for the decision log's queued lines to be written.
    package var decisionLogFlushBound: Duration
    /// Decision-log lines waiting to be written at most; more are dropped and counted.
    package var decisionLogQueueLines: Int

    package init(source: Source, policy: SignaturePolicy, stateDirectory: String? = nil, pollInterval: Duration = .seconds(10),
                host: String = "127.0.0.1", port: Int = 8080, decisionLogPath: String? = nil,
                decisionLogSampleRate: Double = 1, maximumReleaseBytes: Int = ReleaseBytes.maximumBytes,
                connectTimeout: Duration = .seconds(5), requestTimeout: Duration = .seconds(30),
                shutdownGracePeriod: Duration = .seconds(10), connectionLimits: ConnectionLimits = ConnectionLimits(),
                decisionLogFlushBound: Duration = .seconds(2), decisionLogQueueLines: Int = 16_384) {
        self.source = source
        self.policy = policy
        self.stateDirectory = stateDirectory
        self.pollInterval = pollInterval
        self.host = host
        self.port = port
        self.decisionLogPath = decisionLogPath
        self.decisionLogSampleRate = decisionLogSampleRate
        self.maximumReleaseBytes = maximumReleaseBytes
        self.connectTimeout = connectTimeout
        self.requestTimeout = requestTimeout
        self.shutdownGracePeriod = shutdownGracePeriod
        self.connectionLimits = connectionLimits
        self.decisionLogFlushBound = decisionLogFlushBound
        self.decisionLogQueueLines = decisionLogQueueLines
    }
}

/// Request limits: a request can't make the service allocate without bound.
enum RequestLimits {
    /// Largest `/v1/route` body (and anything else read whole).
    static let maximumBodyBytes = 64 * 1024
    /// Batch input decided per step: the memory a batch request holds at once is about this much.
    static let batchChunkBytes = 256 * 1024
    /// Largest `/v1/outcomes` body in JSON Lines: read whole, since none of its lines is recorded
    /// unless all are good (about 15,000 reports; each line is capped as a batch line is).
    static let maximumOutcomeLinesBytes = 1024 * 1024
    /// How far ahead of the service's clock an outcome's `at` may be: a caller's clock skew, not
    /// an outcome from the future (which would eject an acquirer until long after it recovered).
    static let outcomeClockSkew: Int64 = 60
}
