import HTTPTypes
import NIOCore
import NIOHTTP1

/// Holds one HTTP/1 connection to `ConnectionLimits`, between NIO's HTTP/1 codec and Hummingbird's
/// request loop (which on its own waits forever for a client that neither finishes nor closes):
///
/// - deadlines: headers (`headerTimeout` on a new connection, `idleTimeout` between requests), the
///   body (`bodyTimeout` between two reads of it; a request still unanswered gets a 408), and a
///   response the client stopped reading (`idleTimeout`);
/// - closing: after a response to `Connection: close` or HTTP/1.0, during a drain, and after an
///   error answered before its body was read. A refused body is never left holding the socket: the
///   answer is sent, the output shut, and the rest read and dropped for at most `lingerTimeout` or
///   `lingerBytes` (as nginx's lingering close), so the client reads the answer rather than a reset;
/// - draining (SIGTERM's quiesce event): a response in progress says `Connection: close`, and an
///   idle connection is read for `drainGrace` more, so a request already sent is still answered;
/// - framing errors: a `400` problem+json, where no answer has started yet.
///
/// All state is touched on the channel's event loop only.
final class ConnectionGuard: HTTPPartHandler {
    private let limits: ConnectionLimits
    private let metrics: ServiceMetrics

    /// A request's head was read and its end not yet.
    private var requestOpen = false
    /// Request heads read minus responses ended.
    private var unanswered = 0
    /// The current response's head is written and its end not yet.
    private var responseStarted = false
    private var closeAfterResponse = false
    private var draining = false
    /// The guard answered (a framing error, a timeout): what the handler writes later is dropped.
    private var answered = false
    /// Output shut after the answer; input read and dropped until EOF or a bound.
    private var lingering = false
    private var lingeredBytes = 0
    /// The handler above was told the guard answered the open request (`AnsweredByConnectionGuard`).
    private var requestCut = false
    private var path = "/"

    /// The deadlines that apply now; the timer fires at the earliest.
    private var waitingDeadline: NIODeadline?
    private var bodyDeadline: NIODeadline?
    private var stalledDeadline: NIODeadline?
    private var lingerDeadline: NIODeadline?
    private var timer: Scheduled<Void>?
    private var timerFiresAt: NIODeadline?

    init(limits: ConnectionLimits, metrics: ServiceMetrics) {
        self.limits = limits
        self.metrics = metrics
    }

    // MARK: Lifecycle

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { connectionStarted(context: context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        connectionStarted(context: context)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        timer?.cancel()
        timer = nil
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        timer?.cancel()
        timer = nil
    }

    private func connectionStarted(context: ChannelHandlerContext) {
        guard waitingDeadline == nil else { return }
        waitingDeadline = .now() + TimeAmount(limits.headerTimeout)
        rearm(context: context)
    }

    // MARK: Inbound

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let part = unwrapInboundIn(data)
        if lingering {
            drop(part, context: context)
            return
        }
        switch part {
        case .head(let head):
            requestOpen = true
            requestCut = false
            unanswered += 1
            path = head.uri
            if !head.isKeepAlive || draining { closeAfterResponse = true }
            waitingDeadline = nil
            bodyDeadline = .now() + TimeAmount(limits.bodyTimeout)
            rearm(context: context)
        case .body:
            // Between two reads, as nginx's client_body_timeout: a long batch that keeps streaming is not cut.
            bodyDeadline = .now() + TimeAmount(limits.bodyTimeout)
        case .end:
            requestOpen = false
            bodyDeadline = nil
        }
        context.fireChannelRead(data)
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        // Lingering: nothing above reads any more, so the guard asks for the rest itself.
        if lingering { context.read() }
        context.fireChannelReadComplete()
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        switch event {
        case is ChannelShouldQuiesceEvent:
            draining = true
            if unanswered > 0 || requestOpen {
                closeAfterResponse = true
            } else {
                // Idle: a request the client already sent may still be on its way; read it and answer it.
                waitingDeadline = .now() + TimeAmount(limits.drainGrace)
                rearm(context: context)
                context.read()
            }
        case ChannelEvent.inputClosed where lingering:
            context.close(promise: nil)
        default:
            context.fireUserInboundEventTriggered(event)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        // Not a framing error but the client gone mid-request: the handler reading the body sees it
        // (and counts a 499); there is nobody to answer.
        guard let parserError = error as? HTTPParserError, parserError != .invalidEOFState else {
            context.fireErrorCaught(error)
            return
        }
        if !responseStarted && !answered && !lingering {
            answer(.badRequest, detail: "the request is not valid HTTP/1.1 (\(error)); the connection is closed", field: "body",
                   context: context)
        } else {
            context.close(promise: nil)
        }
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        // A client that stopped reading its response holds the connection only for the idle timeout.
        stalledDeadline = context.channel.isWritable ? nil : .now() + TimeAmount(limits.idleTimeout)
        rearm(context: context)
        context.fireChannelWritabilityChanged()
    }

    // MARK: Outbound

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        guard !answered, !lingering else {
            promise?.fail(ChannelError.outputClosed)
            return
        }
        switch unwrapOutboundIn(data) {
        case .head(var head):
            responseStarted = true
            // An error answered before its body arrived: that body is not read, so the connection ends.
            if requestOpen && head.status.code >= 400 { closeAfterResponse = true }
            if closeAfterResponse { head.headers.replaceOrAdd(name: "connection", value: "close") }
            context.write(wrapOutboundOut(.head(head)), promise: promise)
        case .body:
            context.write(data, promise: promise)
        case .end:
            responseStarted = false
            unanswered = max(0, unanswered - 1)
            guard closeAfterResponse || requestOpen else {
                context.write(data, promise: promise)
                if unanswered == 0 && !requestOpen {
                    waitingDeadline = .now() + TimeAmount(limits.idleTimeout)
                    rearm(context: context)
                }
                return
            }
            let written = context.writeAndFlush(data)
            written.assumeIsolated().whenComplete { _ in self.endConnection(context: context) }
            if let promise { written.cascade(to: promise) }
        }
    }

