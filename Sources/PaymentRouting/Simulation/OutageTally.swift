import GatewayConfig

/// What acquirer outages did on each side of a traffic replay: the checkouts declined because
/// every acquirer of their route was down (`ACQUIRER_UNAVAILABLE`) and those that failed over to
/// a fallback, with their money per currency. Under `--down antom-hk` this is the answer to "how
/// much does an antom-hk outage decline under OLD, and keep under NEW?".
package struct OutageTally: Sendable, Equatable {
    package struct Sum: Sendable, Equatable {
        package var count = 0
        /// Minor units; 128 bits, so no file can overflow the sum.
        package var amount: Int128 = 0
    }

    package struct Side: Sendable, Equatable {
        package var declined: [CurrencyCode: Sum] = [:]
        package var failedOver: [CurrencyCode: Sum] = [:]

        package var declinedCount: Int { declined.values.reduce(0) { $0 + $1.count } }
        package var failedOverCount: Int { failedOver.values.reduce(0) { $0 + $1.count } }

        mutating func record(_ decision: RouteDecision, amount: Money) {
            switch decision {
            case .decline(.acquirerUnavailable):
                declined[amount.currency, default: Sum()].add(amount)
            case .route(let payment) where payment.failover != nil:
                failedOver[amount.currency, default: Sum()].add(amount)
            default:
                break
            }
        }

        mutating func merge(_ other: Side) {
            for (currency, sum) in other.declined { declined[currency, default: Sum()].merge(sum) }
            for (currency, sum) in other.failedOver { failedOver[currency, default: Sum()].merge(sum) }
        }
    }

    package var old = Side()
    package var new = Side()

    /// Whether any checkout met an unavailable acquirer on either side.
    package var isEmpty: Bool { self == OutageTally() }

    mutating func record(request: RouteRequest, old: RouteDecision, new: RouteDecision) {
        self.old.record(old, amount: request.amount)
        self.new.record(new, amount: request.amount)
    }

    mutating func merge(_ other: OutageTally) {
        old.merge(other.old)
        new.merge(other.new)
    }
}

extension OutageTally.Sum {
    mutating func add(_ amount: Money) {
        count += 1
        self.amount += Int128(amount.minorUnits)
    }

    mutating func merge(_ other: Self) {
        count += other.count
        amount += other.amount
    }
}
