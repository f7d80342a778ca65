#!/usr/bin/env bash
# Runs every check and test of the crate, installing what is missing first:
#   1. cargo fmt --check
#   2. cargo clippy, native and wasm32 (and wasm32 without the feature `full`,
#      the embeds' build), warnings denied
#   3. cargo test, native (unit, integration and doc tests), and the library's
#      tests without `full` (the embeds' build, on their slimmed dataset)
#   4. cargo test --tests --target wasm32-unknown-unknown in headless Chromium
#      (no doc tests: they cannot run under wasm-bindgen-test-runner)
#   5. the same in headless Firefox
#   6. end-to-end tests of the built page in headless Chromium (scripts/e2e.sh:
#      builds www/pkg and www/pkg-embed, serves www/ on 127.0.0.1, runs `node --test tests/e2e/`
#      with npm playwright-core driving Debian's chromium)
# Stops at the first failing step (set TEST_KEEP_GOING=1 to run the rest anyway).
# Full logs go to target/test-logs/. The last line printed is always
# "N passed, N failed", totalled over the test suites (cargo's "test result:"
# lines and node's "# pass N" / "# fail N" lines); a step that fails
# without reporting test counts (fmt, clippy, a build error, a crashed runner)
# counts as one failure. Exits non-zero if anything failed.
# Set TEST_VERBOSE=1 to see cargo's output as it runs.
# Machine set-up is in scripts/setup.sh; the step runner (logs, counts,
# summary) in scripts/lib/steps.sh. What follows is the list of steps.
set -uo pipefail

. "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
. "$(dirname "${BASH_SOURCE[0]}")/lib/steps.sh"
cd "$REPO_ROOT" || exit 1
steps_start

# ---------------------------------------------------------------- set-up
run_setup "rust target and components, wasm-bindgen-cli, browsers, geckodriver, npm packages" \
    setup_rust setup_wasm_bindgen setup_browsers setup_geckodriver setup_e2e
echo "$(setup_versions) ($(elapsed))"
GECKODRIVER_BIN="$(geckodriver_path)"
use_wasm_test_runner

# ---------------------------------------------------------------- checks
run_check "cargo fmt --check" fmt cargo fmt --all -- --check
run_check "clippy (native)" clippy-native cargo clippy --all-targets -- -D warnings
run_check "clippy (wasm32)" clippy-wasm32 \
    cargo clippy --all-targets --target wasm32-unknown-unknown -- -D warnings
run_check "clippy (wasm32, the embed's build)" clippy-wasm32-embed \
    cargo clippy --lib --target wasm32-unknown-unknown --no-default-features -- -D warnings
run_check "clippy (native, the embed's build)" clippy-native-embed \
    cargo clippy --lib --tests --no-default-features -- -D warnings

# ---------------------------------------------------------------- tests
run_suite "native tests" native cargo test --no-fail-fast
# The library as the embeds' module is built (without the feature `full`),
# natively: the core on the embed's slimmed dataset.
run_suite "native library tests, the embed's build" native-embed \
    cargo test --no-fail-fast --lib --no-default-features

# Browser runs: exactly one driver variable set for each. WASM_BINDGEN_USE_BROWSER
# sends test binaries without `wasm_bindgen_test_configure!(run_in_browser)` to
# the browser too, instead of Node.js (binaries that configure a mode keep it).
# `--tests` leaves out doc tests: built for wasm32, each is a program with no
# wasm-bindgen tests, which the runner reports as passing without running it
# (a doc test with a false assertion "passes"); they run natively above.
run_suite "wasm32 tests in headless Chromium" wasm-chromium \
    env CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_USE_BROWSER=1 \
    cargo test --no-fail-fast --tests --target wasm32-unknown-unknown
run_suite "wasm32 tests in headless Firefox" wasm-firefox \
    env GECKODRIVER="$GECKODRIVER_BIN" WASM_BINDGEN_USE_BROWSER=1 \
    cargo test --no-fail-fast --tests --target wasm32-unknown-unknown

# End-to-end: the built page in headless Chromium, driven by npm playwright-core
# (never `npx playwright install`); scripts/e2e.sh builds, serves and stops.
run_suite "end-to-end tests in headless Chromium" e2e bash scripts/e2e.sh

finish
