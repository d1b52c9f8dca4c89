/// The pilot rollout bucket of a merchant: FNV-1a 64-bit over the UTF-8 bytes of the merchant
/// id, modulo 10,000. Fixed forever (tests pin known ids), the same on every platform, and a
/// merchant in at `percent` p is in at every p' > p because buckets are compared against
/// `percent * 100`.
package enum RolloutBucket {
    package static let count: UInt64 = 10_000
    static let offsetBasis: UInt64 = 0xCBF2_9CE4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01B3

    package static func of(merchant: String) -> Int {
        var hash = offsetBasis
        for byte in merchant.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* prime
        }
        return Int(hash % count)
    }

    /// Whether a bucket falls under a rollout percent (0 ... 100).
    package static func isIncluded(bucket: Int, percent: Int) -> Bool {
        bucket < percent * 100
    }
}
