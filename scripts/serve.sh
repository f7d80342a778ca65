#!/usr/bin/env bash
# Builds the page (scripts/build-web.sh) and serves www/ on 127.0.0.1 with
# scripts/serve.py (the strict CSP header on HTML pages, and CORS).
# Usage: bash scripts/serve.sh [PORT]   (default 8080)
set -euo pipefail
PORT="${1:-8080}"
case "$PORT" in
    ''|*[!0-9]*) echo "usage: $0 [PORT]  (PORT must be a number)" >&2; exit 2 ;;
esac
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

bash "$ROOT/scripts/build-web.sh"

echo
echo "Serving www/ at http://127.0.0.1:$PORT/  (Ctrl-C to stop)"
echo
exec python3 "$ROOT/scripts/serve.py" "$PORT" "$ROOT/www"
