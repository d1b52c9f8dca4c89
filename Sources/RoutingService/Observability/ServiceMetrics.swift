import CoreMetrics
import Foundation
import PaymentRouting
import Prometheus
import Synchronization

/// The service's metrics, with the spec's names and labels, in a registry of its own (so two
/// services in one test process never share counts). `/metrics` renders `registry`.
final class ServiceMetrics: Sendable {
    let registry: PrometheusCollectorRegistry
    private let factory: PrometheusMetricsFactory
    private let decisionDuration: CoreMetrics.Timer
    /// Counters by their labels, made once: a decision or a request takes a lock and a lookup
    /// (of short strings, no array), not a registration.
    private let counters = Mutex<[CounterKey: CoreMetrics.Counter]>([:])
    private let decisionCounters = Mutex<[DecisionKey: CoreMetrics.Counter]>([:])
    private let requestCounters = Mutex<[RequestKey: CoreMetrics.Counter]>([:])
    private let failoverCounters = Mutex<[BatchReplay.FailoverKey: CoreMetrics.Counter]>([:])
    /// `regiond_acquirer_ejected` by acquirer, made once each.
    private let ejectedGauges = Mutex<[String: CoreMetrics.Gauge]>([:])
    /// `regiond_region_rollout_percent` by region, made once each, removed with their region.
    private let rolloutGauges = Mutex<[String: CoreMetrics.Gauge]>([:])
    /// The `regiond_config_info` series now set to 1 and its labels, replaced when another release is served.
    private let configInfo = Mutex<(labels: [String], gauge: CoreMetrics.Gauge)?>(nil)

    struct CounterKey: Hashable {
        var name: String
        var labels: [String]
    }

    struct DecisionKey: Hashable {
        var region: String
        var decision: String
        var reason: String
    }

    struct RequestKey: Hashable {
        var path: String
        var status: Int
    }

    enum ReloadResult: String, CaseIterable { case ok, rejected, unreachable }

    init() {
        registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        // A decision takes microseconds: buckets from 5 µs to 10 ms, then the slow tail.
        factory.durationHistogramBuckets["regiond_decision_duration_seconds"] = [
            .microseconds(5), .microseconds(10), .microseconds(25), .microseconds(50), .microseconds(100),
            .microseconds(250), .microseconds(500), .milliseconds(1), .milliseconds(2.5), .milliseconds(10),
            .milliseconds(100),
        ]
        self.factory = factory
        decisionDuration = CoreMetrics.Timer(label: "regiond_decision_duration_seconds", dimensions: [], factory: factory)
        // Every reload result shows from the start, at 0, so a dashboard's rate() has a series to read.
        for result in ReloadResult.allCases { _ = counter("regiond_config_reloads_total", [("result", result.rawValue)]) }
    }

    func decided(region: String, decision: String, reason: String, duration: Duration) {
        let key = DecisionKey(region: region, decision: decision, reason: reason)
        let counter = decisionCounters.withLock { $0[key] } ?? decisionCounters.withLock { counters in
            let made = counters[key] ?? self.counter("regiond_decisions_total",
                                                     [("region", region), ("decision", decision), ("reason", reason)])
            counters[key] = made
            return made
        }
        counter.increment()
        decisionDuration.recordNanoseconds(duration.nanoseconds)
    }

    /// Routed decisions that skipped their route's primary acquirer (`/v1/route` and `/v1/route/batch`).
    func failedOver(_ key: BatchReplay.FailoverKey, count: Int = 1) {
        let counter = failoverCounters.withLock { $0[key] } ?? failoverCounters.withLock { counters in
            let made = counters[key] ?? self.counter("regiond_failovers_total",
                                                     [("region", key.region), ("from", key.from), ("to", key.to)])
            counters[key] = made
            return made
        }
        counter.increment(by: Int64(count))
    }

