#!/usr/bin/env bash
# The health tracker and the router under ThreadSanitizer: the concurrency suites (outcomes
# reported by many tasks while others route; many tasks deciding on one router) in a TSan build
# of the test targets, in its own build directory. Not in .ci/run: the TSan build of every test
# target and its dependencies takes about 20 minutes on a 2-core machine (CI's budget is 45 for
# everything); run it by hand or nightly. Exit 0: no race reported and the suites pass.
set -euo pipefail
cd "$(dirname "$0")/.."
export TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1"
swift build --build-tests --sanitize=thread --build-path .build-tsan
swift test --skip-build --sanitize=thread --build-path .build-tsan \
    --filter 'HealthConcurrencyTests|ConcurrencyTests|HealthPolicyTests|FailoverDecisionTests'
