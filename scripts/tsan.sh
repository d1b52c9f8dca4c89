#!/usr/bin/env bash
# The health tracker and the router under ThreadSanitizer: the concurrency suites (outcomes
# reported by many tasks while others route; many tasks deciding on one router) in a TSan build
# of the test targets, in its own build directory. Not in .ci/run: the TSan build of every test
# target and its dependencies takes about 20 minutes on a 2-core machine (CI's budget is 45 for
# everything); run it by hand or nightly. Exit 0: no race reported and the suites pass.
#
# Run on 2026-12-04 (Swift 6.3.1, 8 min on this machine): one report, a "Swift access race" inside
# `AcquirerHealth.record`'s `Mutex.withLock`. It is TSan's, not ours: Synchronization's `Mutex`
# locks with futexes in the uninstrumented standard library, so TSan sees no happens-before
# between one holder's unlock and the next one's lock. Eight lines show it: a `Mutex<[Int]>`
# incremented under `withLock` by 4 threads reports the same race and sums correctly (40,000):
#   import Synchronization; import Dispatch
#   final class Box: Sendable { let state = Mutex<[Int]>(Array(repeating: 0, count: 8)) }
#   let box = Box()
#   DispatchQueue.concurrentPerform(iterations: 4) { _ in
#       for i in 0..<10_000 { box.state.withLock { $0[i % 8] += 1 } } }
#   print(box.state.withLock { $0.reduce(0, +) })
# With halt_on_error=0 the run's 12 tests in 5 suites pass; all 26 reports are writes inside
# `AcquirerHealth`'s `withLock` (`record`, `OutcomeWindow.add`), none on a decision's reads.
# So this script reports every Mutex-guarded write as a race until the toolchain's TSan sees
# Mutex; the counting tests (HealthConcurrencyTests, OutcomeConcurrencyTests: no lost count) are
# what vouches for the tracker meanwhile.
set -euo pipefail
cd "$(dirname "$0")/.."
export TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1"
swift build --build-tests --sanitize=thread --build-path .build-tsan
swift test --skip-build --sanitize=thread --build-path .build-tsan \
    --filter 'HealthConcurrencyTests|ConcurrencyTests|HealthPolicyTests|FailoverDecisionTests'
