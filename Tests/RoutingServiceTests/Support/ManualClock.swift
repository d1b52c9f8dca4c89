import Foundation
import GatewayConfig
import RoutingService
import Synchronization

/// A service clock that stays where a test sets it: a scheduled step is crossed by `set(_:)`, never by waiting.
final class ManualClock: Sendable {
    private let current: Mutex<Instant>

    init(_ start: Instant) { current = Mutex(start) }

    func set(_ instant: Instant) { current.withLock { $0 = instant } }

    var now: Date { Date(timeIntervalSince1970: TimeInterval(current.withLock { $0 }.secondsSinceEpoch)) }

    var clock: ServiceClock { ServiceClock { self.now } }
}
