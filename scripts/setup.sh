#!/usr/bin/env bash
# Shared set-up for scripts/test.sh, scripts/serve.sh and scripts/build-web.sh.
#
# Source it (`. scripts/setup.sh`) and call the setup_* functions you need, or
# run it directly: `bash scripts/setup.sh [web|browsers|e2e|all]` (default: all).
# Every step is idempotent and returns quickly when its tool is already there.
#
#   setup_rust          wasm32-unknown-unknown target, rustfmt and clippy
#   setup_wasm_bindgen  wasm-bindgen-cli at exactly the version in Cargo.lock
#   setup_browsers      Debian's chromium, chromium-driver and firefox-esr
#   setup_geckodriver   geckodriver (cargo install; not packaged by Debian)
#   setup_e2e           Debian's chromium, and the end-to-end tests' npm packages
#                       (`npm ci`: playwright-core, which downloads no browser)
#   setup_versions      prints the versions of the tools above (once set up)

# Repository root, whichever directory the caller is in.
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CARGO_BIN_DIR="${CARGO_HOME:-$HOME/.cargo}/bin"
case ":$PATH:" in
    *":$CARGO_BIN_DIR:"*) ;;
    *) export PATH="$CARGO_BIN_DIR:$PATH" ;;
esac

setup_log() { printf '[setup] %s\n' "$*" >&2; }
setup_die() { printf '[setup] ERROR: %s\n' "$*" >&2; return 1; }

setup_rust() {
    command -v rustup >/dev/null || { setup_die "rustup not found on PATH"; return 1; }
    if ! rustup target list --installed | grep -qx 'wasm32-unknown-unknown'; then
        setup_log "adding target wasm32-unknown-unknown"
        rustup target add wasm32-unknown-unknown || return 1
    fi
    local installed
    installed="$(rustup component list --installed)"
    if ! grep -q '^rustfmt' <<<"$installed" || ! grep -q '^clippy' <<<"$installed"; then
        setup_log "adding components rustfmt and clippy"
        rustup component add rustfmt clippy || return 1
    fi
}

# Prints the version of the `wasm-bindgen` package recorded in Cargo.lock,
# creating the lock file first if it does not exist yet.
wasm_bindgen_lock_version() {
    local lock="$REPO_ROOT/Cargo.lock"
    if [ ! -f "$lock" ]; then
        setup_log "Cargo.lock missing: running cargo generate-lockfile"
        (cd "$REPO_ROOT" && cargo generate-lockfile) >&2 || return 1
    fi
    awk '
        /^\[\[package\]\]/ { in_wb = 0; next }
        /^name = "wasm-bindgen"$/ { in_wb = 1; next }
        in_wb && /^version = / { gsub(/"/, "", $3); print $3; exit }
    ' "$lock"
}

setup_wasm_bindgen() {
    local want have=""
    want="$(wasm_bindgen_lock_version)" || return 1
    if [ -z "$want" ]; then
        setup_die "no wasm-bindgen package in Cargo.lock"
        return 1
    fi
    if command -v wasm-bindgen >/dev/null; then
        have="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')"
    fi
    if [ "$have" = "$want" ] && command -v wasm-bindgen-test-runner >/dev/null; then
        return 0
    fi
    setup_log "installing wasm-bindgen-cli $want (found: ${have:-none}; takes a few minutes)"
    # No --locked: one of its locked dependencies is missing from the registry.
    cargo install wasm-bindgen-cli --version "$want" --force || return 1
    have="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')"
    [ "$have" = "$want" ] || { setup_die "wasm-bindgen is $have after install, wanted $want"; return 1; }
}

apt_installed() {
    dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

# Installs the Debian packages among its arguments that are missing.
apt_ensure() {
    local pkg missing=()
    for pkg in "$@"; do
        apt_installed "$pkg" || missing+=("$pkg")
    done
    [ "${#missing[@]}" -eq 0 ] && return 0
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null || { setup_die "need root (or sudo) to apt-get install ${missing[*]}"; return 1; }
        sudo="sudo"
    fi
    setup_log "apt-get install ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    # Update the package lists once, then install.
    $sudo apt-get update -q >&2 || return 1
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >&2 || return 1
}

setup_browsers() {
    apt_ensure chromium chromium-driver firefox-esr
}

# Prints the path of geckodriver, installing it first if needed.
geckodriver_path() {
    command -v geckodriver || { [ -x "$CARGO_BIN_DIR/geckodriver" ] && echo "$CARGO_BIN_DIR/geckodriver"; }
}

setup_geckodriver() {
    geckodriver_path >/dev/null && return 0
    setup_log "installing geckodriver with cargo install (takes a couple of minutes)"
    cargo install geckodriver || return 1
    geckodriver_path >/dev/null || { setup_die "geckodriver not found after install"; return 1; }
}

# Records the package-lock.json that node_modules/ was installed from.
E2E_LOCK_STAMP="node_modules/.package-lock.sha256"

setup_e2e() {
    apt_ensure chromium || return 1
    local major
    major="$(node --version 2>/dev/null | sed -E 's/^v([0-9]+).*/\1/')"
    if [ -z "$major" ] || ! command -v npm >/dev/null; then
        setup_die "node and npm not found on PATH (the end-to-end tests need Node.js 20 or later)"
        return 1
    fi
    if [ "$major" -lt 20 ]; then
        setup_die "Node.js $(node --version) is too old for the end-to-end tests (need 20 or later)"
        return 1
    fi
    local want have=""
    want="$(sha256sum "$REPO_ROOT/package-lock.json" | awk '{print $1}')" || return 1
    [ -f "$REPO_ROOT/$E2E_LOCK_STAMP" ] && have="$(cat "$REPO_ROOT/$E2E_LOCK_STAMP")"
    if [ -f "$REPO_ROOT/node_modules/playwright-core/package.json" ] && [ "$have" = "$want" ]; then
        return 0
    fi
    setup_log "npm ci (playwright-core; no browser download)"
    # --ignore-scripts: no install script runs (none is needed; none may fetch a browser).
    (cd "$REPO_ROOT" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 \
        npm ci --ignore-scripts --no-audit --no-fund) >&2 || return 1
    echo "$want" >"$REPO_ROOT/$E2E_LOCK_STAMP"
}

# Prints the versions of the tools the tests use, on three indented lines
# (the last without a newline, so a caller can append to it).
setup_versions() {
    local geckodriver
    geckodriver="$(geckodriver_path)"
    echo "    wasm-bindgen $(wasm-bindgen --version | awk '{print $2}'), $(chromium --version 2>/dev/null | head -n 1),"
    echo "    $(firefox-esr --version 2>/dev/null | head -n 1), $("$geckodriver" --version 2>/dev/null | head -n 1),"
    printf '    node %s, playwright-core %s' "$(node --version)" \
        "$(node -p "require(process.argv[1] + '/node_modules/playwright-core/package.json').version" "$REPO_ROOT")"
}

# Run directly rather than sourced: do the requested group of steps.
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    set -euo pipefail
    case "${1:-all}" in
        web) setup_rust; setup_wasm_bindgen ;;
        browsers) setup_browsers; setup_geckodriver ;;
        e2e) setup_e2e ;;
        all) setup_rust; setup_wasm_bindgen; setup_browsers; setup_geckodriver; setup_e2e ;;
        *) echo "usage: $0 [web|browsers|e2e|all]" >&2; exit 2 ;;
    esac
fi
