/// A per-payment range's bounds, as the compiler (`RC0409`) and the artifact reader both judge
/// them: `min` strictly below `max`. PRODUCT.md's checks say "min below max"; equal bounds would
/// admit a single amount, which no payment method in the spec asks for.
package enum AmountRangeRule {
    package static func isOrdered(min: Int64, max: Int64) -> Bool { min < max }
}
