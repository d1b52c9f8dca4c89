import NIOCore
import NIOHTTP1

/// `POST /v1/route`, the hot path, answered on the connection's event loop: the request is read and
/// decided where NIO delivers it, without the hops into Hummingbird's request loop (an async stream,
/// a task switch, a `Request` and a `Response` per checkout), which cost regiond two thirds of its
/// throughput. It is a branch, not a second handler: the decision, its counting, logging and
/// answer are `DecisionHandlers.decide`, and a problem is `Problem`'s own body.
///
/// Taken here: exactly `POST /v1/route` with `Content-Type: application/json` and a
/// `Content-Length` within the cap. Everything else (a query such as `?explain`, another media
/// type, a chunked or oversized body, `Expect`) goes on to Hummingbird, which answers it as before,
/// and while a request is with Hummingbird every later one on the connection follows it, so
/// answers keep the order of their requests. Sits above `ConnectionGuard`, whose deadlines,
/// closing and draining hold for both paths. All state is touched on the event loop only.
final class RouteFastPath: HTTPPartHandler {
    private let decisions: DecisionHandlers
    private let metrics: ServiceMetrics
    /// Requests handed on to Hummingbird whose answer has not ended yet.
    private var forwarded = 0
    /// A request taken here is being read (its head was, its end not yet).
    private var taking = false
    private var body: ByteBuffer?
    private var flushPending = false
    private var date = HTTPDate()

    init(decisions: DecisionHandlers, metrics: ServiceMetrics) {
        self.decisions = decisions
        self.metrics = metrics
    }

    static let path = Endpoint.route.rawValue

    /// Whether this request is one the fast path takes.
    static func takes(_ head: HTTPRequestHead) -> Bool {
        guard head.method == .POST, head.uri == path,
              head.headers.first(name: "content-type") == "application/json",
              let length = head.headers.first(name: "content-length").flatMap({ Int($0) }),
              length >= 0, length <= RequestLimits.maximumBodyBytes,
              !head.headers.contains(name: "transfer-encoding"), !head.headers.contains(name: "expect") else { return false }
        return true
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            if forwarded == 0 && Self.takes(head) {
                taking = true
                body = nil
                return
            }
            forwarded += 1
        case .body(var buffer):
            if taking {
                if var collected = body {
                    body = nil  // one owner while appending, so the buffer is not copied
                    collected.writeBuffer(&buffer)
                    body = collected
                } else {
                    body = buffer
                }
                return
            }
        case .end:
            if taking {
                taking = false
                answer(context: context)
                return
            }
        }
        context.fireChannelRead(data)
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        if flushPending {
            flushPending = false
            context.flush()
        }
        context.fireChannelReadComplete()
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) { forwarded = max(0, forwarded - 1) }
        context.write(data, promise: promise)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if taking {
            // Counted as Hummingbird's path counts it: the client gone mid-body is a 499; a request the
            // connection guard answered itself (a body timeout) was counted there.
            taking = false
            body = nil
            if !(error is AnsweredByConnectionGuard) { metrics.served(path: Self.path, status: 499) }
        }
        context.fireErrorCaught(error)
    }

    private func answer(context: ChannelHandlerContext) {
        let request = body.map { Array($0.readableBytesView)[...] } ?? []
        body = nil
        var headers = HTTPHeaders()
        let payload: [UInt8]
        let status: Int
        do {
            let answer = try decisions.decide(body: request, explain: false)
            payload = answer.body
            status = 200
            headers.add(name: "Content-Type", value: "application/json")
            headers.add(name: "Config-Digest", value: answer.configDigest)
        } catch {
            payload = error.body(instance: Self.path)
            status = Int(error.status.code)
            headers.add(name: "Content-Type", value: "application/problem+json")
            for field in error.extraHeaders { headers.add(name: field.name.rawName, value: field.value) }
        }
        headers.add(name: "Content-Length", value: String(payload.count))
        headers.add(name: "Date", value: date.now())
        metrics.served(path: Self.path, status: status)
        let head = HTTPResponseHead(version: .http1_1, status: HTTPResponseStatus(statusCode: status), headers: headers)
        var buffer = context.channel.allocator.buffer(capacity: payload.count)
        buffer.writeBytes(payload)
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(buffer))), promise: nil)
        context.write(wrapOutboundOut(.end(nil)), promise: nil)
        flushPending = true
    }
}
