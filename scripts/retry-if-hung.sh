#!/usr/bin/env bash
# retry-if-hung.sh SECONDS COMMAND...: runs COMMAND; if it is still running
# after SECONDS it is stopped and run once more. A failure is never retried,
# only a hang: headless Chromium under wasm-bindgen-test-runner has been seen
# to stay on "Loading scripts..." for good on a busy 2-core machine (the same
# page, reloaded, ran every test), and the runner's own time-out does not
# cover the page load.
set -uo pipefail
seconds=$1
shift
for try in 1 2; do
  timeout --kill-after=10 "$seconds" "$@"
  status=$?
  if [ "$status" -ne 124 ] && [ "$status" -ne 137 ]; then
    exit "$status"
  fi
  echo "retry-if-hung: '$*' still ran after ${seconds}s (try $try of 2)" >&2
done
exit 124
