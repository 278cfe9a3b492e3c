#!/usr/bin/env bash
# Measures the release build of HTTP Study in headless Chromium and prints a table of figures with
# their budgets. A benchmark, not a test: ./test.sh does not run it and CI must never call it.
# Exits non-zero if a budget fails (after printing the table).
set -euo pipefail
cd "$(dirname "$0")"
source scripts/setup.sh
setup_test

# Lighthouse (only the benchmark uses it), from bench/package-lock.json, once.
stamp=bench/node_modules/.http-study-lock
want="$(sha256sum bench/package-lock.json | cut -d' ' -f1)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  printf '\n\033[1;34m==> %s\033[0m\n' "installing Lighthouse 12 into bench/node_modules (once)" >&2
  (cd bench && npm ci --no-audit --no-fund --loglevel=error)
  echo "$want" >"$stamp"
fi

printf '\n\033[1;34m==> %s\033[0m\n' "release build" >&2
trunk build --release >&2

printf '\n\033[1;34m==> %s\033[0m\n' "release build of the yardstick, a bare Leptos counter (bench/counter.rs)" >&2
trunk build --release --dist target/bench-counter bench/counter.html >&2

printf '\n\033[1;34m==> %s\033[0m\n' "benchmark (playwright-core, Chromium)" >&2
node scripts/bench.mjs dist target/bench-counter
