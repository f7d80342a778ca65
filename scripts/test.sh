#!/usr/bin/env bash
# Runs every check and test of the crate, installing what is missing first:
#   1. cargo fmt --check
#   2. cargo clippy, native and wasm32, warnings denied
#   3. cargo test, native (unit, integration and doc tests)
#   4. cargo test --tests --target wasm32-unknown-unknown in headless Chromium
#      (no doc tests: they cannot run under wasm-bindgen-test-runner)
#   5. the same in headless Firefox
#   6. end-to-end tests of the built page in headless Chromium (scripts/e2e.sh:
#      builds www/pkg, serves www/ on 127.0.0.1, runs `node --test tests/e2e/`
#      with npm playwright-core driving Debian's chromium)
# Stops at the first failing step (set TEST_KEEP_GOING=1 to run the rest anyway).
# Full logs go to target/test-logs/. The last line printed is always
# "N passed, N failed", totalled over the test suites (cargo's "test result:"
# lines and node's "# pass N" / "# fail N" lines); a step that fails
# without reporting test counts (fmt, clippy, a build error, a crashed runner)
# counts as one failure. Exits non-zero if anything failed.
# Set TEST_VERBOSE=1 to see cargo's output as it runs.
set -uo pipefail

. "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$REPO_ROOT" || exit 1

LOG_DIR="$REPO_ROOT/target/test-logs"
mkdir -p "$LOG_DIR"

TOTAL_PASSED=0
TOTAL_FAILED=0
ANY_FAILED=0
SUMMARY=()
START_TIME=$SECONDS

elapsed() { printf '%ds' "$((SECONDS - ${1:-$START_TIME}))"; }

FINISHED=0
finish() {
    FINISHED=1
    echo
    echo "==================== summary ($(elapsed)) ===================="
    local line
    for line in "${SUMMARY[@]}"; do echo "  $line"; done
    echo "  logs: ${LOG_DIR#"$REPO_ROOT"/}/"
    if [ "$ANY_FAILED" -ne 0 ]; then
        echo "FAILED"
    else
        echo "ALL OK"
    fi
    echo "$TOTAL_PASSED passed, $TOTAL_FAILED failed"
    exit "$ANY_FAILED"
}

# An unexpected exit (a bug here, Ctrl-C) still ends with the summary line.
on_exit() {
    local status=$?
    if [ "$FINISHED" -eq 0 ]; then
        echo "!! test.sh stopped unexpectedly (exit status $status)" >&2
        SUMMARY+=("test.sh: stopped unexpectedly (exit status $status)")
        TOTAL_FAILED=$((TOTAL_FAILED + 1))
        ANY_FAILED=1
        finish
    fi
}
trap on_exit EXIT
trap 'exit 130' INT TERM

# Records a failure; stops unless TEST_KEEP_GOING is set.
step_failed() {
    ANY_FAILED=1
    if [ -z "${TEST_KEEP_GOING:-}" ]; then
        echo "!! stopping at the first failure: $1" >&2
        finish
    fi
}

show_log_tail() {
    echo "---- last 60 lines of ${1#"$REPO_ROOT"/} (long lines cut at 300 characters) ----"
    tail -n 60 "$1" | cut -c 1-300
    echo "----"
}

# Runs a command with its output in a log file (and on screen if TEST_VERBOSE).
run_logged() {
    local log="$1"
    shift
    {
        echo "\$ $*"
        echo "# started $(date -u '+%Y-%m-%dT%H:%M:%SZ')"
    } >"$log"
    if [ -n "${TEST_VERBOSE:-}" ]; then
        "$@" 2>&1 | tee -a "$log"
    else
        "$@" >>"$log" 2>&1
    fi
}

# run_check NAME LOGNAME CMD...: a step with no test counts (fmt, clippy).
run_check() {
    local name="$1" log="$LOG_DIR/$2.log" t0=$SECONDS
    shift 2
    echo "==> $name"
    if run_logged "$log" "$@"; then
        echo "    ok ($(elapsed "$t0"))"
        SUMMARY+=("$name: ok")
    else
        echo "!! FAILED: $name ($(elapsed "$t0"))"
        show_log_tail "$log"
        SUMMARY+=("$name: FAILED (log: ${log#"$REPO_ROOT"/})")
        TOTAL_FAILED=$((TOTAL_FAILED + 1))
        step_failed "$name"
    fi
}

