import GatewayConfig

/// A change freeze holding a region at the diff's `--as-of` instant, in OLD, in NEW or in both.
/// A region that the diff changes while one holds it is a breaking change: shipping it needs the
/// pull request's approval.
package struct FreezeHold: Sendable, Equatable {
    package var region: String
    package var freeze: ChangeFreezeArtifact
    /// Which sides declare it: `OLD`, `NEW`, or both.
    package var sides: [String]

    /// `HK changed inside change freeze 2027-02-05T16:00:00Z..2027-02-12T16:00:00Z (Lunar New Year; defaults.yaml, OLD and NEW)`.
    package var line: String {
        "\(region) changed inside change freeze \(Self.describe(freeze)), \(sides.joined(separator: " and "))"
    }

    /// `2027-02-05T16:00:00Z..2027-02-12T16:00:00Z (Lunar New Year; defaults.yaml)`: the one wording
    /// of a freeze in `diff` and `timeline`.
    package static func describe(_ freeze: ChangeFreezeArtifact) -> String {
        "\(freeze.from)..\(freeze.until) (\(freeze.reason.map { "\($0); " } ?? "")\(freeze.source))"
    }

    /// The freezes of OLD's and NEW's region `code` that hold `instant`, each once, NEW's order first.
    static func holding(_ instant: Instant, region code: String, old: RegionArtifact?, new: RegionArtifact?) -> [FreezeHold] {
        let oldFreezes = (old?.changeFreezes ?? []).filter { $0.contains(instant) }
        let newFreezes = (new?.changeFreezes ?? []).filter { $0.contains(instant) }
        var holds = newFreezes.map { FreezeHold(region: code, freeze: $0, sides: oldFreezes.contains($0) ? ["OLD", "NEW"] : ["NEW"]) }
        holds += oldFreezes.filter { !newFreezes.contains($0) }.map { FreezeHold(region: code, freeze: $0, sides: ["OLD"]) }
        return holds
    }
}
