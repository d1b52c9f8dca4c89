import Logging
import NIOCore
import NIOEmbedded
@testable import RoutingService
import Testing

/// A connection the listener set up but never served (at SIGTERM under load the listener stops
/// taking the ones already set up, active or not yet active) is closed when released. Before, NIO
/// trapped on its unfinished writer, at the release or as the connection went active, and regiond
/// died with SIGILL instead of exiting 0.
@Suite struct AcceptedConnectionTests {
    @Test(arguments: [true, false])
    func aConnectionNeverServedIsClosedWhenReleased(activeWhenReleased: Bool) async throws {
        let channel = EmbeddedChannel()
        let address = try SocketAddress(ipAddress: "127.0.0.1", port: 8080)
        if activeWhenReleased { try await channel.connect(to: address).get() }
        let service = try ServiceFixture.harness(publish: false).service
        let setup = GuardedHTTP1Channel(responder: { _, _, _ in }, limits: ConnectionLimits(), metrics: service.metrics,
                                        decisions: service.decisions)
        var connection: AcceptedConnection? = try await setup.setup(channel: channel, logger: Logger(label: "test")).get()
        #expect(connection?.channel.isActive == activeWhenReleased)
        connection = nil
        channel.embeddedEventLoop.run()
        try await channel.closeFuture.get()
        #expect(!channel.isActive)
        if !activeWhenReleased {
            // A closed channel never goes active, so nothing releases the writer there.
            await #expect(throws: ChannelError.self) { try await channel.connect(to: address).get() }
        }
    }
}
