import GatewayConfig
import Synchronization

/// One acquirer's health: outcomes in, ejections out. Every decision reads `isEjected(at:)`, a
/// relaxed atomic load and no lock; outcomes take the lock, briefly. Ejection is judged against the
/// instant each outcome carries, and read against each decision's instant: time is always given,
/// never read from a clock here, so tests and replays are exact.
package final class AcquirerHealth: Sendable {
    package let id: String
    /// The second until which the acquirer is ejected (exclusive), `Int64.min` when it is not. A
    /// mirror of `State.ejectedUntil` for decisions, written under the lock.
    private let ejectedUntil = Atomic<Int64>(.min)
    private let state: Mutex<State>

    struct State: Sendable {
        var policy: HealthPolicyArtifact?
        var window: OutcomeWindow
        var consecutiveFailures = 0
        /// Ejections since the last success: the next one lasts `ejection * 2^consecutiveEjections`.
        var consecutiveEjections = 0
        var ejections = 0
        var ejectedUntil: Int64?
        var markedDown = false
    }

    init(id: String, policy: HealthPolicyArtifact?) {
        self.id = id
        state = Mutex(State(policy: policy, window: OutcomeWindow(windowSeconds: policy?.windowSeconds ?? 60)))
    }

    @inline(__always)
    package func isEjected(at second: Int64) -> Bool {
        ejectedUntil.load(ordering: .relaxed) > second
    }

    /// The instant a decision at `second` sees the ejection end, or nil when it is not ejected then.
    package func ejectionEnd(at second: Int64) -> Int64? {
        let until = ejectedUntil.load(ordering: .relaxed)
        return until > second ? until : nil
    }

    /// A new release's policy. A different window starts empty; an ejection in progress runs on.
    func update(policy: HealthPolicyArtifact?) {
        state.withLock { state in
            guard state.policy != policy else { return }
            if state.policy?.windowSeconds != policy?.windowSeconds {
                state.window = OutcomeWindow(windowSeconds: policy?.windowSeconds ?? 60)
            }
            state.policy = policy
        }
    }

    /// Ejected for good: what `--down` replays.
    func markDown() {
        state.withLock { state in
            state.markedDown = true
            state.ejectedUntil = .max
            ejectedUntil.store(.max, ordering: .relaxed)
        }
    }

    /// Takes one outcome at `second`; returns what changed (a return, an ejection, or both).
    /// An outcome while ejected is an attempt made before the ejection: counted by the caller,
    /// never a signal.
    func record(_ outcome: AcquirerOutcome, at second: Int64) -> [HealthTransition] {
        state.withLock { state in
            var transitions: [HealthTransition] = []
            if let until = state.ejectedUntil {
                guard until <= second else { return transitions }
                transitions.append(endEjection(&state, at: until))
            }
            state.window.add(outcome, at: second)
            switch outcome {
            case .decline:
                return transitions
            case .success:
                state.consecutiveFailures = 0
                state.consecutiveEjections = 0
            case .failure:
                state.consecutiveFailures += 1
            }
            // A success can complete the minimum count of a window whose failures already reach the rate.
            if let ejection = eject(&state, at: second) { transitions.append(ejection) }
            return transitions
        }
    }

    /// The return of an ejection over at `second`, if it has not been told yet.
    func sweep(at second: Int64) -> HealthTransition? {
        state.withLock { state in
            guard let until = state.ejectedUntil, until <= second else { return nil }
            return endEjection(&state, at: until)
        }
    }

    func status(at second: Int64) -> AcquirerHealthStatus {
        state.withLock { state in
            let counts = state.window.counts(at: second)
            let until = state.ejectedUntil.flatMap { $0 > second ? $0 : nil }
            return AcquirerHealthStatus(
                acquirer: id, ejectedUntil: state.markedDown ? nil : until.map(Instant.init(secondsSinceEpoch:)),
                markedDown: state.markedDown, ejections: state.ejections, consecutiveFailures: state.consecutiveFailures,
                windowSeconds: state.policy?.windowSeconds, successes: counts.successes, failures: counts.failures,
                declines: counts.declines, tracked: state.policy != nil)
        }
    }

    /// Back in service from `until`: a fresh start (no failures in a row, an empty window), as
    /// Envoy's outlier detection does; the doubling is kept until a success.
    private func endEjection(_ state: inout State, at until: Int64) -> HealthTransition {
        state.ejectedUntil = nil
        state.consecutiveFailures = 0
        state.window.reset()
        ejectedUntil.store(.min, ordering: .relaxed)
        return HealthTransition(acquirer: id, kind: .returned, at: Instant(secondsSinceEpoch: until), ejections: state.ejections)
    }

    /// Ejects when a rule of the policy says so, after an outcome at `second`.
    private func eject(_ state: inout State, at second: Int64) -> HealthTransition? {
        guard let policy = state.policy else { return nil }
        let counts = state.window.counts(at: second)
        let rule: EjectionRule
        if state.consecutiveFailures >= policy.consecutiveFailures {
            rule = .consecutiveFailures
        } else if policy.failureRate > 0, counts.signals >= policy.minOutcomes,
                  counts.failures * 100 >= policy.failureRate * counts.signals {
            rule = .failureRate
        } else {
            return nil
        }
        let seconds = Self.ejectionSeconds(policy, consecutive: state.consecutiveEjections)
        let (until, overflow) = second.addingReportingOverflow(seconds)
        let end = overflow ? Int64.max : until
        state.ejectedUntil = end
        state.consecutiveEjections += 1
        state.ejections += 1
        state.consecutiveFailures = 0
        ejectedUntil.store(end, ordering: .relaxed)
        return HealthTransition(acquirer: id, kind: .ejected(until: Instant(secondsSinceEpoch: end), seconds: seconds, rule: rule,
                                                          successes: counts.successes, failures: counts.failures),
                                at: Instant(secondsSinceEpoch: second), ejections: state.ejections)
    }

    /// `ejection` doubled once per earlier consecutive ejection, at most `max_ejection`.
    static func ejectionSeconds(_ policy: HealthPolicyArtifact, consecutive: Int) -> Int64 {
        var seconds = max(1, policy.ejectionSeconds)
        var doublings = 0
        while doublings < consecutive, seconds < policy.maxEjectionSeconds {
            seconds = seconds > Int64.max / 2 ? Int64.max : seconds * 2
            doublings += 1
        }
        return min(seconds, max(policy.maxEjectionSeconds, policy.ejectionSeconds))
    }
}
