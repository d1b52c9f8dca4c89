import GatewayConfig
import Logging
import PaymentRouting
import Synchronization

/// Makes the regions' scheduled phases observable: `regiond_region_rollout_percent{region}` kept
/// equal to the phase in effect now, and an info line when a phase starts. The release keeper
/// looks when a release loads, the periodic sweep every second (as for acquirer returns), so a
/// step is told when it takes effect even when no request comes. A phase is told as started when
/// a look finds a region further along the same release's schedule than the previous look did;
/// a newly served release only sets the gauges (what it starts with is not a step taking effect).
/// A payment method's own schedule is told the same way, its line naming the method.
final class PhaseEvents: Sendable {
    let store: ConfigStore
    let metrics: ServiceMetrics
    let logger: Logger

    /// What the previous look saw: the release, each region's phase index, and for each method with
    /// a schedule of its own (by "REGION METHOD") how many of its steps had taken effect.
    private struct Seen {
        var configDigest: String
        var phases: [String: Int]
        var methodSteps: [String: Int]
    }

    private let seen = Mutex<Seen?>(nil)

    init(store: ConfigStore, metrics: ServiceMetrics, logger: Logger) {
        self.store = store
        self.metrics = metrics
        self.logger = logger
    }

    /// The percent of merchants a region lets in at `now`, as the gauge shows it: none outside its
    /// window [from, until) (the router declines them all, REGION_NOT_LIVE); else every merchant
    /// when live, the rollout's percent when a pilot (none without one, as the router decides),
    /// none otherwise.
    static func rolloutPercent(_ phase: AvailabilityPhase, of availability: AvailabilityArtifact, at now: Instant) -> Int {
        if let from = availability.from, now < from { return 0 }
        if let until = availability.until, now >= until { return 0 }
        switch phase.status {
        case .live: return 100
        case .pilot: return phase.rollout?.percent ?? 0
        case .planned, .paused, .retired: return 0
        }
    }

    /// A step that took effect: its region, its index in `availability.schedule`, its phase.
    private struct StartedStep {
        var region: RegionArtifact
        var index: Int
        var at: Instant
        var phase: AvailabilityPhase
    }

    /// A method's own step that took effect: its region, the method and its place, the step.
    private struct StartedMethodStep {
        var region: RegionArtifact
        var method: String
        var methodIndex: Int
        var index: Int
        var step: MethodStepArtifact
    }

    /// Sets every region's gauge from its phase at `now` and logs the steps that took effect since
    /// the previous look. The release is read under the lock, so two looks (a load and a sweep) see
    /// releases in the order they were served and never set the gauges back to an older one.
    func refresh(at now: Instant) {
        let (started, startedMethods) = seen.withLock { seen -> ([StartedStep], [StartedMethodStep]) in
            guard let snapshot = store.snapshot else { return ([], []) }
            let previous = seen?.configDigest == snapshot.configDigest ? seen : nil
            var phases: [String: Int] = [:]
            var methodSteps: [String: Int] = [:]
            var started: [StartedStep] = []
            var startedMethods: [StartedMethodStep] = []
            for (code, region) in snapshot.router.artifact.regions.sorted(by: { $0.key < $1.key }) {
                let phase = region.availability.phase(at: now)
                phases[code] = phase.index
                metrics.region(code, rolloutPercent: Self.rolloutPercent(phase, of: region.availability, at: now))
                for (methodIndex, method) in region.paymentMethods.enumerated() {
                    guard let availability = method.availability, let schedule = availability.schedule else { continue }
                    let key = "\(code) \(method.method)"
                    let taken = availability.stepIndex(at: now).map { $0 + 1 } ?? 0
                    methodSteps[key] = taken
                    guard let before = previous?.methodSteps[key], taken > before else { continue }
                    for (index, step) in schedule.enumerated() where index >= before && index < taken {
                        startedMethods.append(StartedMethodStep(region: region, method: method.method, methodIndex: methodIndex,
                                                                index: index, step: step))
                    }
                }
                // Every step passed since the previous look, each told once (a look may come late).
                guard let before = previous?.phases[code], phase.index > before else { continue }
                for later in region.availability.phases where later.index > before && later.index <= phase.index {
                    if let index = later.stepIndex, let at = later.start {
                        started.append(StartedStep(region: region, index: index, at: at, phase: later))
                    }
                }
            }
            for gone in (seen?.phases ?? [:]).keys where phases[gone] == nil { metrics.removeRegion(gone) }
            seen = Seen(configDigest: snapshot.configDigest, phases: phases, methodSteps: methodSteps)
            return (started, startedMethods)
        }
        for step in started {
            logger.info("phase started", metadata: [
                "region": "\(step.region.region)", "step": "\(step.index)", "at": "\(step.at)",
                "source": "\(PhaseNames.source(of: step.phase, in: step.region))",
                "status": "\(step.phase.status.rawValue)", "percent": "\(step.phase.rollout.map { String($0.percent) } ?? "none")",
            ])
        }
        for step in startedMethods {
            logger.info("phase started", metadata: [
                "region": "\(step.region.region)", "method": "\(step.method)", "step": "\(step.index)", "at": "\(step.step.at)",
                "source": "\(AvailabilityPhase.source(file: step.region.source, method: step.methodIndex, stepIndex: step.index))",
                "status": "\(step.step.status.rawValue)",
            ])
        }
    }
}

/// How the service names the descriptor field a phase comes from, as `explain` does
/// (`AvailabilityPhase.source`): `hk.yaml availability.schedule[1]`, or `hk.yaml availability`.
enum PhaseNames {
    static func source(of phase: AvailabilityPhase, in region: RegionArtifact) -> String {
        AvailabilityPhase.source(file: region.source, stepIndex: phase.stepIndex)
    }

    static func source(ofStep index: Int, in region: RegionArtifact) -> String {
        AvailabilityPhase.source(file: region.source, stepIndex: index)
    }
}