    // MARK: Closing

    /// Closes after the last response: at once when the request was read whole, else lingering.
    private func endConnection(context: ChannelHandlerContext) {
        guard requestOpen, context.channel.isActive else {
            context.close(promise: nil)
            return
        }
        lingering = true
        bodyDeadline = nil
        waitingDeadline = nil
        lingerDeadline = .now() + TimeAmount(limits.lingerTimeout)
        rearm(context: context)
        context.close(mode: .output, promise: nil)
        context.read()
    }

    private func drop(_ part: HTTPServerRequestPart, context: ChannelHandlerContext) {
        switch part {
        case .body(let buffer):
            lingeredBytes += buffer.readableBytes
            if lingeredBytes > limits.lingerBytes { context.close(promise: nil) }
        case .end:
            context.close(promise: nil)
        case .head:
            break
        }
    }

    /// Answers the current request from here (the handler above has not started to) and closes.
    private func answer(_ status: HTTPResponse.Status, detail: String, field: String, context: ChannelHandlerContext) {
        answered = true
        closeAfterResponse = true
        let problem = Problem(status: status, detail: detail, field: field)
        let body = problem.body(instance: path)
        var headers = HTTPHeaders()
        headers.add(name: "content-type", value: "application/problem+json")
        headers.add(name: "content-length", value: String(body.count))
        headers.add(name: "connection", value: "close")
        let head = HTTPResponseHead(version: .http1_1, status: HTTPResponseStatus(statusCode: status.code), headers: headers)
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: body)))), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil))).assumeIsolated().whenComplete { _ in
            self.endConnection(context: context)
        }
        metrics.served(path: Endpoint.metricsLabel(forPath: path), status: status.code)
        cutRequest(context: context)
    }

    /// Fails the body a handler above is still reading: without this, the stream ending on close reads
    /// as the body's end, and the cut body would be decided, and counted a second time, as if whole.
    private func cutRequest(context: ChannelHandlerContext) {
        guard requestOpen, !requestCut else { return }
        requestCut = true
        context.fireErrorCaught(AnsweredByConnectionGuard())
    }

    // MARK: Deadlines

    /// The earliest deadline that applies; no array is built (this runs twice per request).
    private var earliestDeadline: NIODeadline? {
        Self.earlier(Self.earlier(waitingDeadline, bodyDeadline), Self.earlier(stalledDeadline, lingerDeadline))
    }

    private static func earlier(_ first: NIODeadline?, _ second: NIODeadline?) -> NIODeadline? {
        guard let first, let second else { return first ?? second }
        return min(first, second)
    }

    /// Makes sure the timer fires no later than the earliest deadline; one timer per connection.
    private func rearm(context: ChannelHandlerContext) {
        guard let deadline = earliestDeadline else { return }
        if let firesAt = timerFiresAt, timer != nil, firesAt <= deadline { return }
        timer?.cancel()
        timerFiresAt = deadline
        timer = context.eventLoop.assumeIsolated().scheduleTask(deadline: deadline) { self.timerFired(context: context) }
    }

    private func timerFired(context: ChannelHandlerContext) {
        timer = nil
        timerFiresAt = nil
        let now = NIODeadline.now()
        if let lingerDeadline, lingerDeadline <= now {
            context.close(promise: nil)
        } else if let bodyDeadline, bodyDeadline <= now {
            self.bodyDeadline = nil
            if responseStarted || answered {
                context.close(promise: nil)
            } else {
                answer(.requestTimeout, detail: "no more of the request body arrived within \(limits.bodyTimeout.secondsText)",
                       field: "body", context: context)
            }
        } else if let stalledDeadline, stalledDeadline <= now {
            context.close(promise: nil)
        } else if let waitingDeadline, waitingDeadline <= now, unanswered == 0, !requestOpen {
            context.close(promise: nil)
        } else {
            if let waitingDeadline, waitingDeadline <= now { self.waitingDeadline = nil }
            rearm(context: context)
        }
    }
}

/// What the handler of a request reads instead of the rest of its body when the connection guard
/// answered that request itself (a framing error, a body timeout): the guard counted the answer.
struct AnsweredByConnectionGuard: Error {}
