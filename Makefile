# Entraide's commands. The two that matter (see README.md):
#   make serve   installs what is missing, builds the release and serves it on http://127.0.0.1:8080
#   make test    installs what is missing and runs every test
SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export CHROMEDRIVER := /usr/bin/chromedriver
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1

.PHONY: setup build serve test test-core test-app test-e2e size bench-matching bench-vault bench-qr bench-report bench-guard bench-merge bench-qr-wasm clippy fmt icons

setup:
	@./scripts/setup.sh

build: setup
	trunk build --release --offline

serve: build
	node tests/serve.mjs dist 8080

test: setup
	@./scripts/test-all.sh

test-core:
	cargo test -p entraide-core

test-app:
	cargo test -p entraide-app --target wasm32-unknown-unknown

test-e2e: build
	npx playwright test -c tests/playwright.config.mjs

size: build
	node scripts/size-report.mjs dist

clippy:
	cargo clippy --all-targets -p entraide-core -- -D warnings
	cargo clippy --all-targets -p entraide-app --target wasm32-unknown-unknown -- -D warnings

fmt:
	cargo fmt --all

icons:
	node scripts/make-icons.mjs

# Matching engine: native, then in WebAssembly in headless Chromium (figures, no assertions).
bench-matching: setup
	cargo run --release -p entraide-core --example match_bench
	cargo test -p entraide-app --release --target wasm32-unknown-unknown --test matching_bench -- --include-ignored --nocapture

# Vault: unlock time per work factor, 20,000 records, saves, bytes per record, in Chromium.
bench-vault: setup
	cargo test -p entraide-app --release --target wasm32-unknown-unknown --test vault -- --include-ignored --nocapture

# QR transfers: the render -> camera -> decode loop natively (simulated camera), then in
# headless Chromium with a filmed fake camera (2, 10, 50 KB; 0 % and 20 % of frames lost).
bench-qr-wasm: setup
	cargo test -p entraide-app --release --target wasm32-unknown-unknown --test qr_bench -- --include-ignored --nocapture

bench-qr: build
	cargo run --release -p entraide-core --example qr_loop
	npx playwright test -c tests/playwright.bench.config.mjs

# Bilan: a year of a long history (500 members, 250 sessions, 20,000 help), natively then
# in WebAssembly in headless Chromium (figures, no assertions). The PDF's page count and
# size are printed by the e2e report test.
bench-report: setup
	cargo run --release -p entraide-core --example report_bench
	cargo test -p entraide-app --release --target wasm32-unknown-unknown --test report_bench -- --include-ignored --nocapture

# The group's record: a five-year group and a room of 30 phones handing over and receiving
# the hand-back, natively then in WebAssembly (with the vault's save and reopening).
bench-merge: setup
	cargo run --release -p entraide-core --example merge_bench
	cargo test -p entraide-app --release --target wasm32-unknown-unknown --test merge_bench -- --include-ignored --nocapture

# Guard: time per check on the labelled corpus, natively then in WebAssembly in Chromium.
bench-guard: setup
	cargo run --release -p entraide-core --example guard_bench
	cargo test -p entraide-app --release --target wasm32-unknown-unknown --test guard_bench -- --include-ignored --nocapture
