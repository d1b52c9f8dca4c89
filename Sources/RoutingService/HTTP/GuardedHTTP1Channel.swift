import HummingbirdCore
import Logging
import NIOCore
import NIOHTTP1
import NIOHTTPTypes
import NIOHTTPTypesHTTP1
import Synchronization

/// Hummingbird's HTTP/1 child channel with a `ConnectionGuard` where it can see the HTTP/1 heads
/// (version, keep-alive) and every response part: Hummingbird's own `HTTP1Channel` adds its handlers
/// after the conversion to HTTP types, where HTTP/1.0 is no longer visible, and has no header, body
/// or lingering limits. `POST /v1/route` is answered by `RouteFastPath` on the event loop; every
/// other request is handled by Hummingbird's own loop (`handleHTTP`).
struct GuardedHTTP1Channel: ServerChildChannel, HTTPChannelHandler {
    typealias Value = AcceptedConnection

    let responder: HTTPChannelHandler.Responder
    let limits: ConnectionLimits
    let metrics: ServiceMetrics
    let decisions: DecisionHandlers

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        channel.eventLoop.makeCompletedFuture {
            let pipeline = channel.pipeline.syncOperations
            try pipeline.configureHTTPServerPipeline(
                withPipeliningAssistance: false, withErrorHandling: false, withOutboundHeaderValidation: false,
                withEncoderConfiguration: .init(), withDecoderLimitConfiguration: .init())
            try pipeline.addHandler(ConnectionGuard(limits: limits, metrics: metrics))
            try pipeline.addHandler(RouteFastPath(decisions: decisions, metrics: metrics))
            try pipeline.addHandler(HTTP1ToHTTPServerCodec(secure: false))
            return AcceptedConnection(
                try NIOAsyncChannel(wrappingChannelSynchronously: channel, configuration: .init(isOutboundHalfClosureEnabled: true)))
        }
    }

    func handle(value connection: Value, logger: Logger) async {
        await connection.serve(with: self, logger: logger)
    }
}

/// A connection set up by the listener, served or not. At shutdown the listener stops taking the
/// connections it has already set up, and NIO traps when such a connection's writer is released
/// while the connection is open (swift-nio #3481, swift-http-server #137: regiond died with SIGILL
/// at SIGTERM under load). Releasing one never served closes it on its event loop, the closure
/// holding the writer until then: closing finishes the writer (NIO's handler does so as the channel
/// goes inactive or its handler is removed, also for one not active yet). One served was finished
/// and closed by `handleHTTP`.
final class AcceptedConnection: ServerChildChannelValue {
    let asyncChannel: NIOAsyncChannel<HTTPRequestPart, HTTPResponsePart>
    private let served = Atomic<Bool>(false)

    var channel: any Channel { asyncChannel.channel }

    init(_ asyncChannel: NIOAsyncChannel<HTTPRequestPart, HTTPResponsePart>) {
        self.asyncChannel = asyncChannel
    }

    /// Hands the connection to `handleHTTP`, which finishes and closes it.
    func serve(with channelHandler: some HTTPChannelHandler, logger: Logger) async {
        served.store(true, ordering: .relaxed)
        await channelHandler.handleHTTP(asyncChannel: asyncChannel, logger: logger)
    }

    deinit {
        guard !served.load(ordering: .relaxed) else { return }
        let asyncChannel = self.asyncChannel
        let eventLoop = asyncChannel.channel.eventLoop
        if eventLoop.inEventLoop {
            asyncChannel.channel.close(promise: nil)
        } else {
            eventLoop.execute { asyncChannel.channel.close(promise: nil) }
        }
    }
}
