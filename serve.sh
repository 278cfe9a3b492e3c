#!/usr/bin/env bash
# Serve HTTP Study at http://127.0.0.1:8080, installing whatever is missing first.
# Extra arguments go to `trunk serve` (for example: ./serve.sh --release).
set -euo pipefail
cd "$(dirname "$0")"
source scripts/setup.sh
setup_build
say "serving at http://127.0.0.1:8080 (Ctrl-C stops it)"
exec trunk serve "$@"
