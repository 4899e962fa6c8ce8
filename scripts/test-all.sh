#!/usr/bin/env bash
# Runs every test of Entraide, in order: core natively, the app's components in headless
# Chromium, then the end-to-end journeys against a release build. Stops at the first failure.
# Called by `make test` (after scripts/setup.sh) and by .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CHROMEDRIVER=/usr/bin/chromedriver

# zxing's public QR photos, when a git mirror of zxing is on this machine (the photo count
# test says how to bring them otherwise, and skips).
./scripts/zxing-photos.sh || echo "(zxing photos not brought: the photo count test will skip)"

echo "== core: cargo test (native)"
cargo test -p entraide-core
echo "== core: backups open with the rage command-line tool"
cargo test -p entraide-core --test vault_backup -- --ignored

echo "== core: fuzzing every parser a QR code reaches, for a bounded time"
ENTRAIDE_FUZZ_SECONDS="${ENTRAIDE_FUZZ_SECONDS:-60}" cargo test -p entraide-core --test transfer_fuzz -- --nocapture

echo "== app: component tests in headless Chromium (wasm-bindgen-test)"
cargo test -p entraide-app --target wasm32-unknown-unknown

echo "== release build (trunk)"
trunk build --release --offline

echo "== end-to-end: Playwright in headless Chromium"
npx playwright test -c tests/playwright.config.mjs
