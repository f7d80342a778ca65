# Step runner for scripts/test.sh: runs each step with its output in a log
# file, counts tests, and always ends with the summary and the line
# "N passed, N failed". Source it after scripts/setup.sh (which sets
# REPO_ROOT), then call steps_start once.
#
#   run_setup DESCRIPTION FUNCTION...   set-up functions; the first failure ends the run
#   run_check NAME LOGNAME CMD...       a step with no test counts (fmt, clippy)
#   run_suite NAME LOGNAME CMD...       a test run whose counts are summed
#   use_wasm_test_runner                the environment of the wasm32 test runs
#   finish                              prints the summary and exits
#
# TEST_KEEP_GOING=1 runs the remaining steps after a failure; TEST_VERBOSE=1
# shows each command's output as it runs.

LOG_DIR="$REPO_ROOT/target/test-logs"

# Resets the counters, creates the log folder and makes any exit end with
# the summary.
steps_start() {
    mkdir -p "$LOG_DIR"
    TOTAL_PASSED=0
    TOTAL_FAILED=0
    ANY_FAILED=0
    SUMMARY=()
    START_TIME=$SECONDS
    FINISHED=0
    trap on_exit EXIT
    trap 'exit 130' INT TERM
}

elapsed() { printf '%ds' "$((SECONDS - ${1:-$START_TIME}))"; }

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

# run_setup DESCRIPTION FUNCTION...: the set-up functions of scripts/setup.sh,
# in order; a failure counts as one and ends the run (TEST_KEEP_GOING or not).
run_setup() {
    local description="$1" step
    shift
    echo "==> set-up ($description)"
    for step in "$@"; do
        if ! "$step"; then
            echo "!! FAILED: set-up step $step"
            SUMMARY+=("set-up ($step): FAILED")
            TOTAL_FAILED=$((TOTAL_FAILED + 1))
            ANY_FAILED=1
            finish
        fi
    done
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

# The environment of the wasm32 test runs: test binaries go through
# wasm-bindgen-test-runner, and nothing inherited picks another driver, mode
# or a visible browser (each browser run sets exactly one driver variable).
use_wasm_test_runner() {
    export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
    # The timeout covers a whole test binary (default 20 s).
    export WASM_BINDGEN_TEST_TIMEOUT=120
    local var
    for var in CHROMEDRIVER GECKODRIVER SAFARIDRIVER MSEDGEDRIVER \
        CHROMEDRIVER_REMOTE GECKODRIVER_REMOTE SAFARIDRIVER_REMOTE MSEDGEDRIVER_REMOTE \
        CHROMEDRIVER_ARGS GECKODRIVER_ARGS SAFARIDRIVER_ARGS MSEDGEDRIVER_ARGS \
        WASM_BINDGEN_USE_BROWSER WASM_BINDGEN_USE_NODE_EXPERIMENTAL WASM_BINDGEN_USE_DENO \
        WASM_BINDGEN_USE_DEDICATED_WORKER WASM_BINDGEN_USE_SHARED_WORKER \
        WASM_BINDGEN_USE_SERVICE_WORKER WASM_BINDGEN_USE_EMSCRIPTEN WASM_BINDGEN_USE_NO_MODULE \
        WASM_BINDGEN_TEST_ONLY_NODE WASM_BINDGEN_TEST_ONLY_WEB NO_HEADLESS WASM_BINDGEN_TEST_ADDRESS; do
        unset "$var"
    done
}
