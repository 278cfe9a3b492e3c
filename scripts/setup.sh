#!/usr/bin/env bash
# Installs what HTTP Study needs to build and test, and nothing that is already there.
#
# Sourced by ./serve.sh and ./test.sh (and usable alone: `scripts/setup.sh [build|test]`).
# Every step checks first, so a second run on a ready machine takes a second or two.
# Nothing here downloads a prebuilt binary from outside the package registries: Trunk and
# wasm-bindgen-cli come from crates.io, wasm-opt from npm's `binaryen`, Chromium from Debian.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRUNK_VERSION="0.21.14"
WASM_OPT_VERSION="132"

say() { printf '\033[1m[setup]\033[0m %s\n' "$*" >&2; }
die() {
  printf '\033[1;31m[setup] %s\033[0m\n' "$*" >&2
  exit 1
}

# cargo-installed tools and the npm tools come first on PATH, so Trunk finds ours, not Debian's wasm-opt.
export PATH="$ROOT/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
# Trunk must never try to download tools (there is no route to GitHub here).
export TRUNK_OFFLINE=true

need_command() {
  command -v "$1" >/dev/null 2>&1 || die "$1 is not installed. $2"
}

# The wasm-bindgen version the app is built against: the one Cargo.lock pins.
locked_wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock"
}

ensure_rust() {
  need_command cargo "Install Rust with rustup (https://rustup.rs), then run this again."
  need_command rustup "This project needs rustup to add the wasm32 target. Install Rust with rustup, then run this again."
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
}

ensure_trunk() {
  if trunk --version 2>/dev/null | grep -q " ${TRUNK_VERSION}\$"; then return; fi
  say "installing Trunk ${TRUNK_VERSION} (about 9 minutes on 2 cores, once)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
}

ensure_wasm_bindgen() {
  local want
  want="$(locked_wasm_bindgen_version)"
  [ -n "$want" ] || die "Cannot find wasm-bindgen in Cargo.lock. Run 'cargo generate-lockfile' and try again."
  grep -q "wasm_bindgen = \"${want}\"" "$ROOT/Trunk.toml" ||
    die "Trunk.toml pins a wasm_bindgen other than ${want} (the Cargo.lock version). Set [tools] wasm_bindgen = \"${want}\"."
  if wasm-bindgen --version 2>/dev/null | grep -q " ${want}\$" &&
    wasm-bindgen-test-runner --version 2>/dev/null | grep -q " ${want}\$"; then
    return
  fi
  # Not --locked: the CLI's own lock file pins a webpki-roots release that crates.io no longer serves.
  say "installing wasm-bindgen-cli ${want} (about 3 minutes, once)"
  cargo install wasm-bindgen-cli --version "$want" --force
}

# npm packages: wasm-opt (binaryen) for every build; playwright-core and axe-core for the end-to-end tests.
# A stamp of package-lock.json tells whether node_modules matches it, so a ready machine skips npm.
ensure_node_modules() {
  need_command node "Install Node.js 20 or newer (Debian: apt-get install nodejs npm), then run this again."
  need_command npm "Install npm (Debian: apt-get install npm), then run this again."
  local stamp="$ROOT/node_modules/.http-study-lock"
  local want
  want="$(sha256sum "$ROOT/package-lock.json" | cut -d' ' -f1)"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && [ -x "$ROOT/node_modules/.bin/wasm-opt" ]; then return; fi
  say "installing npm packages from package-lock.json (binaryen, playwright-core, axe-core)"
  (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error)
  echo "$want" >"$stamp"
}

check_wasm_opt() {
  wasm-opt --version 2>/dev/null | grep -q "version ${WASM_OPT_VERSION}" ||
    die "wasm-opt on PATH is not version ${WASM_OPT_VERSION} ($(command -v wasm-opt || echo none)). Run 'npm ci' in $ROOT."
}

# Debian's Chromium and ChromeDriver drive the browser tests (playwright's own browser download cannot work here).
ensure_chromium() {
  if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then return; fi
  if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    die "Chromium is missing. Install Debian's packages by hand: sudo apt-get update && sudo apt-get install -y chromium chromium-driver"
  fi
  say "installing Debian's chromium and chromium-driver"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
}

# tools/wasm-split: splits the lab into its own wasm in every Trunk build (scripts/post-build.mjs
# runs it). A no-op when it is built and up to date.
ensure_wasm_split() {
  local target="${CARGO_TARGET_DIR:-$ROOT/target}/tools"
  if [ ! -x "$target/release/http-study-wasm-split" ]; then
    say "building tools/wasm-split (about 1.5 minutes on 2 cores, once)"
  fi
  cargo build --release --locked --quiet --manifest-path "$ROOT/tools/wasm-split/Cargo.toml" --target-dir "$target"
}

setup_build() {
  ensure_rust
  ensure_node_modules
  check_wasm_opt
  ensure_wasm_bindgen
  ensure_trunk
  ensure_wasm_split
}

setup_test() {
  setup_build
  ensure_chromium
  export CHROMEDRIVER=/usr/bin/chromedriver
  export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
}

# Run directly: `scripts/setup.sh` (build tools) or `scripts/setup.sh test` (also the browser).
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  case "${1:-build}" in
  build) setup_build ;;
  test) setup_test ;;
  *) die "usage: scripts/setup.sh [build|test]" ;;
  esac
  say "ready"
fi
