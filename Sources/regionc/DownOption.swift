import ArgumentParser
import PaymentRouting
import RegionCompiler

/// `--down ACQUIRER` (repeatable) on `route` and `diff --traffic`: decide as if each named
/// acquirer were ejected, so an outage is replayed on real traffic. One tracker marks them down
/// for every router built with it (both sides of a diff).
struct DownOption: ParsableArguments {
    @Option(name: .customLong("down"),
            help: ArgumentHelp("Decide as if this acquirer were down (ejected): routes fall back or decline ACQUIRER_UNAVAILABLE. Repeatable.",
                               valueName: "acquirer"))
    var acquirers: [String] = []

    /// A tracker with every named acquirer down, or nil when none is named.
    func tracker() -> HealthTracker? {
        guard !acquirers.isEmpty else { return nil }
        let tracker = HealthTracker()
        for acquirer in acquirers { tracker.markDown(acquirer) }
        return tracker
    }

    /// A named acquirer that no catalog knows is a usage error (exit 2), with a suggestion: a typo
    /// would otherwise replay no outage at all and report "no changes".
    func checkKnown(in catalogs: [some Collection<String>]) throws {
        let known = Set(catalogs.flatMap { $0 })
        for acquirer in acquirers where !known.contains(acquirer) {
            let hint = Suggestion.hint(for: acquirer, among: known.sorted()).map { "; \($0)" } ?? ""
            Terminal.printError("regionc: --down \(acquirer): no such acquirer in the catalog\(hint)")
            throw ExitCode(ExitStatus.usage)
        }
    }
}
