#!/usr/bin/env bash
# Builds the WebAssembly module and its JavaScript glue into www/pkg/.
# Installs the wasm32 target and the matching wasm-bindgen-cli if missing.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$REPO_ROOT"

setup_rust
setup_wasm_bindgen

# The full page's module (www/pkg) and the embed's smaller one
# (www/pkg-embed: without the `full` feature, so without the table, the
# sections below, sharing and the JavaScript API; BENCHMARKS.md). Both
# builds share target/: cargo keeps each feature set's artifacts apart.
build() {
    local out="$1"
    shift
    echo "[build-web] cargo build --release --lib --target wasm32-unknown-unknown $* -> www/$out" >&2
    cargo build --release --lib --target wasm32-unknown-unknown "$@"
    rm -rf "www/$out"
    wasm-bindgen --target web --no-typescript --remove-name-section --remove-producers-section --out-dir "www/$out" \
        target/wasm32-unknown-unknown/release/scope_explorer.wasm
    echo "[build-web] built www/$out: $(ls "www/$out" | tr '\n' ' ')" >&2
}
build pkg-embed --no-default-features
build pkg
