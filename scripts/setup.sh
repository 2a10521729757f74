#!/usr/bin/env bash
# Installs what `make serve` and `make test` need, skipping whatever is already
# installed at the right version. Nothing is downloaded from GitHub: everything
# comes from crates.io, npm and Debian's packages.
#
#   scripts/setup.sh tools     wasm32 target, trunk, wasm-bindgen-cli, wasm-split-cli, wasm-opt, playwright-core, OpenSSL headers
#   scripts/setup.sh browser   Debian's chromium and chromium-driver, firefox-esr and geckodriver
#   scripts/setup.sh fuzz      cargo-fuzz (needs the nightly toolchain)
set -euo pipefail

TRUNK_VERSION=0.21.14
WASM_SPLIT_VERSION=0.2.4
GECKODRIVER_VERSION=0.37.1
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf '==> %s\n' "$*"; }

# Debian's packages, as root or through sudo.
apt_install() {
  local sudo=""
  [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@"
}

ensure_wasm_target() {
  if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "wasm32-unknown-unknown target: installed"
  else
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
}

ensure_trunk() {
  if [ "$(trunk --version 2>/dev/null)" = "trunk $TRUNK_VERSION" ]; then
    say "trunk $TRUNK_VERSION: installed"
  else
    # trunk 0.22 needs a newer rustc than this machine's; this takes about 10 minutes.
    say "installing trunk $TRUNK_VERSION (about 10 minutes)"
    cargo install --locked trunk --version "$TRUNK_VERSION"
  fi
}

# The wasm-bindgen CLI must be exactly the version of the wasm-bindgen crate in
# Cargo.lock, or trunk and the test runner refuse the output (and trunk would
# try to download one).
ensure_wasm_bindgen() {
  local wanted
  wanted=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
  if [ -z "$wanted" ]; then
    echo "setup: no wasm-bindgen entry in Cargo.lock" >&2
    exit 1
  fi
  if [ "$(wasm-bindgen --version 2>/dev/null)" = "wasm-bindgen $wanted" ] \
    && command -v wasm-bindgen-test-runner >/dev/null; then
    say "wasm-bindgen-cli $wanted: installed"
  else
    # Not --locked: its lock file names a crate newer than the registry here.
    say "installing wasm-bindgen-cli $wanted (about 3 minutes)"
    cargo install wasm-bindgen-cli --version "$wanted"
  fi
}

# wasm-split (the wasm_split_cli_support crate, as cargo-leptos runs it):
# splits the widget's wasm at its `load_part!` functions (scripts/build.mjs).
ensure_wasm_split() {
  # It has no --version; cargo's list of installed crates says which.
  if cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:" \
    && command -v wasm-split-cli >/dev/null; then
    say "wasm-split-cli $WASM_SPLIT_VERSION: installed"
  else
    say "installing wasm-split-cli $WASM_SPLIT_VERSION (about 1 minute)"
    cargo install --locked wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary
  fi
}

# From npm, pinned in package-lock.json: wasm-opt (binaryen 132; Debian's
# binaryen 108 emits wasm that validates but fails at run time), playwright-core
# (drives Debian's Chromium; it never downloads a browser), axe-core, terser,
# typescript (checks npm/article-widget.d.ts), http_ece (e2e/push-chain.mjs),
# Vite, webpack and esbuild (e2e/bundlers.mjs) and vnu-jar (the W3C checker).
ensure_node_tools() {
  # `npm ls` fails when anything in package.json is missing or at another version.
  if npm ls --depth=0 >/dev/null 2>&1 \
    && node_modules/.bin/wasm-opt --version 2>/dev/null | grep -q '^wasm-opt version 132 '; then
    say "npm tools (wasm-opt 132, terser, playwright-core, axe-core, typescript, bundlers, vnu-jar): installed"
  else
    say "installing npm tools: wasm-opt (binaryen 132), terser, playwright-core, axe-core, typescript"
    npm ci --no-audit --no-fund
  fi
}

# The push sender (push/) reaches push services over TLS with the system's
# OpenSSL (reqwest's native-tls), and its tests decrypt with Mozilla's ece
# crate on OpenSSL too: the headers and pkg-config, from Debian's packages.
ensure_openssl_dev() {
  if pkg-config --exists openssl 2>/dev/null; then
    say "OpenSSL headers (libssl-dev, pkg-config): installed"
  else
    say "installing Debian's libssl-dev and pkg-config"
    apt_install libssl-dev pkg-config
  fi
}

# The push sender's Postgres store is tested against a real server that
# scripts/with-postgres.sh starts: Debian's PostgreSQL.
ensure_postgres() {
  if compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null; then
    say "PostgreSQL: installed"
  else
    say "installing Debian's postgresql"
    apt_install postgresql
  fi
}

# The W3C Nu HTML checker (npm's vnu-jar) runs on a Java runtime: Debian's
# headless JRE (vnu-jar's own downloader is an install script npm skips).
ensure_java() {
  if command -v java >/dev/null; then
    say "Java runtime (for the W3C Nu checker): installed"
  else
    say "installing Debian's default-jre-headless"
    apt_install default-jre-headless
  fi
}

ensure_browser() {
  local missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  command -v chromedriver >/dev/null || missing+=(chromium-driver)
  command -v firefox-esr >/dev/null || missing+=(firefox-esr)
  if [ ${#missing[@]} -eq 0 ]; then
    say "chromium, chromedriver and firefox-esr: installed"
  else
    say "installing Debian's ${missing[*]}"
    apt_install "${missing[@]}"
  fi
  local installed
  installed=$(geckodriver --version 2>/dev/null | awk 'NR == 1 { print $2 }' || true)
  if [ "$installed" = "$GECKODRIVER_VERSION" ]; then
    say "geckodriver $GECKODRIVER_VERSION: installed"
  else
    say "installing geckodriver $GECKODRIVER_VERSION (about 3 minutes)"
    cargo install --locked geckodriver --version "$GECKODRIVER_VERSION"
  fi
}

ensure_fuzz() {
  if ! rustup toolchain list | grep -q '^nightly'; then
    echo "setup: cargo fuzz needs the nightly toolchain (rustup toolchain install nightly)" >&2
    exit 1
  fi
  if command -v cargo-fuzz >/dev/null; then
    say "cargo-fuzz: installed"
  else
    say "installing cargo-fuzz (about 2 minutes)"
    cargo install --locked cargo-fuzz
  fi
}

case "${1:-}" in
  tools)
    ensure_wasm_target
    ensure_wasm_bindgen
    ensure_wasm_split
    ensure_node_tools
    ensure_trunk
    ensure_openssl_dev
    ensure_postgres
    ensure_java
    # trunk runs cargo offline (Trunk.toml): fetch the crates first.
    cargo fetch --locked
    ;;
  browser)
    ensure_browser
    ;;
  fuzz)
    ensure_fuzz
    ;;
  *)
    echo "usage: scripts/setup.sh tools|browser|fuzz" >&2
    exit 2
    ;;
esac
