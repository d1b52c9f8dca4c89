import Foundation

/// Counts distinct merchants in bounded memory: the exact set up to `exactLimit` ids, then a
/// HyperLogLog sketch of 4,096 one-byte registers (standard error about 1.6%), so a group's
/// memory stops growing however many merchants a million-line file holds. `isEstimate` says
/// which answer `count` is.
struct DistinctCounter: Sendable {
    static let exactLimit = 4_096
    static let registerBits = 12

    private var exact: Set<String> = []
    private var registers: [UInt8]?

    var isEstimate: Bool { registers != nil }

    mutating func insert(_ id: String) {
        guard var sketch = registers else {
            exact.insert(id)
            if exact.count > Self.exactLimit { switchToSketch() }
            return
        }
        registers = nil    // keeps the buffer uniquely referenced while it is written
        Self.record(Self.hash(id), into: &sketch)
        registers = sketch
    }

    mutating func merge(_ other: DistinctCounter) {
        if registers == nil, other.registers == nil {
            exact.formUnion(other.exact)
            if exact.count > Self.exactLimit { switchToSketch() }
            return
        }
        if registers == nil { switchToSketch() }
        guard var mine = registers else { return }
        if let theirs = other.registers {
            for index in mine.indices { mine[index] = max(mine[index], theirs[index]) }
        } else {
            for id in other.exact { Self.record(Self.hash(id), into: &mine) }
        }
        registers = mine
    }

    var count: Int {
        guard let registers else { return exact.count }
        let m = Double(registers.count)
        let sum = registers.reduce(0.0) { $0 + 1.0 / Double(1 << Int($1)) }
        var estimate = 0.7213 / (1 + 1.079 / m) * m * m / sum
        let zeros = registers.count { $0 == 0 }
        if estimate <= 2.5 * m, zeros > 0 { estimate = m * log(m / Double(zeros)) }
        // More than the exact limit were seen for certain.
        return max(Int(estimate.rounded()), Self.exactLimit + 1)
    }

    private mutating func switchToSketch() {
        var fresh = [UInt8](repeating: 0, count: 1 << Self.registerBits)
        for id in exact { Self.record(Self.hash(id), into: &fresh) }
        exact = []
        registers = fresh
    }

    private static func record(_ hash: UInt64, into registers: inout [UInt8]) {
        let index = Int(hash >> UInt64(64 - registerBits))
        let rest = hash << UInt64(registerBits)
        let rank = UInt8(min(rest.leadingZeroBitCount, 64 - registerBits) + 1)
        if registers[index] < rank { registers[index] = rank }
    }

    /// FNV-1a 64 over the id's bytes, then the splitmix64 finalizer so every bit is mixed.
    private static func hash(_ id: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in id.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        hash = (hash ^ (hash >> 30)) &* 0xBF58_476D_1CE4_E5B9
        hash = (hash ^ (hash >> 27)) &* 0x94D0_49BB_1331_11EB
        return hash ^ (hash >> 31)
    }
}
