#!/usr/bin/env bash
# A private PostgreSQL cluster for tests: initdb in a folder of its own, the server listening on 127.0.0.1 at a free
# port with its unix socket in the same folder, run by an unprivileged user. Nothing of the machine's own PostgreSQL
# (its clusters, /etc/postgresql, port 5432) is used or changed. Installs nothing: postgresql comes from
# scripts/install-deps.sh.
#
#   pg-test-env.sh start DIR          create DIR (if new), initdb, start the server, create database "venue";
#                                     prints KEY=VALUE lines: PG_TEST_CONNINFO=…, PG_TEST_PORT=…, PG_TEST_DIR=…,
#                                     PG_TEST_SOCKET_DIR=…, PG_TEST_PASSWORD=…
#                                     Started again on the same DIR it reuses the cluster, its port and data.
#   pg-test-env.sh createdb DIR NAME  create another database in the running cluster; prints PG_TEST_CONNINFO=…
#   pg-test-env.sh halt DIR           stop the server (fast shutdown), keeping the cluster: a venue server that is down
#   pg-test-env.sh stop DIR           stop the server and remove DIR
#
# The server runs as the user that calls the script; as root it runs as the system user checkin-pg (created when
# missing), because PostgreSQL refuses to run as root. The connection over 127.0.0.1 needs the password the script
# made (scram-sha-256), the unix socket in DIR trusts everyone who can reach it (only DIR's owner and root can).
# fsync is off: a test cluster trades durability for speed. PG_TEST_DURABLE=1 keeps PostgreSQL's own defaults
# instead (fsync, synchronous_commit and full_page_writes on, shared_buffers 128MB), for benchmarks whose figures
# must hold on a real server (bench/bench_venue_sim). PG_TEST_MAX_CONNECTIONS (default 30) for more clients;
# PG_TEST_SETTINGS adds server settings ("-c track_commit_timestamp=on -c log_min_duration_statement=1000").
# A cluster whose test was killed before `stop` is stopped and removed by the next `start` in the same parent folder
# (each DIR records the process that started it; a DIR whose process is gone is stale).
# Exit status: 0 ok, 1 failure (with a message on standard error), 77 PostgreSQL is not installed (tests skip).
set -euo pipefail

PG_USER_SYSTEM=checkin-pg
DB_USER=checkin
MARKER=.ietf-checkin-pg-env

die() { echo "pg-test-env: $*" >&2; exit 1; }
usage() { echo "usage: pg-test-env.sh start|halt|stop DIR | createdb DIR NAME" >&2; exit 1; }

