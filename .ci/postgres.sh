# Sourced by .ci/run and .ci/stack: a throw-away PostgreSQL cluster on 127.0.0.1:$pg_port, stopped on exit.
# Sets pg_bin, pg_dir, pg_port and defines pg_ctl_as_postgres (used by the fault tests to restart it).
pg_bin=$(dirname "$(compgen -G '/usr/lib/postgresql/*/bin/initdb' | sort -V | tail -n 1)")
pg_port=${pg_port:-54329}

pg_ctl_as_postgres() { runuser -u postgres -- "$pg_bin/pg_ctl" --pgdata="$pg_dir/data" "$@"; }

start_postgres() {
  pg_dir=$(mktemp -d /tmp/ssrhub-pg.XXXXXX)
  chown postgres:postgres "$pg_dir"
  runuser -u postgres -- "$pg_bin/initdb" --pgdata="$pg_dir/data" --auth=trust --username=postgres --encoding=UTF8 \
    >/dev/null
  pg_ctl_as_postgres --wait --log="$pg_dir/log" -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1" start
  trap 'pg_ctl_as_postgres --mode=fast stop >/dev/null 2>&1 || true' EXIT
}
