import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import PaymentRouting
import ServiceLifecycle

/// Watches the release source and offers what it finds to the `ReleaseKeeper`: a file (and its
/// `.sig`) every poll interval, or a URL (and URL.sig) polled with ETags, backing off with jitter
/// while the source is unreachable. Runs as a service beside the HTTP server; stops on shutdown.
final class ReleasePoller: Service {
    let keeper: ReleaseKeeper
    let configuration: ServiceConfiguration
    /// Resumed once the server listens, so "listening on" is the first log line.
    let started: AsyncStream<Void>

    init(configuration: ServiceConfiguration, keeper: ReleaseKeeper, started: AsyncStream<Void>) {
        self.keeper = keeper
        self.configuration = configuration
        self.started = started
    }

    func run() async throws {
        for await _ in started { break }
        keeper.announceStart()
        switch configuration.source {
        case .file:
            await cancelWhenGracefulShutdown {
                while !Task.isCancelled {
                    await self.keeper.lookAtFile()
                    try? await Task.sleep(for: self.configuration.pollInterval)
                }
            }
        case .url(let url):
            var clientConfiguration = HTTPClient.Configuration()
            clientConfiguration.timeout = .init(connect: TimeAmount(configuration.connectTimeout),
                                                read: TimeAmount(configuration.requestTimeout))
            clientConfiguration.redirectConfiguration = .follow(max: 3, allowCycles: false)
            let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: clientConfiguration)
            await cancelWhenGracefulShutdown { await self.follow(url, client: client) }
            try? await client.shutdown()
        }
    }

    /// Polls `url` until cancelled: a changed release is offered; while the source fails, the polls back off.
    private func follow(_ url: String, client: HTTPClient) async {
        var fetcher = URLReleaseFetcher(url: url, client: client, maximumBytes: configuration.maximumReleaseBytes,
                                        requestTimeout: configuration.requestTimeout)
        var failures = 0
        while !Task.isCancelled {
            switch await fetcher.poll() {
            case .unchanged:
                failures = 0
            case .fetched(let artifact, let signature):
                failures = 0
                await keeper.offer(ReleaseBytes(artifact: artifact, signature: signature))
            case .failed(let code, let reason):
                failures += 1
                keeper.sourceUnreachable("\(code): \(reason)")
            }
            try? await Task.sleep(for: Backoff.delay(interval: configuration.pollInterval, failures: failures))
        }
    }
}

/// How long to wait before the next poll: the poll interval while all is well; after failures,
/// doubling up to 32 intervals (at most 5 minutes, never less than one interval), with full
/// jitter so a fleet that lost its source does not come back in step.
enum Backoff {
    static func delay(interval: Duration, failures: Int) -> Duration {
        guard failures > 0 else { return interval }
        let ceiling = max(interval, min(.seconds(300), interval * (1 << min(failures, 5))))
        let span = ceiling - interval
        return interval + span * Double.random(in: 0...1)
    }
}