[ $# -ge 2 ] || usage
cmd=$1
dir=$2

find_bindir() {
  if [ -n "${PG_BINDIR:-}" ]; then echo "$PG_BINDIR"; return 0; fi
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  [ -n "$d" ] && [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && { echo "$d"; return 0; }
  return 1
}

# Runs a command as the cluster's owner.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u "$PG_USER_SYSTEM" -- "$@"
  else
    "$@"
  fi
}

ensure_owner_user() {
  [ "$(id -u)" -eq 0 ] || return 0
  getent passwd "$PG_USER_SYSTEM" >/dev/null && return 0
  useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$PG_USER_SYSTEM" \
    || die "could not create the system user $PG_USER_SYSTEM that runs the test cluster"
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# True while process $1 exists and is not a zombie.
alive() { [ -r "/proc/$1/stat" ] && ! grep -q '^[0-9]* ([^)]*) Z' "/proc/$1/stat" 2>/dev/null; }

postmaster_pid() { head -n 1 "$1/data/postmaster.pid" 2>/dev/null || true; }

# A live postgres serving $1's cluster (not a zombie, not another program that got the pid later).
server_running() {
  local pid
  pid=$(postmaster_pid "$1")
  [ -n "$pid" ] && alive "$pid" && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q -- "$1/data"
}

# After a server was killed (SIGKILL, a crash) its postmaster.pid stays. postgres starts over it once that pid is
# gone; a pid still taken (a zombie not yet reaped, or reused by another program) would block it, so the file goes.
clear_dead_server() {
  local pid
  pid=$(postmaster_pid "$1")
  [ -n "$pid" ] || return 0
  for _ in $(seq 1 100); do [ -e "/proc/$pid" ] || return 0; sleep 0.05; done
  rm -f "$1/data/postmaster.pid"
}

stop_server() {
  local d=$1 pid
  [ -d "$d/data" ] || return 0
  if server_running "$d"; then
    pid=$(postmaster_pid "$d")
    as_owner "$bindir/pg_ctl" -D "$d/data" -m fast -w -t 30 stop >/dev/null 2>&1 \
      || as_owner "$bindir/pg_ctl" -D "$d/data" -m immediate -w -t 10 stop >/dev/null 2>&1 || true
    # pg_ctl returns once postmaster.pid is gone, a moment before the process itself: wait for it, so a caller that
    # starts again or removes the folder finds the server really stopped.
    if [ -n "$pid" ]; then
      for _ in $(seq 1 100); do alive "$pid" || break; sleep 0.05; done
    fi
  fi
}

# Clusters left behind by tests that were killed: their owner process is gone.
remove_stale() {
  local parent d owner
  parent=$(dirname "$dir")
  for d in "$parent"/*/; do
    d=${d%/}
    [ "$d" = "$dir" ] && continue
    [ -f "$d/$MARKER" ] || continue
    owner=$(cat "$d/$MARKER" 2>/dev/null || true)
    [ -n "$owner" ] && [ -d "/proc/$owner" ] && continue
    stop_server "$d"
    rm -rf "$d"
  done
}

conninfo() {
  echo "host=127.0.0.1 port=$(cat "$dir/port") user=$DB_USER password=$(cat "$dir/password") dbname=$1 connect_timeout=5"
}

psql_local() {
  "$bindir/psql" -X -q -v ON_ERROR_STOP=1 -h "$dir/sock" -p "$(cat "$dir/port")" -U "$DB_USER" "$@"
}

start() {
  ensure_owner_user
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  remove_stale
  # Whoever started us owns the cluster (the test program, or the shell): once it is gone the cluster is stale.
  echo "${PG_TEST_OWNER_PID:-$PPID}" >"$dir/$MARKER"
  if [ "$(id -u)" -eq 0 ]; then
    chown "$PG_USER_SYSTEM" "$dir"
    chmod 0700 "$dir"
    as_owner test -x "$dir" || die "$PG_USER_SYSTEM cannot reach $dir: use a folder below /tmp (TMPDIR)"
  fi

  if [ ! -f "$dir/data/PG_VERSION" ]; then
    rm -rf "$dir/data" "$dir/sock"
    as_owner mkdir -p "$dir/sock" "$dir/log"
    head -c 18 /dev/urandom | base64 | tr -d '/+=' >"$dir/password"
    chmod 0644 "$dir/password"
    as_owner sh -c "cat '$dir/password' >'$dir/pwfile'"
    as_owner "$bindir/initdb" -D "$dir/data" -U "$DB_USER" --pwfile="$dir/pwfile" -E UTF8 --locale=C.UTF-8 \
      --auth-local=trust --auth-host=scram-sha-256 --no-sync >"$dir/log/initdb.out" 2>&1 \
      || { tail -n 20 "$dir/log/initdb.out" >&2; die "initdb failed in $dir/data"; }
    rm -f "$dir/pwfile"
  elif server_running "$dir"; then
    die "a server is already running for $dir; halt it first"
  else
    clear_dead_server "$dir"
  fi

  local fresh=1 port tries=0 settings
  if [ "${PG_TEST_DURABLE:-0}" = 1 ]; then
    settings="-c fsync=on -c synchronous_commit=on -c full_page_writes=on -c shared_buffers=128MB"
  else
    settings="-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=16MB"
  fi
  settings="$settings ${PG_TEST_SETTINGS:-}"
  local max_connections=${PG_TEST_MAX_CONNECTIONS:-30}
  [[ "$max_connections" =~ ^[0-9]+$ ]] || die "PG_TEST_MAX_CONNECTIONS must be a number"
  [ -f "$dir/port" ] && fresh=0
  while :; do
    if [ $fresh -eq 1 ]; then
      port=$((20000 + RANDOM % 40000))
      port_in_use "$port" && continue
      echo "$port" >"$dir/port"
    else
      port=$(cat "$dir/port")
      port_in_use "$port" && die "port $port of $dir is taken by another program"
    fi
    if as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/log/postgres.log" -w -t 30 \
         -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories='$dir/sock' \
             $settings -c max_connections=$max_connections -c log_min_messages=warning" start >>"$dir/log/pg_ctl.out" 2>&1; then
      break
    fi
    tries=$((tries + 1))
    if [ $fresh -eq 0 ] || [ $tries -ge 5 ]; then
      echo "--- $dir/log/postgres.log" >&2; tail -n 20 "$dir/log/postgres.log" >&2 || true
      die "postgres did not start on 127.0.0.1:$port (see the log above)"
    fi
  done

  if ! psql_local -d postgres -tA -c "SELECT 1 FROM pg_database WHERE datname = 'venue'" | grep -q 1; then
    psql_local -d postgres -c "CREATE DATABASE venue" || die "could not create database venue"
  fi
  echo "PG_TEST_CONNINFO=$(conninfo venue)"
  echo "PG_TEST_PORT=$port"
  echo "PG_TEST_DIR=$dir"
  echo "PG_TEST_SOCKET_DIR=$dir/sock"
  echo "PG_TEST_PASSWORD=$(cat "$dir/password")"
}

create_database() {
  local name=$1
  [[ "$name" =~ ^[a-z][a-z0-9_]{0,62}$ ]] || die "database names here are lower-case letters, digits and _"
  [ -d "$dir" ] || die "$dir does not exist: start the cluster first"
  dir=$(cd "$dir" && pwd)
  psql_local -d postgres -c "CREATE DATABASE $name" >/dev/null || die "could not create database $name"
  echo "PG_TEST_CONNINFO=$(conninfo "$name")"
}

if ! bindir=$(find_bindir); then
  echo "pg-test-env: PostgreSQL server binaries not found in /usr/lib/postgresql/*/bin: apt-get install postgresql" >&2
  exit 77
fi

case "$cmd" in
  start) [ $# -eq 2 ] || usage; start ;;
  createdb) [ $# -eq 3 ] || usage; create_database "$3" ;;
  halt)
    [ -d "$dir" ] || exit 0
    dir=$(cd "$dir" && pwd)
    stop_server "$dir" ;;
  stop)
    [ -d "$dir" ] || exit 0
    dir=$(cd "$dir" && pwd)
    stop_server "$dir"
    rm -rf "$dir" ;;
  *) usage ;;
esac
