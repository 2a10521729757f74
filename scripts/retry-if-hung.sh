#!/usr/bin/env bash
# retry-if-hung.sh SECONDS COMMAND...: runs COMMAND, and again (six tries
# in all) while it never got going: still running after SECONDS (then stopped), or
# wasm-bindgen-test-runner saying the suite was never run ("Failed to detect
# test as having been run": the browser's page stayed on "Loading
# scripts..." until its renderer timed out). A test that fails is never
# retried. Seen with headless Chromium in about one run of two on these
# 2-core machines, a fresh CI clone included; the same page, loaded again,
# ran every test. Three tries once stalled three times running (1 in 8 at
# that rate); six make it about 1 in 64, a stalled try costing ~2.5 min.
set -uo pipefail
seconds=$1
shift
log=$(mktemp)
trap 'rm -f "$log"' EXIT
tries=6
for try in $(seq 1 $tries); do
  timeout --kill-after=10 "$seconds" "$@" 2>&1 | tee "$log"
  status=${PIPESTATUS[0]}
  if [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then
    echo "retry-if-hung: '$*' still ran after ${seconds}s (try $try of $tries)" >&2
  elif [ "$status" -ne 0 ] && grep -q "Failed to detect test as having been run" "$log"; then
    echo "retry-if-hung: the browser never ran the suite (try $try of $tries)" >&2
  else
    exit "$status"
  fi
done
exit 1