    /// Outcomes taken by `/v1/outcomes`; `0` registers the series.
    func acquirerOutcomes(acquirer: String, outcome: AcquirerOutcome, count: Int) {
        counter("regiond_acquirer_outcomes_total", [("acquirer", acquirer), ("outcome", outcome.rawValue)])
            .increment(by: Int64(count))
    }

    /// Ejections of the acquirer; `0` registers the series.
    func acquirerEjections(acquirer: String, count: Int = 1) {
        counter("regiond_acquirer_ejections_total", [("acquirer", acquirer)]).increment(by: Int64(count))
    }

    /// Sets `regiond_acquirer_ejected{acquirer}` to 1 or 0.
    func acquirer(_ acquirer: String, ejected: Bool) {
        gauge(in: ejectedGauges, "regiond_acquirer_ejected", ("acquirer", acquirer)).record(ejected ? 1 : 0)
    }

    /// Sets `regiond_region_rollout_percent{region}`: the percent of merchants the region's phase
    /// now lets in (see `PhaseEvents.rolloutPercent`).
    func region(_ region: String, rolloutPercent: Int) {
        gauge(in: rolloutGauges, "regiond_region_rollout_percent", ("region", region)).record(rolloutPercent)
    }

    /// The gauge of one labelled series, made once and kept in `gauges` (so it can be destroyed
    /// when its series goes).
    private func gauge(in gauges: borrowing Mutex<[String: CoreMetrics.Gauge]>, _ label: String,
                       _ dimension: (name: String, value: String)) -> CoreMetrics.Gauge {
        gauges.withLock { gauges in
            if let gauge = gauges[dimension.value] { return gauge }
            let made = CoreMetrics.Gauge(label: label, dimensions: [(dimension.name, dimension.value)], factory: factory)
            gauges[dimension.value] = made
            return made
        }
    }

    /// Removes the region's `regiond_region_rollout_percent` series (a release without the region is served).
    func removeRegion(_ region: String) {
        rolloutGauges.withLock { $0.removeValue(forKey: region) }?.destroy()
    }

    func reloaded(_ result: ReloadResult) {
        counter("regiond_config_reloads_total", [("result", result.rawValue)]).increment()
    }

    func served(path: String, status: Int) {
        let key = RequestKey(path: path, status: status)
        let counter = requestCounters.withLock { $0[key] } ?? requestCounters.withLock { counters in
            let made = counters[key] ?? self.counter("regiond_http_requests_total", [("path", path), ("status", String(status))])
            counters[key] = made
            return made
        }
        counter.increment()
    }

    /// Decision-log lines dropped (a full queue, a failed write); `0` registers the series.
    func decisionLogDropped(_ count: Int) {
        counter("regiond_decision_log_dropped_total", []).increment(by: Int64(count))
    }

    /// A write to the state directory failed; `0` registers the series.
    func stateWriteFailed(_ count: Int = 1) {
        counter("regiond_state_write_failures_total", []).increment(by: Int64(count))
    }

    /// Marks the release now served: its series reads 1, the previous one is removed.
    func serving(sourceDigest: String, keyId: String?) {
        let labels = [("source_digest", sourceDigest), ("key_id", keyId ?? "")]
        configInfo.withLock { current in
            guard current?.labels != labels.map(\.1) else { return }
            current?.gauge.destroy()
            let gauge = CoreMetrics.Gauge(label: "regiond_config_info", dimensions: labels, factory: factory)
            gauge.record(1)
            current = (labels.map(\.1), gauge)
        }
    }

    /// Prometheus text exposition format.
    func render() -> [UInt8] {
        var buffer: [UInt8] = []
        registry.emit(into: &buffer)
        return buffer
    }

    private func counter(_ name: String, _ labels: [(String, String)]) -> CoreMetrics.Counter {
        let key = CounterKey(name: name, labels: labels.map(\.1))
        return counters.withLock { counters in
            if let counter = counters[key] { return counter }
            let counter = CoreMetrics.Counter(label: name, dimensions: labels, factory: factory)
            counters[key] = counter
            return counter
        }
    }
}
