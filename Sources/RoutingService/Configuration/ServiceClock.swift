import Foundation
import GatewayConfig

/// Where the service reads "now": the instant a checkout or an outcome without `at` is taken at,
/// the bound an outcome's `at` may not pass, the phase each region is in (`/v1/config`,
/// `regiond_region_rollout_percent`) and the periodic sweep, so that all of them agree. Tests give
/// their own, so a scheduled step is crossed by setting the clock, not by waiting.
package struct ServiceClock: Sendable {
    package let now: @Sendable () -> Date

    package init(now: @escaping @Sendable () -> Date) { self.now = now }

    package static let system = ServiceClock { Date() }

    /// The second now falls in.
    var instant: Instant { RFC3339.instant(now()) }
}
