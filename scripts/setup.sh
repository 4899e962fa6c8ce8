#!/usr/bin/env bash
# Installs whatever is missing to build, serve and test Entraide on a fresh Debian machine.
# Idempotent: every step checks first. Reaches only crates.io, npm and Debian's archive.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
# Must equal the `wasm-bindgen` pin in Cargo.toml.
WASM_BINDGEN_VERSION=0.2.130

step() { printf '\n== setup: %s\n' "$*"; }

step "Rust toolchain and wasm target (rust-toolchain.toml)"
rustup show active-toolchain >/dev/null
rustup target list --installed | grep -q wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown

if ! trunk --version 2>/dev/null | grep -q "$TRUNK_VERSION"; then
  step "installing trunk $TRUNK_VERSION (about 6 minutes, once)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q "$WASM_BINDGEN_VERSION"; then
  step "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (once)"
  # Not --locked: its lock file names a yanked crate.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

# rage: the reference age tool; the tests prove it opens the app's backups.
if ! rage --version 2>/dev/null | grep -q "rage 0.12"; then
  step "installing rage 0.12 (age command-line tool, for the backup interoperability test)"
  cargo install rage --version 0.12.1 --locked || cargo install rage --version 0.12.1
fi

if ! [ -x /usr/bin/chromium ] || ! [ -x /usr/bin/chromedriver ]; then
  step "installing Chromium and its driver from Debian"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y chromium chromium-driver
fi

# pdftotext: the reference PDF reader the report test reads the printed Bilan with.
if ! command -v pdftotext >/dev/null; then
  step "installing poppler-utils (pdftotext) from Debian"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y poppler-utils
fi

if ! [ -x node_modules/.bin/wasm-opt ] || ! [ -d node_modules/playwright-core ] \
  || ! cmp -s package-lock.json node_modules/.package-lock.json 2>/dev/null; then
  step "installing the npm tools (wasm-opt, Playwright, axe-core)"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
fi
step "ready"
