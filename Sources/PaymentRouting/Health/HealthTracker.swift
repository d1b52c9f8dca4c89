import GatewayConfig
import Synchronization

/// Acquirer health learned from the outcomes callers report (docs/failover.md): each acquirer is
/// ejected by its policy (failures in a row, or a failure share of a sliding window), skipped by
/// every decision until the ejection ends, and ejected twice as long each consecutive time up to
/// the policy's maximum. Declines are never a health signal.
///
/// One tracker per runtime instance, in memory: routers built with it (`CheckoutRouter(_:health:)`)
/// share its state across releases, so a new release neither forgets nor resets an ejection.
public final class HealthTracker: Sendable {
    private let acquirers = Mutex<[String: AcquirerHealth]>([:])

    public init() {}

    /// The acquirer's health, made on first use; `policy` replaces its policy (a release's catalog).
    package func health(of acquirer: String, policy: HealthPolicyArtifact?) -> AcquirerHealth {
        let health = entry(acquirer, policy: policy)
        health.update(policy: policy)
        return health
    }

    private func entry(_ acquirer: String, policy: HealthPolicyArtifact?) -> AcquirerHealth {
        acquirers.withLock { table in
            if let known = table[acquirer] { return known }
            let made = AcquirerHealth(id: acquirer, policy: policy)
            table[acquirer] = made
            return made
        }
    }

    private func known(_ acquirer: String) -> AcquirerHealth? {
        acquirers.withLock { $0[acquirer] }
    }

    /// Takes one outcome. Nil when no router built with this tracker names the acquirer (the
    /// caller checks ids against its release first); otherwise what changed, usually nothing.
    public func record(_ outcome: AcquirerOutcome, for acquirer: String, at instant: Instant) -> [HealthTransition]? {
        known(acquirer)?.record(outcome, at: instant.secondsSinceEpoch)
    }

    /// Decides as if `acquirer` were ejected for good: an outage replayed (`--down`).
    public func markDown(_ acquirer: String) {
        entry(acquirer, policy: nil).markDown()
    }

    /// The returns of ejections over by `instant` not yet told (by an outcome or an earlier sweep),
    /// so a service can log each return when it happens rather than at the next outcome.
    public func sweep(at instant: Instant) -> [HealthTransition] {
        let all = acquirers.withLock { Array($0.values) }
        return all.compactMap { $0.sweep(at: instant.secondsSinceEpoch) }.sorted { $0.acquirer < $1.acquirer }
    }

    /// The acquirer's state at `instant`, or nil when the tracker has never seen it.
    package func status(of acquirer: String, at instant: Instant) -> AcquirerHealthStatus? {
        known(acquirer)?.status(at: instant.secondsSinceEpoch)
    }
}
