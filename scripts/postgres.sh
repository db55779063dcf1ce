# shellcheck shell=bash
# A throwaway PostgreSQL cluster on a free loopback port, for test.sh and bench/run.sh.
# Source it from a bash script that runs under `set -euo pipefail`:
#
#   source scripts/postgres.sh
#   pg_ensure_server                      # finds the server, or installs it with apt
#   pg_start_cluster ensakitaget-test     # initdb + start in /tmp/ensakitaget-test.XXXXXX
#   pg_on_exit "echo bye"                 # optional: more clean-up, run before the cluster stops
#   ... "$PG_CONNECTION_STRING" ...       # Host=127.0.0.1;Port=…;Username=postgres;Database=postgres
#
# The cluster is stopped and its folder ($PG_WORK) removed when the script exits, also on
# Ctrl-C or a TERM signal. The sourcing script must not set its own EXIT trap: it registers
# its clean-up with pg_on_exit instead, and hooks run last-registered first.

if [ -n "${ENSAKITAGET_POSTGRES_SH:-}" ]; then
  return 0
fi
ENSAKITAGET_POSTGRES_SH=1

PG_BIN=""
PG_WORK=""
PG_PORT=""
PG_CONNECTION_STRING=""
_PG_EXIT_HOOKS=()

pg_as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# initdb refuses to run as root: the cluster belongs to the postgres user when we are root.
pg_run() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

# `|| true`: with no server installed the glob matches nothing, and under pipefail the failing
# ls would end the sourcing script before it could install one.
pg_find_bin() { { ls -d /usr/lib/postgresql/*/bin 2>/dev/null || true; } | sort -V | tail -n 1; }

# Sets PG_BIN to the newest installed server's bin folder, installing the server with apt
# (as root or through sudo) when there is none.
pg_ensure_server() {
  PG_BIN=$(pg_find_bin)
  if [ -z "$PG_BIN" ] || [ ! -x "$PG_BIN/initdb" ]; then
    echo "PostgreSQL server not found: installing it with apt"
    pg_as_root apt-get update -qq
    pg_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    PG_BIN=$(pg_find_bin)
  fi
  if [ -z "$PG_BIN" ] || [ ! -x "$PG_BIN/initdb" ]; then
    echo "PostgreSQL server still not found under /usr/lib/postgresql after installing it" >&2
    return 1
  fi
  if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
    useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
  fi
}

# A TCP port on 127.0.0.1 that nothing listens on right now.
pg_free_port() {
  local port
  for port in $(shuf -i 20000-60000 -n 100); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  echo "no free port found on 127.0.0.1" >&2
  return 1
}

# Registers a command (one string, run with eval) to run on exit, before the cluster stops.
pg_on_exit() { _PG_EXIT_HOOKS+=("$1"); }

_pg_exit() {
  local i
  for ((i = ${#_PG_EXIT_HOOKS[@]} - 1; i >= 0; i--)); do
    eval "${_PG_EXIT_HOOKS[$i]}" || true
  done
  _PG_EXIT_HOOKS=()
  pg_stop_cluster
}

# The server's options: no fsync (tests and benchmarks), unless PG_DURABLE=1 asks for a cluster
# that keeps what it acknowledged across a crash (fsync, synchronous commit, full-page writes on).
_pg_options() {
  local durability="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  if [ "${PG_DURABLE:-0}" = 1 ]; then
    durability="-c fsync=on -c synchronous_commit=on -c full_page_writes=on"
  fi
  echo "-p $PG_PORT -c listen_addresses=127.0.0.1 -k $PG_WORK $durability -c max_connections=200"
}

# Starts a cluster in a new folder /tmp/<name>.XXXXXX ($PG_WORK): trust authentication, no
# fsync (see _pg_options), listening only on 127.0.0.1:$PG_PORT. Exports PG_CONNECTION_STRING (database postgres).
pg_start_cluster() {
  local name="${1:-ensakitaget-pg}"
  if [ -z "$PG_BIN" ]; then
    pg_ensure_server
  fi
  trap _pg_exit EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  PG_WORK=$(mktemp -d "/tmp/$name.XXXXXX")
  chmod 755 "$PG_WORK"
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres "$PG_WORK"
  fi
  PG_PORT=$(pg_free_port)

  pg_run "$PG_BIN/initdb" -D "$PG_WORK/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
  pg_run "$PG_BIN/pg_ctl" -D "$PG_WORK/data" -l "$PG_WORK/postgres.log" -w -o "$(_pg_options)" start >/dev/null
  echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') listening on 127.0.0.1:$PG_PORT"

  PG_CONNECTION_STRING=$(pg_connection_string postgres)
  export PG_CONNECTION_STRING
}

# The connection string for a database of the running cluster.
pg_connection_string() { echo "Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=$1"; }

# psql against the running cluster, as its superuser: pg_psql -d db -c "SQL".
pg_psql() { "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres "$@"; }

# Stops the running cluster (<mode>: fast, or immediate as a crash does) and starts it again on
# the same port, after <pause> seconds down.
pg_restart_cluster() {
  local mode="${1:-fast}" pause="${2:-0}"
  pg_run "$PG_BIN/pg_ctl" -D "$PG_WORK/data" -m "$mode" -w stop >/dev/null
  sleep "$pause"
  pg_run "$PG_BIN/pg_ctl" -D "$PG_WORK/data" -l "$PG_WORK/postgres.log" -w -o "$(_pg_options)" start >/dev/null
}

# Stops the cluster at once and removes its folder; safe to call twice.
pg_stop_cluster() {
  if [ -n "$PG_WORK" ]; then
    if [ -n "$PG_BIN" ]; then
      pg_run "$PG_BIN/pg_ctl" -D "$PG_WORK/data" -m immediate stop >/dev/null 2>&1 || true
    fi
    rm -rf "$PG_WORK"
    PG_WORK=""
  fi
}
