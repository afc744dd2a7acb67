#!/usr/bin/env bash
# Private PostgreSQL cluster for the RiskPlatform tests (never the system cluster).
#
#   scripts/postgres.sh start    create the cluster if needed, start it, ensure role + database (idempotent)
#   scripts/postgres.sh stop     stop the cluster if it is running (data is kept)
#   scripts/postgres.sh status   print whether it is running; exit 0 when it is
#   scripts/postgres.sh env      print the export line for RISKPLATFORM_TEST_POSTGRES
#   scripts/postgres.sh connection-string   print the Npgsql connection string only
#   scripts/postgres.sh destroy  stop the cluster and delete its directory
#
# Listens on 127.0.0.1:${RISKPLATFORM_PG_PORT:-55432} only. Role riskplatform (password riskplatform, CREATEDB),
# database riskplatform_test. TCP logins need a password (scram-sha-256); the superuser "postgres" is reachable
# only through the Unix socket in the cluster directory, which only the cluster owner can open.
#
# The cluster lives in /tmp/riskplatform-pg-<port> (override with RISKPLATFORM_PG_DIR), not under the repository:
# the server must run as the unprivileged "postgres" user when we are root (initdb refuses root), and that user
# cannot enter a clone under /root. One directory per port also means every clone on the machine shares one
# cluster instead of fighting over the port. Fsync is off: this is disposable test data.
set -euo pipefail

readonly PORT="${RISKPLATFORM_PG_PORT:-55432}"
readonly BASE="$(realpath -m "${RISKPLATFORM_PG_DIR:-/tmp/riskplatform-pg-$PORT}")"
readonly DATA="$BASE/data"
readonly LOG="$BASE/postgres.log"
readonly MARKER="$BASE/initialized"
readonly ROLE=riskplatform
readonly PASSWORD=riskplatform
readonly DATABASE=riskplatform_test

# Connection settings of the caller's environment must not leak into our psql calls.
for var in "${!PG@}"; do unset "$var"; done

