# article-widget: `make serve` to preview, `make test` to check everything.
# Both install what is missing first (scripts/setup.sh) and skip what is there.

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c

# npm's wasm-opt first, so trunk never picks up another one.
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
# Name the driver: the test runner would otherwise prefer any geckodriver on PATH.
export CHROMEDRIVER ?= /usr/bin/chromedriver
export TRUNK_SKIP_VERSION_CHECK := true
# The browser suite takes about 20 s (one test waits out the 15 s fetch
# time-out); the runner's default limit for the whole run is 20 s.
export WASM_BINDGEN_TEST_TIMEOUT ?= 120

WASM := --target wasm32-unknown-unknown

.PHONY: contract render serve test setup setup-browser lint native-test browser-test build smoke html-check e2e leptos-app package screenshots size bench bench-quick bench-push fuzz clean

## Preview the bundled sample article at http://127.0.0.1:8080 (any JSON with ?src=).
serve: setup
	trunk serve

## A sample article server-rendered to HTML on standard output (README, "Server rendering"):
## make render FILE=www/articles/havnebadet.json ARGS="--lang nb --entitled"
FILE ?= www/articles/night-ferry.json
render:
	cargo run --quiet --locked --bin article-widget-render -- $(FILE) $(ARGS)

## Format, lint, native tests, browser tests, release build, e2e, the npm package and size report.
test: setup setup-browser lint native-test browser-test build smoke html-check e2e leptos-app package size bench-quick

setup:
	scripts/setup.sh tools

setup-browser:
	scripts/setup.sh browser

lint:
	cargo fmt --all --check
	node scripts/contract.mjs --check
	cargo clippy --locked -p article-widget -p article-format -p article-feeds --all-targets -- -D warnings
	cargo clippy --locked --all-targets --features hydrate $(WASM) -- -D warnings
	# The release widget is built with `split` (index.html), with and without `hydrate` (client/).
	cargo clippy --locked --no-default-features --features widget,split,hydrate --lib --bins $(WASM) -- -D warnings
	cargo clippy --locked --no-default-features --features widget,split --lib --bins $(WASM) -- -D warnings
	cargo clippy --locked -p article-format --features js $(WASM) -- -D warnings
	cargo clippy --locked --no-default-features --lib -- -D warnings
	cargo clippy --locked -p article-widget-node $(WASM) -- -D warnings
	cargo clippy --locked -p article-widget-leptos-example $(WASM) -- -D warnings
	cargo clippy --locked -p article-widget-push --all-targets -- -D warnings
	cargo clippy --locked -p article-widget-convert $(WASM) -- -D warnings
	# Arrows one way: the format and the feeds know no browser, no Leptos and
	# no other stage (ARCHITECTURE.md).
	! cargo tree --locked -p article-format -p article-feeds -e normal --prefix none \
	  | grep -E '^(leptos|web-sys|js-sys|article-widget[a-z-]*) '

native-test:
	cargo test --locked
	# The service worker's URL check against the allow-list's shared cases.
	node --test e2e/url-allow-list.test.mjs
	# The push sender against a mock push service that checks VAPID and decrypts;
	# release, so the 10,000-subscriber fan-outs print real figures; its Postgres
	# store against a real, throwaway PostgreSQL server.
	scripts/with-postgres.sh cargo test --locked --release -p article-widget-push -- --nocapture

# Compiled first, then run with a bound; a browser that never runs the suite is
# tried again, three tries in all (scripts/retry-if-hung.sh).
browser-test:
	cargo test --locked $(WASM) --features hydrate --test browser --no-run
	scripts/retry-if-hung.sh 480 cargo test --locked $(WASM) --features hydrate --test browser
	GECKODRIVER=$(HOME)/.cargo/bin/geckodriver CHROMEDRIVER= \
	  scripts/retry-if-hung.sh 480 cargo test --locked $(WASM) --features hydrate --test browser

## The release bundle a publisher would copy: dist/.
build: setup
	node scripts/build.mjs all dist

