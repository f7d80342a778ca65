#!/usr/bin/env bash
# Prints the performance figures recorded in BENCHMARKS.md: the core's native
# timings, then the page's payload, first render and slider step in headless
# Chromium (release build, served on loopback).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
echo "== native core (cargo run --release --example bench)"
cargo run --quiet --release --example bench
echo
echo "== page in headless Chromium"
E2E_SCRIPT=scripts/bench-page.mjs bash scripts/e2e.sh
