#!/usr/bin/env bash
# Run every check HTTP Study has, installing whatever is missing first. Exits non-zero if anything fails.
#   1. formatting and lints (native and wasm32)
#   2. native unit and integration tests (the domain)
#   3. component tests in headless Chromium (wasm-bindgen-test)
#   4. the release build (which writes the pages that are the same for everyone, natively), with its size report
#   5. end-to-end journeys with playwright-core against the release build
set -euo pipefail
cd "$(dirname "$0")"
source scripts/setup.sh
setup_test

step() { printf '\n\033[1;34m==> %s\033[0m\n' "$*" >&2; }

step "rustfmt"
cargo fmt --all -- --check
cargo fmt --manifest-path tools/wasm-split/Cargo.toml -- --check

step "clippy (native)"
# The feature `prerender` (Leptos's rendering to HTML, natively) adds the program the release
# build runs to write the pages that are the same for everyone, and its tests.
cargo clippy --all-targets --locked --features prerender -- -D warnings

step "clippy (wasm32)"
cargo clippy --all-targets --locked --target wasm32-unknown-unknown -- -D warnings
# The app as Trunk builds it: the lab as its own wasm (feature `split`).
cargo clippy --locked --target wasm32-unknown-unknown --features split -- -D warnings

step "native tests"
cargo test --locked --features prerender

step "component tests in headless Chromium"
cargo test --locked --target wasm32-unknown-unknown --test web

step "release build"
trunk build --release

step "size of dist/"
node scripts/size-report.mjs dist

step "end-to-end journeys (playwright-core, Chromium)"
node --test --test-concurrency=1 tests/e2e/*.test.mjs

printf '\n\033[1;32mAll checks passed.\033[0m\n' >&2