# run_suite NAME LOGNAME CMD...: a test run; sums cargo's "test result:" lines
# and the closing "# pass N" / "# fail N" / "# cancelled N" lines of node's
# test runner (TAP; cancelled tests count as failed).
run_suite() {
    local name="$1" log="$LOG_DIR/$2.log" t0=$SECONDS status passed failed extra=""
    shift 2
    echo "==> $name"
    run_logged "$log" "$@"
    status=$?
    read -r passed failed < <(
        grep -aE '^(test result: |# (pass|fail|cancelled) [0-9]+$)' "$log" | awk '
            /^test result: / {
                for (i = 1; i < NF; i++) {
                    if ($(i + 1) ~ /^passed/) p += $i
                    if ($(i + 1) ~ /^failed/) f += $i } }
            /^# pass / { p += $3 }
            /^# (fail|cancelled) / { f += $3 }
            END { print p + 0, f + 0 }'
    )
    if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
        # Failed without a failing test to show for it: build error, crash, timeout.
        failed=1
        extra=" (exit status $status without a failing test: see the log)"
    fi
    case "$name" in
        wasm32*Chromium*) extra+=" [$(grep -ac 'Running headless tests in Chrome' "$log") test binaries ran in Chrome]" ;;
        wasm32*Firefox*) extra+=" [$(grep -ac 'Running headless tests in Firefox' "$log") test binaries ran in Firefox]" ;;
        end-to-end*) extra+=" [screenshots in target/screenshots/]" ;;
    esac
    TOTAL_PASSED=$((TOTAL_PASSED + passed))
    TOTAL_FAILED=$((TOTAL_FAILED + failed))
    if [ "$status" -eq 0 ]; then
        echo "    $passed passed, $failed failed ($(elapsed "$t0"))$extra"
        SUMMARY+=("$name: $passed passed, $failed failed$extra")
    else
        echo "!! FAILED: $name: $passed passed, $failed failed ($(elapsed "$t0"))$extra"
        grep -aE '^test .* \.\.\. FAIL|^not ok ' "$log" | head -n 20 | cut -c 1-300
        show_log_tail "$log"
        SUMMARY+=("$name: FAILED: $passed passed, $failed failed$extra (log: ${log#"$REPO_ROOT"/})")
        step_failed "$name"
    fi
}

# ---------------------------------------------------------------- set-up
echo "==> set-up (rust target and components, wasm-bindgen-cli, browsers, geckodriver, npm packages)"
for step in setup_rust setup_wasm_bindgen setup_browsers setup_geckodriver setup_e2e; do
    if ! "$step"; then
        echo "!! FAILED: set-up step $step"
        SUMMARY+=("set-up ($step): FAILED")
        TOTAL_FAILED=$((TOTAL_FAILED + 1))
        ANY_FAILED=1
        finish
    fi
done
GECKODRIVER_BIN="$(geckodriver_path)"
echo "    wasm-bindgen $(wasm-bindgen --version | awk '{print $2}'), $(chromium --version 2>/dev/null | head -n 1),"
echo "    $(firefox-esr --version 2>/dev/null | head -n 1), $("$GECKODRIVER_BIN" --version 2>/dev/null | head -n 1),"
echo "    node $(node --version), playwright-core $(node -p 'require("./node_modules/playwright-core/package.json").version') ($(elapsed))"

# Test runner environment: wasm32 test binaries go through wasm-bindgen-test-runner.
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
# The timeout covers a whole test binary (default 20 s).
export WASM_BINDGEN_TEST_TIMEOUT=120
# Clear anything that would pick another driver, mode or a visible browser.
for var in CHROMEDRIVER GECKODRIVER SAFARIDRIVER MSEDGEDRIVER \
    CHROMEDRIVER_REMOTE GECKODRIVER_REMOTE SAFARIDRIVER_REMOTE MSEDGEDRIVER_REMOTE \
    CHROMEDRIVER_ARGS GECKODRIVER_ARGS SAFARIDRIVER_ARGS MSEDGEDRIVER_ARGS \
    WASM_BINDGEN_USE_BROWSER WASM_BINDGEN_USE_NODE_EXPERIMENTAL WASM_BINDGEN_USE_DENO \
    WASM_BINDGEN_USE_DEDICATED_WORKER WASM_BINDGEN_USE_SHARED_WORKER \
    WASM_BINDGEN_USE_SERVICE_WORKER WASM_BINDGEN_USE_EMSCRIPTEN WASM_BINDGEN_USE_NO_MODULE \
    WASM_BINDGEN_TEST_ONLY_NODE WASM_BINDGEN_TEST_ONLY_WEB NO_HEADLESS WASM_BINDGEN_TEST_ADDRESS; do
    unset "$var"
done

# ---------------------------------------------------------------- checks
run_check "cargo fmt --check" fmt cargo fmt --all -- --check
run_check "clippy (native)" clippy-native cargo clippy --all-targets -- -D warnings
run_check "clippy (wasm32)" clippy-wasm32 \
    cargo clippy --all-targets --target wasm32-unknown-unknown -- -D warnings

# ---------------------------------------------------------------- tests
run_suite "native tests" native cargo test --no-fail-fast

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
