import NIOCore
import NIOHTTP1

/// A handler between NIO's HTTP/1 codec and Hummingbird's conversion to HTTP types, where the
/// HTTP/1 heads (version, keep-alive) and every response part are seen: request parts in and on,
/// response parts out. `ConnectionGuard` and `RouteFastPath` sit here.
protocol HTTPPartHandler: ChannelDuplexHandler, RemovableChannelHandler
where InboundIn == HTTPServerRequestPart, InboundOut == HTTPServerRequestPart,
      OutboundIn == HTTPServerResponsePart, OutboundOut == HTTPServerResponsePart {}
