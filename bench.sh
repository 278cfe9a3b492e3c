#!/usr/bin/env bash
# Measures the release build of HTTP Study in headless Chromium and prints a table of figures with
# their budgets. A benchmark, not a test: ./test.sh does not run it and CI must never call it.
# Exits non-zero if a budget fails (after printing the table).
set -euo pipefail
cd "$(dirname "$0")"
source scripts/setup.sh
setup_test

printf '\n\033[1;34m==> %s\033[0m\n' "release build" >&2
trunk build --release

printf '\n\033[1;34m==> %s\033[0m\n' "benchmark (playwright-core, Chromium)" >&2
node scripts/bench.mjs dist
