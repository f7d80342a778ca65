#!/usr/bin/env bash
# Builds the WebAssembly module and its JavaScript glue into www/pkg/.
# Installs the wasm32 target and the matching wasm-bindgen-cli if missing.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$REPO_ROOT"

setup_rust
setup_wasm_bindgen

echo "[build-web] cargo build --release --lib --target wasm32-unknown-unknown" >&2
cargo build --release --lib --target wasm32-unknown-unknown

echo "[build-web] wasm-bindgen --target web -> www/pkg" >&2
rm -rf www/pkg
wasm-bindgen --target web --no-typescript --remove-name-section --remove-producers-section --out-dir www/pkg \
    target/wasm32-unknown-unknown/release/scope_explorer.wasm
echo "[build-web] built: $(ls www/pkg | tr '\n' ' ')" >&2
