#!/bin/sh
# Time the ingest alone of a checkout against another, side by side: each checkout ingests the 902-resolution corpus
# into a fresh copy of a database it migrated once, so that migrations are not timed.
#
#   bench/ingest_tree.sh prepare CHECKOUT NAME    migrate the template database NAME (once per checkout)
#   bench/ingest_tree.sh run CHECKOUT NAME        copy the template and ingest the corpus into the copy
#
# SQLite by default (files under $BENCH_DIR, /tmp/ssrhub-bench-tree by default); PostgreSQL when PG_URL names a
# server (postgres://user@host:port), the template being the database NAME_template. Each checkout runs with this
# project's virtualenv. To compare, alternate the two `run` commands several times and take the medians, e.g. with
# hyperfine or /usr/bin/time; docs/document-intelligence.md ("Speed") gives the figures measured this way.
set -eu
action=$1 checkout=$(cd "$2" && pwd) name=$3
root=$(cd "$(dirname "$0")/.." && pwd)
dir=${BENCH_DIR:-/tmp/ssrhub-bench-tree}
corpus=${CORPUS:-$root/../shared/data/unsc-resolutions-1946-1994}
mkdir -p "$dir"
if [ -n "${PG_URL:-}" ]; then
  template=$PG_URL/${name}_template url=$PG_URL/$name
else
  template=sqlite:///$dir/$name.template.sqlite3 url=sqlite:///$dir/$name.sqlite3
fi
ssrhub() {
  (cd "$checkout" && DATABASE_URL=$1 SSRHUB_MEDIA_ROOT=$dir/$name.media DJANGO_SETTINGS_MODULE=ssrhub.settings \
    PYTHONPATH=$checkout "$root/.venv/bin/python" -m ssrhub.cli "$2" "$3" --verbosity 0)
}
database() {  # database create|drop NAME [TEMPLATE]
  "$root/.venv/bin/python" - "$PG_URL" "$@" <<'PY'
import sys, psycopg
url, action, name, *template = sys.argv[1:]
with psycopg.connect(f'{url}/postgres', autocommit=True) as connection:
    if action == 'drop':
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
    else:
        connection.execute(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template[0]}"' if template else ''))
PY
}
case $action in
  prepare)
    if [ -n "${PG_URL:-}" ]; then database drop "${name}_template"; database create "${name}_template"; else rm -f "$dir/$name.template.sqlite3"; fi
    ssrhub "$template" migrate --noinput ;;
  run)
    rm -rf "$dir/$name.media"
    if [ -n "${PG_URL:-}" ]; then database drop "$name"; database create "$name" "${name}_template"; else cp "$dir/$name.template.sqlite3" "$dir/$name.sqlite3"; fi
    ssrhub "$url" ingest "$corpus" ;;
  *) echo "usage: $0 prepare|run CHECKOUT NAME" >&2; exit 2 ;;
esac
