import Foundation
import PaymentRouting

/// Everything `regiond`'s flags set. Embedders and tests build one directly.
public struct ServiceConfiguration: Sendable {
    /// Where releases come from.
    public enum Source: Sendable, Equatable {
        /// A local artifact, watched together with its `.sig`.
        case file(String)
        /// An artifact at this URL and its signature at URL + `.sig`, polled.
        case url(String)
    }

    public var source: Source
    /// Signature policy: `.required(trust)` in production, `.allowUnsigned` for local use only.
    public var policy: SignaturePolicy
    /// Keeps the last good release so a restart with the source down becomes ready from it.
    public var stateDirectory: String?
    public var pollInterval: Duration
    public var host: String
    /// 0: any free port.
    public var port: Int
    /// `-` for standard output, a path to append to, or nil for none.
    public var decisionLogPath: String?
    /// Fraction of decisions the decision log records, 0...1.
    public var decisionLogSampleRate: Double
    /// Largest artifact or signature a poll reads (file or URL); a larger one is refused unread.
    public var maximumReleaseBytes: Int
    /// How long a poll may wait for a connection, and for the whole answer.
    public var connectTimeout: Duration
    public var requestTimeout: Duration
    /// How long SIGTERM waits for requests in flight before giving up on them.
    public var shutdownGracePeriod: Duration
    /// Timeouts and the cap on client connections.
    public var connectionLimits: ConnectionLimits
    /// How long shutdown waits for the decision log's queued lines to be written.
    public var decisionLogFlushBound: Duration
    /// Decision-log lines waiting to be written at most; more are dropped and counted.
    public var decisionLogQueueLines: Int

    public init(source: Source, policy: SignaturePolicy, stateDirectory: String? = nil, pollInterval: Duration = .seconds(10),
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
}
