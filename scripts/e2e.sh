#!/usr/bin/env bash
# End-to-end tests of the built page in headless Chromium (tests/e2e/*.test.mjs):
#   1. set-up: Debian's chromium, and `npm ci` when node_modules/ is missing or
#      package-lock.json changed (playwright-core only; no browser is downloaded)
#   2. builds the page (scripts/build-web.sh; skip with E2E_SKIP_BUILD=1)
#   3. serves www/ with scripts/serve.py (python3's http.server plus the strict
#      CSP header on HTML and CORS) on 127.0.0.1, on a free port
#   4. runs `node --test tests/e2e/` (TAP output; the closing "# pass N" and
#      "# fail N" lines are what scripts/test.sh counts)
# The server is stopped on exit, whatever happens. Exits non-zero if a step or
# a test failed. Screenshots (and one per failing test) go to
# target/screenshots/, emptied first; the server's log to target/test-logs/.
#
# To run the tests against a page you serve yourself (scripts/serve.sh):
#   E2E_BASE_URL=http://127.0.0.1:8080/ node --test tests/e2e/
set -uo pipefail

. "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$REPO_ROOT" || exit 1

log() { printf '[e2e] %s\n' "$*" >&2; }

SERVER_PID=""
stop_server() {
    if [ -n "$SERVER_PID" ]; then
        kill "$SERVER_PID" 2>/dev/null
        wait "$SERVER_PID" 2>/dev/null
        SERVER_PID=""
    fi
}
trap stop_server EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------- set-up
setup_e2e || { log "set-up failed"; exit 1; }

# ---------------------------------------------------------------- build
if [ -n "${E2E_SKIP_BUILD:-}" ] && [ -f www/pkg/scope_explorer.js ] && [ -f www/pkg-embed/scope_explorer.js ]; then
    log "E2E_SKIP_BUILD set: using the existing www/pkg/ and www/pkg-embed/"
else
    bash scripts/build-web.sh || { log "building the page failed"; exit 1; }
fi

# ---------------------------------------------------------------- server
LOG_DIR="$REPO_ROOT/target/test-logs"
mkdir -p "$LOG_DIR"
SERVER_LOG="$LOG_DIR/e2e-http-server.log"

free_port() {
    python3 -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()'
}

# Succeeds once the server answers with HTTP 200.
answers() {
    python3 - "$1" <<'EOF' 2>/dev/null
import sys, urllib.request
with urllib.request.urlopen(sys.argv[1], timeout=2) as response:
    sys.exit(0 if response.status == 200 else 1)
EOF
}

# Starts the server on a free port; another port if that one was taken meanwhile.
BASE_URL=""
for attempt in 1 2 3; do
    PORT="$(free_port)" || { log "no free port"; exit 1; }
    python3 "$REPO_ROOT/scripts/serve.py" "$PORT" "$REPO_ROOT/www" \
        >"$SERVER_LOG" 2>&1 </dev/null &
    SERVER_PID=$!
    for _ in $(seq 100); do
        if answers "http://127.0.0.1:$PORT/"; then
            BASE_URL="http://127.0.0.1:$PORT/"
            break
        fi
        kill -0 "$SERVER_PID" 2>/dev/null || break
        sleep 0.1
    done
    [ -n "$BASE_URL" ] && break
    log "the server on port $PORT did not answer (attempt $attempt):"
    tail -n 5 "$SERVER_LOG" >&2
    stop_server
done
if [ -z "$BASE_URL" ]; then
    log "could not start scripts/serve.py"
    exit 1
fi
log "serving www/ at $BASE_URL (pid $SERVER_PID, log ${SERVER_LOG#"$REPO_ROOT"/})"

# ---------------------------------------------------------------- tests
SCREENSHOT_DIR="$REPO_ROOT/target/screenshots"
rm -rf "$SCREENSHOT_DIR"
mkdir -p "$SCREENSHOT_DIR"

if [ -n "${E2E_SCRIPT:-}" ]; then
    # Another script against the same served page (scripts/bench.sh uses this).
    log "node $E2E_SCRIPT (chromium: $(chromium --version 2>/dev/null | head -n 1))"
    E2E_BASE_URL="$BASE_URL" node "$E2E_SCRIPT"
    exit $?
fi

log "node --test tests/e2e/ (chromium: $(chromium --version 2>/dev/null | head -n 1))"
E2E_BASE_URL="$BASE_URL" E2E_SCREENSHOT_DIR="$SCREENSHOT_DIR" \
    node --test --test-reporter=tap --test-reporter-destination=stdout tests/e2e/
status=$?
log "screenshots: ${SCREENSHOT_DIR#"$REPO_ROOT"/}/ ($(ls "$SCREENSHOT_DIR" | tr '\n' ' '))"
exit "$status"
