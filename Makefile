# The README's commands. Each one installs what is missing first (scripts/setup.sh).
SHELL := bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

.PHONY: setup serve desk desk-ui desk-serve build dist test size audit bench bench-ui bench-scale bench-phone fuzz check

setup:
	@bash scripts/setup.sh

serve: setup
	@echo "bilateral-map: serving on http://127.0.0.1:8080/ (Ctrl-C stops)"
	trunk serve

# The editor's desk over corpus/ on http://127.0.0.1:8090/ (crates/desk): its
# pages (crates/desk/ui) and the map preview, built from the widget's dist/.
desk: build desk-ui desk-serve

# The desk's server alone, over DESK_CORPUS, built with DESK_PROFILE (the
# `desk` profile: optimised, without the wasm's LTO). The desk's Playwright
# test serves a copy of the corpus this way, with the `dev` build the native
# layer has just made.
DESK_CORPUS ?= corpus
DESK_PROFILE ?= desk
desk-serve:
	@echo "the editor's desk: http://127.0.0.1:8090/ over $(DESK_CORPUS) (Ctrl-C stops)"
	cargo run -q --locked --profile $(DESK_PROFILE) -p desk -- $(DESK_CORPUS) --ui target/desk-ui --widget dist/bilateral-map --template www/bilateral-map.js

# The desk's pages (a Yew app) into target/desk-ui/.
desk-ui: setup
	cd crates/desk/ui && trunk build --release

build: setup
	trunk build --release

# The folder a newsroom copies to its static server: dist/bilateral-map/.
dist: build
	@ls -l dist/bilateral-map

test: setup
	@bash scripts/test.sh

size: build
	@bash scripts/size.sh

# Lighthouse (median of 3) and axe-core on the demo page; scores in target/lighthouse-scores.json.
audit: build
	E2E_SUITE=audit npx playwright test --config tests/e2e/playwright.config.mjs

check:
	cargo run -q -p atlas -- check

bench:
	cargo bench -p bilateral-core --bench corpus

# Corpora of 5, 100, 1,000 and 10,000 articles built and measured in headless
# Chromium (scripts/bench-scale.sh); the table goes to target/bench-scale.md.
bench-scale: build
	bash scripts/bench-scale.sh

# Pan/zoom frame times and click-to-panel latency in headless Chromium,
# on the corpus page and on bench.html (+5,000 synthetic features).
bench-ui: build
	trunk build bench.html --release=true --dist dist-bench
	node scripts/bench-ui.mjs

# The demo page beside a Leaflet page with the same features, on a slow phone
# (scripts/bench-phone.mjs); the table goes to target/bench-phone.md.
bench-phone: build
	cargo build -q --locked --release -p atlas
	node scripts/bench-phone.mjs 3

# Fuzz the article parser and matcher (needs the nightly toolchain and cargo-fuzz).
FUZZ_SECONDS ?= 300
fuzz:
	command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
	mkdir -p crates/core/fuzz/corpus/article
	cp corpus/articles/*.txt crates/core/fuzz/corpus/article/
	cd crates/core/fuzz && cargo +nightly fuzz run article corpus/article -- \
		-max_total_time=$(FUZZ_SECONDS) -print_final_stats=1
