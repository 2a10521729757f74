#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL server on 127.0.0.1 (trust
# authentication, a data directory under target/), for the push sender's
# Postgres store tests: ARTICLE_WIDGET_PUSH_POSTGRES names it. Stops and
# removes the server when the command ends.
# Usage: scripts/with-postgres.sh COMMAND [ARGS…]
set -euo pipefail

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [[ -z "$bin" || ! -x "$bin/initdb" ]]; then
  echo "with-postgres: PostgreSQL's server is not installed (scripts/setup.sh postgres installs it)" >&2
  exit 1
fi
data=$(mktemp -d "${TMPDIR:-/tmp}/aw-postgres.XXXXXX")
port=${ARTICLE_WIDGET_TEST_PG_PORT:-55432}
# initdb and postgres refuse to run as root: use the postgres account there.
as_owner=()
if [[ $(id -u) == 0 ]]; then
  chown postgres: "$data"
  as_owner=(runuser -u postgres --)
fi
stop() {
  "${as_owner[@]}" "$bin/pg_ctl" -D "$data/db" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$data"
}
trap stop EXIT
"${as_owner[@]}" "$bin/initdb" -D "$data/db" -U postgres -A trust --no-sync >/dev/null
"${as_owner[@]}" "$bin/pg_ctl" -D "$data/db" -l "$data/log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $data -c fsync=off" start >/dev/null \
  || { cat "$data/log" >&2; exit 1; }
export ARTICLE_WIDGET_PUSH_POSTGRES="postgresql://postgres@127.0.0.1:$port"
"$@"
