import Foundation
import GatewayConfig
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import PaymentRouting
import ServiceLifecycle
import UnixSignals

#if canImport(Glibc)
import Glibc
#endif

/// The routing service: an HTTP application over `PaymentRouting` that takes signed releases from
/// a file or a URL. `regiond` builds one from its flags and calls `run()`; tests drive
/// `application()` in-process and feed releases with `pollOnce()`.
package final class RoutingService: Sendable {
    package let configuration: ServiceConfiguration
    package let logger: Logger
    let metrics: ServiceMetrics
    let keeper: ReleaseKeeper
    let poller: ReleasePoller
    let decisionLog: DecisionLog?
    /// `POST /v1/route` and its batch: for the router and for the connection's fast path.
    let decisions: DecisionHandlers
    /// The process's acquirer health: in memory, never shared or persisted (see the README).
    let health: HealthEvents
    let openAPIDocument: [UInt8]
    /// "Now" for every endpoint and the periodic sweep.
    let clock: ServiceClock
    /// Client connections open at once: the configured cap, lowered to fit the descriptor limit.
    let maximumConnections: Int
    private let listening: AsyncStream<Void>.Continuation

    /// Throws what the service cannot start with: a state directory that cannot keep the last good
    /// release, a decision log that cannot be written, a missing resource.
    package init(configuration: ServiceConfiguration, logger: Logger, clock: ServiceClock = .system) throws(ServiceSetupError) {
        self.configuration = configuration
        self.logger = logger
        self.clock = clock
        metrics = ServiceMetrics()
        if let stateDirectory = configuration.stateDirectory {
            do {
                try LastKnownGood.prepare(directory: stateDirectory)
            } catch {
                throw ServiceSetupError("--state-dir \(stateDirectory) cannot keep the last good release: \(error.description)")
            }
        }
        let tracker = HealthTracker()
        health = HealthEvents(tracker: tracker, metrics: metrics, logger: logger)
        keeper = ReleaseKeeper(configuration: configuration, metrics: metrics, logger: logger, health: tracker, clock: clock)
        let metrics = metrics
        decisionLog = try configuration.decisionLogPath.map { path throws(ServiceSetupError) in
            try DecisionLog(path: path, sampleRate: configuration.decisionLogSampleRate,
                            capacity: configuration.decisionLogQueueLines, metrics: metrics, logger: logger)
        }
        decisions = DecisionHandlers(keeper: keeper, metrics: metrics, decisionLog: decisionLog, clock: clock)
        maximumConnections = Self.connectionCap(configured: configuration.connectionLimits.maximumConnections)
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
    package var isReady: Bool { keeper.current != nil }

    /// Looks at a release file once and waits for the verdict (a URL source is only polled by
    /// `run()`). Tests use it instead of the poller's schedule.
    package func pollOnce() async {
        if case .file = configuration.source { await keeper.lookAtFile() }
    }

    /// What the sweeper does every second at the clock's now: tells the returns of ejections over
    /// by `date` and refreshes the acquirer series, then tells the scheduled steps that took effect
    /// and sets each region's rollout gauge (tests call it with the instant they want).
    package func sweep(at date: Date) {
        let now = RFC3339.instant(date)
        let catalog = keeper.current?.router.artifact.catalog.acquirers.keys.sorted() ?? []
        health.sweep(at: now, catalog: catalog)
        keeper.phases.refresh(at: now)
    }

    /// Offers a release as if fetched from the URL source (tests).
    func offerFetched(artifact: Data, signature: Data?) async {
        await keeper.offer(ReleaseBytes(artifact: artifact, signature: signature))
    }

    /// Descriptors kept for everything but client connections: the listener, release and state files,
    /// the decision log, the URL poller's connections, the runtime's own.
    static let reservedDescriptors = 64

    /// The configured cap, lowered so that connections alone can never exhaust the descriptor limit:
    /// at the cap new connections wait in the backlog, and `/healthz` answers once one closes.
    static func connectionCap(configured: Int) -> Int {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0, limit.rlim_cur != rlim_t.max else { return configured }
        let available = Int(clamping: limit.rlim_cur) - reservedDescriptors
        return max(1, min(configured, available))
    }

    /// The HTTP application: router, handlers and middleware. `services` adds the release poller.
    package func application(withPoller: Bool = false) -> some ApplicationProtocol {
        let router = Router(context: BasicRequestContext.self, options: .autoGenerateHeadEndpoints)
        router.add(middleware: ProblemMiddleware(metrics: metrics))
        let decisions = decisions
        let status = StatusHandlers(keeper: keeper, metrics: metrics, source: configuration.source,
                                    stateDirectory: configuration.stateDirectory, openAPIDocument: openAPIDocument, clock: clock)
        router.post(.init(Endpoint.route.rawValue)) { request, _ in try await decisions.route(request) }
        router.post(.init(Endpoint.batch.rawValue)) { request, _ in try await decisions.batch(request) }
        let healthHandlers = HealthHandlers(keeper: keeper, events: health, clock: clock)
        router.post(.init(Endpoint.outcomes.rawValue)) { request, _ in try await healthHandlers.outcomes(request) }
        router.get(.init(Endpoint.acquirers.rawValue)) { _, _ in try healthHandlers.acquirers() }
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
        let limits = configuration.connectionLimits
        let metrics = metrics
        let maximumConnections = maximumConnections
        return Application(
            router: router,
            server: HTTPServerBuilder { responder in
                GuardedHTTP1Channel(responder: responder, limits: limits, metrics: metrics, decisions: decisions)
            },
            configuration: .init(address: .hostname(host, port: configuration.port), serverName: nil,
                                 availableConnectionsDelegate: MaximumAvailableConnections(maximumConnections)),
            services: withPoller ? [poller] : [],
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                logger.info("listening on http://\(Self.urlHost(host)):\(port)", metadata: [
                    "host": "\(host)", "port": "\(port)", "max_connections": "\(maximumConnections)",
                    "header_timeout": "\(limits.headerTimeout.secondsText)",
                    "body_timeout": "\(limits.bodyTimeout.secondsText)",
                    "idle_timeout": "\(limits.idleTimeout.secondsText)",
                ])
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
    /// SIGHUP reopens the decision log (after rotation, as nginx does) instead of killing the process.
    package func run() async throws {
        var groupConfiguration = ServiceGroupConfiguration(
            services: [.init(service: application(withPoller: true)), .init(service: HangUpHandler(service: self)),
                       .init(service: Sweeper(service: self))],
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger.withLevel(.warning))
        groupConfiguration.maximumGracefulShutdownDuration = configuration.shutdownGracePeriod
        defer { logger.info("stopped") }
        do {
            try await ServiceGroup(configuration: groupConfiguration).run()
        } catch {
            await decisionLog?.finish(within: configuration.decisionLogFlushBound)
            throw error
        }
        await decisionLog?.finish(within: configuration.decisionLogFlushBound)
    }

    /// Writes out the decision log's queue and closes it, as shutdown does (tests read the file after).
    package func finishDecisionLog(within bound: Duration = .seconds(5)) async {
        await decisionLog?.finish(within: bound)
    }

    /// What SIGHUP does: the decision log is reopened at its next write.
    func hangUp() {
        if let decisionLog {
            decisionLog.reopen()
        } else {
            logger.info("SIGHUP: no decision log to reopen")
        }
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

/// Traps SIGHUP for the life of the service (its default action would end the process).
struct HangUpHandler: Service {
    let service: RoutingService

    func run() async throws {
        let signals = await UnixSignalsSequence(trapping: .sighup)
        for await _ in signals.cancelOnGracefulShutdown() { service.hangUp() }
    }
}

/// Every second, tells the ejections that ended (a return logged when it happens, not at the next
/// outcome) and the scheduled steps that took effect (logged within a second of their instant,
/// not at the next release), and keeps `regiond_acquirer_ejected` and
/// `regiond_region_rollout_percent` equal to the state now.
struct Sweeper: Service {
    let service: RoutingService
    var interval: Duration = .seconds(1)

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                service.sweep(at: service.clock.now())
                try? await Task.sleep(for: interval)
            }
        }
    }
}
