/// One check made while deciding, for `regionc route --explain` and logs.
public struct TraceStep: Sendable, Hashable, Codable {
    public let check: String
    public let passed: Bool
    public let detail: String
    /// The descriptor value the check used: region file and field, e.g. `hk.yaml availability.status`.
    public let source: String

    package init(check: String, passed: Bool, detail: String, source: String) {
        self.check = check
        self.passed = passed
        self.detail = detail
        self.source = source
    }
}

/// Receives the checks a decision makes. The hot path uses `SilentTracer`, whose calls compile
/// away (the detail text is an autoclosure never evaluated); `--explain` records every step.
package protocol DecisionTracer {
    mutating func record(_ check: StaticString, passed: Bool, detail: @autoclosure () -> String,
                         source: @autoclosure () -> String)
}

package struct SilentTracer: DecisionTracer {
    package init() {}
    @inline(__always)
    package mutating func record(_ check: StaticString, passed: Bool, detail: @autoclosure () -> String,
                                source: @autoclosure () -> String) {}
}

package struct RecordingTracer: DecisionTracer {
    package private(set) var steps: [TraceStep] = []
    package init() {}
    package mutating func record(_ check: StaticString, passed: Bool, detail: @autoclosure () -> String,
                                source: @autoclosure () -> String) {
        steps.append(TraceStep(check: "\(check)", passed: passed, detail: detail(), source: source()))
    }
}

/// A decision with the checks that led to it.
public struct Explanation: Sendable, Hashable {
    public let decision: RouteDecision
    public let steps: [TraceStep]
}
