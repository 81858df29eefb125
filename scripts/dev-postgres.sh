#!/usr/bin/env bash
# A throwaway PostgreSQL for development and the store's tests, from Debian's `postgresql` package
# (docs/team.md). Nothing system-wide is touched: the cluster lives in DIR (default target/dev-postgres),
# listens on 127.0.0.1 at a free port and on a socket in DIR, and its superuser "frameloop" has a random
# password kept only in DIR/pgpass (mode 600), the file PGPASSFILE points at.
#
#   scripts/dev-postgres.sh start [DIR]   create the cluster if needed, start it, print its environment
#   scripts/dev-postgres.sh env [DIR]     print PGHOST, PGPORT, PGUSER, PGDATABASE, PGPASSFILE of a running one
#   scripts/dev-postgres.sh stop [DIR]    stop it (the data stays until DIR is deleted)
#
# `eval "$(scripts/dev-postgres.sh start)"` sets up a shell. PostgreSQL refuses to run as root, so as root
# the server runs as the `postgres` user that the Debian package creates (or a `frameloop-pg` system user
# made here when it is missing); if that user cannot reach DIR, the server's own files go under /tmp and
# DIR keeps the port, the password file and the logs. Exit status 3: no server binaries (install the
# `postgresql` package).
set -euo pipefail

command=${1:-}
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
dir=${2:-$repo/target/dev-postgres}
superuser=frameloop
database=frameloop

fail() {
  echo "dev-postgres: $*" >&2
  exit "${status:-1}"
}

server_bin() {
  if [[ -n "${PG_BIN:-}" ]]; then
    [[ -x "$PG_BIN/initdb" ]] || fail "PG_BIN=$PG_BIN has no initdb"
    echo "$PG_BIN"
    return
  fi
  local newest
  newest=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [[ -z "$newest" || ! -x "$newest/initdb" ]]; then
    status=3 fail "no PostgreSQL server binaries in /usr/lib/postgresql/*/bin (set PG_BIN, or: apt-get install postgresql)"
  fi
  echo "$newest"
}

# As root, every server command runs as an unprivileged user that owns the cluster folder.
server_user=
as_server() {
  if [[ -n "$server_user" ]]; then
    runuser -u "$server_user" -- "$@"
  else
    "$@"
  fi
}

choose_server_user() {
  [[ "$(id -u)" -eq 0 ]] || return 0
  if getent passwd postgres >/dev/null; then
    server_user=postgres
  else
    getent passwd frameloop-pg >/dev/null || useradd --system --no-create-home --shell /usr/sbin/nologin frameloop-pg
    server_user=frameloop-pg
  fi
}

port_is_free() {
  ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

print_env() {
  [[ -f "$dir/port" ]] || fail "no cluster started in $dir (run: $0 start $dir)"
  echo "export PGHOST=127.0.0.1"
  echo "export PGPORT=$(cat "$dir/port")"
  echo "export PGUSER=$superuser"
  echo "export PGDATABASE=$database"
  echo "export PGPASSFILE=$dir/pgpass"
}

# Where the server's own files go (data, socket, log): DIR itself, or, when the server user cannot reach DIR
# (a parent folder closed to others, as /root is), a folder of its own under /tmp named after DIR.
server_home() {
  if [[ -n "$server_user" ]] && ! runuser -u "$server_user" -- test -x "$dir"; then
    echo "${TMPDIR:-/tmp}/frameloop-postgres-$(printf '%s' "$dir" | md5sum | cut -c1-12)"
  else
    echo "$dir"
  fi
}

start() {
  local bin home
  bin=$(server_bin)
  choose_server_user
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  home=$(server_home)
  if [[ "$home" != "$dir" ]]; then
    echo "dev-postgres: $server_user cannot reach $dir; the server's files go to $home" >&2
    mkdir -p "$home"
  fi
  [[ -n "$server_user" ]] && chown "$server_user" "$home"
  if [[ -f "$home/data/PG_VERSION" && ! -f "$dir/pgpass" ]]; then
    # a cluster left under /tmp by a build folder since deleted: its password is gone with it
    as_server "$bin/pg_ctl" stop --pgdata="$home/data" --mode=immediate --wait >/dev/null 2>&1 || true
    rm -rf "$home/data"
  fi
  if [[ ! -f "$home/data/PG_VERSION" ]]; then
    local password
    password=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
    # the initial password travels through a file only the server user can read, deleted right after
    umask 077
    printf '%s\n' "$password" >"$home/initial-password"
    [[ -n "$server_user" ]] && chown "$server_user" "$home/initial-password"
    as_server "$bin/initdb" --pgdata="$home/data" --username="$superuser" --pwfile="$home/initial-password" \
      --auth-local=scram-sha-256 --auth-host=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
      || { rm -f "$home/initial-password"; fail "initdb failed, see $dir/initdb.log"; }
    rm -f "$home/initial-password"
    printf '127.0.0.1:*:*:%s:%s\n' "$superuser" "$password" >"$dir/pgpass"
    chmod 600 "$dir/pgpass"
    rm -f "$dir/port"
  fi
  if as_server "$bin/pg_ctl" status --pgdata="$home/data" >/dev/null 2>&1; then
    if [[ -f "$dir/port" ]]; then
      print_env
      return
    fi
    as_server "$bin/pg_ctl" stop --pgdata="$home/data" --mode=fast --wait >/dev/null 2>&1 || true
  fi
  local port tries=0
  while :; do
    port=$((20000 + RANDOM % 40000))
    port_is_free "$port" || continue
    if as_server "$bin/pg_ctl" start --pgdata="$home/data" --wait --timeout=60 --log="$home/server.log" \
      -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories='$home' -c fsync=off -c max_connections=40" \
      >/dev/null; then
      break
    fi
    tries=$((tries + 1))
    ((tries < 5)) || fail "the server did not start, see $home/server.log"
  done
  echo "$port" >"$dir/port"
  if ! PGPASSFILE="$dir/pgpass" "$bin/psql" -h 127.0.0.1 -p "$port" -U "$superuser" -d postgres -Atqc \
    "select 1 from pg_database where datname = '$database'" | grep -q 1; then
    PGPASSFILE="$dir/pgpass" "$bin/createdb" -h 127.0.0.1 -p "$port" -U "$superuser" "$database"
  fi
  print_env
}

stop() {
  [[ -d "$dir" ]] || return 0
  dir=$(cd "$dir" && pwd)
  local bin home
  bin=$(server_bin)
  choose_server_user
  home=$(server_home)
  [[ -d "$home/data" ]] || return 0
  as_server "$bin/pg_ctl" stop --pgdata="$home/data" --mode=fast --wait >/dev/null 2>&1 || true
  rm -f "$dir/port"
}

case "$command" in
start) start ;;
env) print_env ;;
stop) stop ;;
*) fail "usage: $0 start|env|stop [DIR]" ;;
esac