## The built dist/ in headless Chromium: pages load cleanly under their CSP, widgets render.
smoke:
	E2E_DIST=dist node --test e2e/smoke.mjs

## The server renderer's HTML, every sample as a reader and as a subscriber, through the
## W3C Nu checker (npm's vnu-jar on Debian's headless JRE): 0 errors.
html-check:
	node scripts/check-html.mjs

## Keyboard-only flows, CLS, privacy, reduced motion, 360/1280 px (screenshots in target/);
## the host contract against a real, slow server; the push service worker; feeds in other formats;
## the split wasm's parts (loaded on use, the tracked reader only for a refused document).
## One runner (node:test), one suite at a time; E2E_ONLY='a name pattern' picks tests by name.
## (Not --test-force-exit: it ends a file after its first awaited test.) Bounded in time.
E2E_SUITES := e2e/quality.mjs e2e/host.mjs e2e/node-render.mjs e2e/push.mjs e2e/push-chain.mjs e2e/formats.mjs e2e/parts.mjs
e2e:
	E2E_DIST=dist E2E_SCREENSHOTS=target/e2e-screenshots timeout 1800 node --test --test-concurrency=1 \
	  $(if $(E2E_ONLY),--test-name-pattern='$(E2E_ONLY)') $(E2E_SUITES)

## The npm package (target/npm/, packed; `npm publish --dry-run`) and the versioned CDN folder
## (target/cdn/article-widget@VERSION/); a TypeScript host checked against its declarations;
## the tarball installed into Vite, webpack and esbuild apps whose builds must render; the
## library crates as `cargo publish --dry-run` packs and builds them.
package:
	node scripts/build.mjs package dist
	node_modules/.bin/tsc -p e2e/types
	timeout 900 node --test --test-concurrency=1 e2e/bundlers.mjs
	cargo publish --dry-run --allow-dirty --locked -p article-format -p article-feeds

## The quality suite (as in e2e), refreshing the screenshots the README shows.
## The example Leptos app (examples/leptos-app/), built with trunk and checked in Chromium.
leptos-app:
	cd examples/leptos-app && trunk build --release
	node --test e2e/leptos-app.mjs

screenshots: build
	E2E_DIST=dist E2E_SCREENSHOTS=docs/screenshots node --test e2e/quality.mjs

size:
	node scripts/size-report.mjs dist

## The files generated from the element's contract (src/element-contract.json).
contract:
	node scripts/contract.mjs

## What the widget costs a host page, against a vanilla-JS baseline: prints a table,
## writes bench/results.json. About five minutes.
bench: setup setup-browser build
	node bench/bench.mjs dist

## The same, small and fast, so `make test` keeps the benchmark working.
bench-quick:
	node bench/bench.mjs --quick dist

## The push sender against its cryptographic floor, and a campaign of BENCH_PUSH_CAMPAIGN
## subscribers (default 200,000) by BENCH_PUSH_WORKERS worker processes (default 2) on a
## throwaway Postgres. Prints figures (README, "Scale"). About two minutes.
BENCH_PUSH_CAMPAIGN ?= 200000
BENCH_PUSH_WORKERS ?= 2
bench-push:
	cargo build --locked --release -p article-widget-push --bins --examples
	scripts/with-postgres.sh target/release/examples/bench-push \
	  --campaign $(BENCH_PUSH_CAMPAIGN) --workers $(BENCH_PUSH_WORKERS)

## Fuzz JSON -> model -> inline markup (cargo-fuzz, nightly), FUZZ_SECONDS long (default 600).
## New inputs go to fuzz/corpus/ (not committed); the seeds are fuzz/seeds/.
FUZZ_SECONDS ?= 600
fuzz:
	scripts/setup.sh fuzz
	mkdir -p fuzz/corpus/parse_article
	cargo +nightly fuzz run parse_article fuzz/corpus/parse_article fuzz/seeds -- -max_total_time=$(FUZZ_SECONDS)

clean:
	cargo clean
	rm -rf dist node_modules