log() { printf 'postgres: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

connection_string() {
  printf 'Host=127.0.0.1;Port=%s;Username=%s;Password=%s;Database=%s' "$PORT" "$ROLE" "$PASSWORD" "$DATABASE"
}

bindir() {
  local dir
  dir="$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -type d -name bin 2>/dev/null | sort -V | tail -n 1)"
  [[ -n "$dir" && -x "$dir/pg_ctl" && -x "$dir/initdb" ]] || die "no PostgreSQL server binaries under /usr/lib/postgresql/*/bin (apt-get install postgresql)"
  printf '%s' "$dir"
}

# The cluster belongs to "postgres" when we are root (initdb refuses to run as root), else to the caller.
owner() { if [[ $EUID -eq 0 ]]; then printf 'postgres'; else id -un; fi; }

# Run a command as the cluster owner, from a directory that user can enter.
as_owner() {
  if [[ $EUID -eq 0 ]]; then
    (cd / && runuser -u postgres -- "$@")
  else
    (cd / && "$@")
  fi
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; }

# PID of the postmaster recorded in postmaster.pid, when that process is alive and really is a postgres server.
live_postmaster_pid() {
  local pid
  [[ -f "$DATA/postmaster.pid" ]] || return 1
  pid="$(head -n 1 "$DATA/postmaster.pid" 2>/dev/null || true)"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  [[ "$(cat "/proc/$pid/comm" 2>/dev/null || true)" == postgres ]] || return 1
  printf '%s' "$pid"
}

is_running() {
  live_postmaster_pid >/dev/null && as_owner "$(bindir)/pg_isready" -q -h 127.0.0.1 -p "$PORT" -t 2
}

psql_admin() {
  as_owner "$(bindir)/psql" -X -q -v ON_ERROR_STOP=1 -h "$BASE" -p "$PORT" -U postgres -d postgres "$@"
}

init_cluster() {
  local bin="$1"
  log "initializing a new cluster in $DATA"
  rm -rf "$DATA" "$MARKER"
  as_owner "$bin/initdb" -D "$DATA" -U postgres --encoding=UTF8 --locale=C.UTF-8 \
    --auth-local=trust --auth-host=scram-sha-256 >"$BASE/initdb.log" 2>&1 \
    || { cat "$BASE/initdb.log" >&2; die "initdb failed"; }
  cat >>"$DATA/postgresql.conf" <<EOF

# RiskPlatform test cluster (scripts/postgres.sh)
listen_addresses = '127.0.0.1'
port = $PORT
unix_socket_directories = '$BASE'
unix_socket_permissions = 0700
max_connections = 200
fsync = off
synchronous_commit = off
full_page_writes = off
EOF
  as_owner touch "$MARKER"
}

ensure_role_and_database() {
  psql_admin -f - <<EOF
DO \$\$
BEGIN
  IF EXISTS (SELECT FROM pg_roles WHERE rolname = '$ROLE') THEN
    ALTER ROLE $ROLE LOGIN CREATEDB PASSWORD '$PASSWORD';
  ELSE
    CREATE ROLE $ROLE LOGIN CREATEDB PASSWORD '$PASSWORD';
  END IF;
END
\$\$;
SELECT 'CREATE DATABASE $DATABASE OWNER $ROLE'
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$DATABASE')\gexec
EOF
}

start() {
  local bin pid waited=0
  bin="$(bindir)"
  mkdir -p "$BASE"
  # Two concurrent "start"s (two clones, two terminals) must not both initdb or both start.
  exec 9>"$BASE.lock"
  flock -w 300 9 || die "timed out waiting for the lock $BASE.lock"
  chmod 700 "$BASE"
  [[ $EUID -eq 0 ]] && chown "$(owner):" "$BASE"

  # A postmaster that is starting, recovering or shutting down: give it time to settle either way.
  while pid="$(live_postmaster_pid)" && ! is_running && ((waited < 60)); do
    sleep 1; waited=$((waited + 1))
  done
  if is_running; then
    log "already running on 127.0.0.1:$PORT ($DATA)"
    ensure_role_and_database
    return
  fi
  if pid="$(live_postmaster_pid)"; then
    die "postmaster $pid for $DATA is alive but does not accept connections; see $LOG"
  fi

  if [[ ! -f "$MARKER" || ! -f "$DATA/PG_VERSION" ]] || [[ "$(cat "$DATA/PG_VERSION")" != "$(basename "$(dirname "$bin")")" ]]; then
    init_cluster "$bin"
  fi
  # Left behind by a killed server (or recorded a PID that now belongs to another process).
  rm -f "$DATA/postmaster.pid" "$BASE/.s.PGSQL.$PORT" "$BASE/.s.PGSQL.$PORT.lock"

  if port_open; then
    die "127.0.0.1:$PORT is already used by another process; set RISKPLATFORM_PG_PORT to a free port"
  fi
  log "starting on 127.0.0.1:$PORT ($DATA, log $LOG)"
  # Run pg_ctl with only stdin/stdout/stderr open: the server must not inherit (and hold forever) the lock
  # taken above, nor a pipe of whoever called us (a CI runner would wait for that pipe to close).
  (
    for fd in $(ls "/proc/$BASHPID/fd"); do
      if ((fd > 2)); then eval "exec $fd>&-"; fi
    done
    as_owner "$bin/pg_ctl" -D "$DATA" -l "$LOG" -w -t 60 start >/dev/null
  ) \
    || { tail -n 30 "$LOG" >&2 || true; die "pg_ctl start failed"; }
  ensure_role_and_database
}

stop() {
  if live_postmaster_pid >/dev/null; then
    log "stopping the cluster in $DATA"
    as_owner "$(bindir)/pg_ctl" -D "$DATA" -m fast -w -t 60 stop >/dev/null
  else
    log "not running ($DATA)"
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status)
    if is_running; then log "running on 127.0.0.1:$PORT ($DATA)"; else log "not running ($DATA)"; exit 1; fi ;;
  connection-string) connection_string; echo ;;
  env) printf "export RISKPLATFORM_TEST_POSTGRES='%s'\n" "$(connection_string)" ;;
  destroy) stop; rm -rf "$BASE" "$BASE.lock"; log "removed $BASE" ;;
  *) echo "usage: $0 start|stop|status|env|destroy" >&2; exit 2 ;;
esac
