import Foundation
import Hummingbird
import Logging
import NIOCore
import PaymentRouting
import ServiceLifecycle

/// The routing service: an HTTP application over `PaymentRouting` that takes signed releases from
/// a file or a URL. `regiond` builds one from its flags and calls `run()`; tests drive
/// `application()` in-process and feed releases with `pollOnce()`.
public final class RoutingService: Sendable {
    public let configuration: ServiceConfiguration
    public let logger: Logger
    let metrics: ServiceMetrics
    let keeper: ReleaseKeeper
    let poller: ReleasePoller
    let decisionLog: DecisionLog?
    let openAPIDocument: [UInt8]
    private let listening: AsyncStream<Void>.Continuation

    public init(configuration: ServiceConfiguration, logger: Logger) throws(ServiceSetupError) {
        self.configuration = configuration
        self.logger = logger
        metrics = ServiceMetrics()
        keeper = ReleaseKeeper(policy: configuration.policy, stateDirectory: configuration.stateDirectory, metrics: metrics,
                               logger: logger)
        decisionLog = try configuration.decisionLogPath.map { path throws(ServiceSetupError) in
            try DecisionLog(path: path, sampleRate: configuration.decisionLogSampleRate)
        }
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json"),
              let document = FileManager.default.contents(atPath: url.path) else {
            throw ServiceSetupError("the OpenAPI document is missing from the service's resources")
        }
        openAPIDocument = Array(document)
        let (stream, continuation) = AsyncStream<Void>.makeStream()
        listening = continuation
        poller = ReleasePoller(configuration: configuration, keeper: keeper, started: stream)
    }

    /// Whether a verified release is being served.
    public var isReady: Bool { keeper.current != nil }

    /// Looks at a release file once and waits for the verdict (a URL source is only polled by
    /// `run()`). Tests use it instead of the poller's schedule.
    public func pollOnce() async {
        if case .file(let path) = configuration.source { await poller.lookAtFile(path) }
    }

    /// Offers a release as if fetched from the URL source (tests).
    func offerFetched(artifact: Data, signature: Data?) async {
        await keeper.offer(ReleaseBytes(artifact: artifact, signature: signature))
    }

    /// The HTTP application: router, handlers and middleware. `services` adds the release poller.
    public func application(withPoller: Bool = false) -> some ApplicationProtocol {
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: ProblemMiddleware(metrics: metrics))
        let decisions = DecisionHandlers(keeper: keeper, metrics: metrics, decisionLog: decisionLog)
        let status = StatusHandlers(keeper: keeper, metrics: metrics, source: configuration.source, openAPIDocument: openAPIDocument)
        router.post(.init(Endpoint.route.rawValue)) { request, _ in try await decisions.route(request) }
        router.post(.init(Endpoint.batch.rawValue)) { request, _ in try await decisions.batch(request) }
        router.get(.init(Endpoint.config.rawValue)) { _, _ in try status.config() }
        router.get(.init(Endpoint.healthz.rawValue)) { _, _ in status.healthz() }
        router.get(.init(Endpoint.readyz.rawValue)) { _, _ in try status.readyz() }
        router.get(.init(Endpoint.metrics.rawValue)) { _, _ in status.metricsText() }
        router.get(.init(Endpoint.openAPI.rawValue)) { _, _ in status.openAPI() }

        // The framework's own lines (request ids, "Server started") stay quiet: the service logs its events itself.
        var frameworkLogger = logger
        frameworkLogger.logLevel = .warning
        let host = configuration.host
        let logger = logger
        let listening = listening
        let policy = configuration.policy
        return Application(
            router: router,
            configuration: .init(address: .hostname(host, port: configuration.port), serverName: nil),
            services: withPoller ? [poller] : [],
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                logger.info("listening on http://\(Self.urlHost(host)):\(port)", metadata: ["host": "\(host)", "port": "\(port)"])
                if case .allowUnsigned = policy {
                    logger.warning("UNSIGNED RELEASES ACCEPTED (--allow-unsigned): for local use only, never in production")
                }
                listening.yield()
                listening.finish()
            },
            logger: frameworkLogger
        )
    }

    /// Runs the server and the release poller until SIGTERM or SIGINT, then stops accepting,
    /// finishes the requests in flight (up to the grace period) and returns.
    public func run() async throws {
        var groupConfiguration = ServiceGroupConfiguration(
            services: [.init(service: application(withPoller: true))],
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger.withLevel(.warning))
        groupConfiguration.maximumGracefulShutdownDuration = configuration.shutdownGracePeriod
        try await ServiceGroup(configuration: groupConfiguration).run()
        logger.info("stopped")
    }

    static func urlHost(_ host: String) -> String { host.contains(":") ? "[\(host)]" : host }
}

extension Logger {
    func withLevel(_ level: Logger.Level) -> Logger {
        var copy = self
        copy.logLevel = level
        return copy
    }
}
