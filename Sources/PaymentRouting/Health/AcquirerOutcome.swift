/// What became of one attempt at an acquirer, as the caller reports it after the attempt.
public enum AcquirerOutcome: String, Sendable, Hashable, CaseIterable, Codable {
    case success
    /// A timeout, a connection error, the acquirer's 5xx: a health signal.
    case failure
    /// The buyer's or issuer's no: counted, never a health signal (a healthy acquirer declines too).
    case decline
}

/// Why a decision skipped an acquirer of its route.
public enum SkipReason: String, Sendable, Hashable, Codable {
    /// Ejected by the health tracker (or marked down, as `--down` does) at the decision's instant.
    case ejected = "EJECTED"
    /// `enabled: false` in the catalog: drained fleet-wide by a release.
    case disabled = "DISABLED"
}
