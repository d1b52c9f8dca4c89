import Foundation
import GatewayConfig
import Logging
import PaymentRouting

/// Makes the health tracker's changes observable: an info line for each ejection and return, the
/// ejection count, and `regiond_acquirer_ejected` kept equal to the tracker's state now. Returns
/// come back from outcomes and from `sweep(at:)`, which the service runs every second, so a
/// return is told when it happens even when no outcome follows it.
final class HealthEvents: Sendable {
    let tracker: HealthTracker
    let metrics: ServiceMetrics
    let logger: Logger

    init(tracker: HealthTracker, metrics: ServiceMetrics, logger: Logger) {
        self.tracker = tracker
        self.metrics = metrics
        self.logger = logger
    }

    /// Counts `transitions`, sets the gauge of each acquirer they name from its state at `now`,
    /// then logs them: whoever reads a line finds the metrics already saying so.
    func report(_ transitions: [HealthTransition], now: Instant) {
        for transition in transitions {
            if case .ejected = transition.kind { metrics.acquirerEjections(acquirer: transition.acquirer) }
        }
        for acquirer in Set(transitions.map(\.acquirer)) { refreshGauge(acquirer, now: now) }
        for transition in transitions {
            switch transition.kind {
            case .ejected(let until, let seconds, let rule, let successes, let failures):
                logger.info("acquirer ejected", metadata: [
                    "acquirer": "\(transition.acquirer)", "rule": "\(rule.rawValue)", "at": "\(transition.at)",
                    "until": "\(until)", "seconds": "\(seconds)", "successes": "\(successes)", "failures": "\(failures)",
                    "ejections": "\(transition.ejections)",
                ])
            case .returned:
                logger.info("acquirer returned", metadata: [
                    "acquirer": "\(transition.acquirer)", "at": "\(transition.at)", "ejections": "\(transition.ejections)",
                ])
            }
        }
    }

    /// The periodic look: tells the returns of ejections over by `now`, and (re)sets the series of
    /// every acquirer in `catalog` (a new release's appear at 0).
    func sweep(at now: Instant, catalog: some Sequence<String>) {
        report(tracker.sweep(at: now), now: now)
        for acquirer in catalog {
            for outcome in AcquirerOutcome.allCases { metrics.acquirerOutcomes(acquirer: acquirer, outcome: outcome, count: 0) }
            metrics.acquirerEjections(acquirer: acquirer, count: 0)
            refreshGauge(acquirer, now: now)
        }
    }

    private func refreshGauge(_ acquirer: String, now: Instant) {
        metrics.acquirer(acquirer, ejected: tracker.status(of: acquirer, at: now)?.ejectedUntil != nil)
    }
}
