import Foundation
import TestSupport
import Testing

/// The runner every CLI test goes through: a hang fails one test, full pipes never stall it.
@Suite struct ProcessRunnerTests {
    static let sh = URL(fileURLWithPath: "/bin/sh")

    @Test func aChildPastItsDeadlineIsKilledAndSaysSo() throws {
        let start = ContinuousClock.now
        let run = try ProcessRunner.run(Self.sh, ["-c", "exec sleep 120"], timeout: .milliseconds(300))
        #expect(run.timedOut && run.status == SIGKILL, "\(run.status)")
        #expect(run.stderr.hasSuffix("[ProcessRunner: sh killed after 0.3 seconds]\n"), "\(run.stderr)")
        #expect(ContinuousClock.now - start < .seconds(60))
    }

    /// A mebibyte on standard error before a word on standard output: reading one pipe to its end before
    /// the other would wait on a child blocked writing.
    @Test func bothOutputsAreDrainedAtOnce() throws {
        let run = try ProcessRunner.run(Self.sh, ["-c", "head -c 1048576 /dev/zero | tr '\\0' e >&2; echo done"],
                                        timeout: .seconds(120))
        #expect(!run.timedOut && run.status == 0, "\(run.status)")
        #expect(run.stdout == "done\n")
        #expect(run.stderr.utf8.count == 1_048_576 && run.stderr.allSatisfy { $0 == "e" })
    }

    /// Input larger than a pipe holds, echoed while it is written; the environment given on top of ours.
    @Test func standardInputAndEnvironmentReachTheChild() throws {
        let input = Data(repeating: UInt8(ascii: "i"), count: 1_048_576)
        let run = try ProcessRunner.run(Self.sh, ["-c", "cat; printf %s \"$RUNNER_PROBE\""], stdin: input,
                                        environment: ["RUNNER_PROBE": "probe"], timeout: .seconds(120))
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.output == input + Data("probe".utf8))
    }
}
