#!/usr/bin/env bash
# Runs a PostgreSQL cluster of the project's own and makes sure it holds Luoshi's roles and databases.
#   postgres.sh ensure   initialise the instance's cluster if new, start it if down, create what is missing (idempotent)
#   postgres.sh stop     stop the instance's cluster, and nothing else
#   postgres.sh status   exit 0 when the instance's cluster runs
#   postgres.sh psql …   psql as the cluster's superuser (e.g. postgres.sh psql -d luoshi_task)
#
# An instance (POSTGRES_INSTANCE, default run) is a data directory of its own under $LUOSHI_CACHE and a port of its own
# (PGPORT, default 15432), so that the demo (`run`, 15432) and the test suite (`test`, 15433) start and stop side by
# side, in any order, without touching each other or a PostgreSQL of the machine. It uses the PostgreSQL binaries
# installed on the machine (Debian's `postgresql` package) and runs as the calling user, or as `postgres` when called
# by root (PostgreSQL refuses to run as root). It listens on 127.0.0.1 only.
# A role that is missing is created with the password of its variable (TASK_DB_PASSWORD, WORKFLOW_DB_PASSWORD,
# KEYCLOAK_DB_PASSWORD), which must then be set: this script has no password of its own (./luoshi.sh passes the
# demo's to run and test, and takes real ones from the environment in run --prod). A role that exists keeps its password.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
LUOSHI_CACHE="${LUOSHI_CACHE:-$REPO/.cache}"
POSTGRES_INSTANCE="${POSTGRES_INSTANCE:-run}"
PGHOST_ADDR="${PGHOST_ADDR:-127.0.0.1}"
PGPORT="${PGPORT:-15432}"
# the demo's databases; another pair lets a second demo run beside the first (./luoshi.sh passes TASK_DB / WORKFLOW_DB)
TASK_DB="${TASK_DB:-luoshi_task}"
WORKFLOW_DB="${WORKFLOW_DB:-luoshi_workflow}"
# Keycloak's own database, for Keycloak in production mode (./luoshi.sh run --prod; auth's ProductionKeycloakIT)
KEYCLOAK_DB="${KEYCLOAK_DB:-luoshi_keycloak}"
[[ "$TASK_DB" =~ ^[a-z][a-z0-9_]*$ && "$WORKFLOW_DB" =~ ^[a-z][a-z0-9_]*$ && "$KEYCLOAK_DB" =~ ^[a-z][a-z0-9_]*$ ]] \
  || { echo "[postgres] ERROR: TASK_DB, WORKFLOW_DB and KEYCLOAK_DB must match [a-z][a-z0-9_]*" >&2; exit 1; }
[[ "$POSTGRES_INSTANCE" =~ ^[a-z][a-z0-9-]*$ ]] \
  || { echo "[postgres] ERROR: POSTGRES_INSTANCE must match [a-z][a-z0-9-]*" >&2; exit 1; }
# role:password variable:database… — one role per service and one for Keycloak, their databases for the demo, the
# tests and the end-to-end run
SPECS=(
  "luoshi_task:TASK_DB_PASSWORD:$TASK_DB luoshi_task_test luoshi_task_e2e"
  "luoshi_workflow:WORKFLOW_DB_PASSWORD:$WORKFLOW_DB luoshi_workflow_test luoshi_workflow_e2e"
  "luoshi_keycloak:KEYCLOAK_DB_PASSWORD:$KEYCLOAK_DB luoshi_keycloak_test"
)

DATA="$LUOSHI_CACHE/postgres-$POSTGRES_INSTANCE"
# a Unix socket path must stay under ~100 bytes: deep checkouts fall back to a directory per port under /tmp
SOCKET_DIR="$DATA/socket"
[ "${#SOCKET_DIR}" -le 80 ] || SOCKET_DIR="${TMPDIR:-/tmp}/luoshi-pg-$PGPORT"

say() { printf '[postgres:%s] %s\n' "$POSTGRES_INSTANCE" "$*"; }
die() { printf '[postgres:%s] ERROR: %s\n' "$POSTGRES_INSTANCE" "$*" >&2; exit 1; }

pg_bin() {
  local dir
  dir="${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}"
  [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] \
    || die "no PostgreSQL server binaries found (looked in ${dir:-/usr/lib/postgresql/*/bin}). Install them: apt-get update && apt-get install -y postgresql (Debian), or set PG_BIN."
  echo "$dir"
}

# the server's own user: the caller, or postgres when the caller is root
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

running() { [ -f "$DATA/PG_VERSION" ] && as_owner "$(pg_bin)/pg_ctl" -D "$DATA" status >/dev/null 2>&1; }
port_taken() { (exec 3<>"/dev/tcp/$PGHOST_ADDR/$PGPORT") 2>/dev/null; }

init_cluster() {
  local bin="$1"
  say "creating a cluster in $DATA (port $PGPORT)"
  mkdir -p "$DATA"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$DATA"
  chmod 700 "$DATA"
  # local socket: trust (the socket directory is the server user's alone); TCP: passwords (scram)
  as_owner "$bin/initdb" -D "$DATA" -U postgres -E UTF8 --locale=C.UTF-8 \
    --auth-local=trust --auth-host=scram-sha-256 >"$DATA.initdb.log" 2>&1 \
    || { cat "$DATA.initdb.log" >&2; die "initdb failed"; }
  rm -f "$DATA.initdb.log"
}

configure() {
  # written at every start so that PGPORT and the socket directory follow the environment
  as_owner sh -c "cat > '$DATA/postgresql.auto.conf'" <<CONF
# written by deploy/bin/postgres.sh at each start
port = $PGPORT
listen_addresses = '$PGHOST_ADDR'
unix_socket_directories = '$SOCKET_DIR'
max_connections = 200
CONF
}

start_cluster() {
  local bin
  bin="$(pg_bin)"
  port_taken && die "port $PGPORT on $PGHOST_ADDR is taken by another server: set PGPORT to a free port"
  [ -f "$DATA/PG_VERSION" ] || init_cluster "$bin"
  mkdir -p "$SOCKET_DIR"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$SOCKET_DIR"
  chmod 700 "$SOCKET_DIR"
  configure
  say "starting on $PGHOST_ADDR:$PGPORT (log $DATA/server.log)"
  as_owner "$bin/pg_ctl" -D "$DATA" -l "$DATA/server.log" -w -t 60 start >/dev/null \
    || { tail -n 20 "$DATA/server.log" >&2 || true; die "the server did not start"; }
}

admin_psql() { as_owner "$(pg_bin)/psql" -h "$SOCKET_DIR" -p "$PGPORT" -U postgres "$@"; }
psql_admin() { admin_psql -v ON_ERROR_STOP=1 -qtA -c "$1"; }

ensure_objects() {
  local spec role variable password dbs db
  for spec in "${SPECS[@]}"; do
    role="${spec%%:*}"; spec="${spec#*:}"
    variable="${spec%%:*}"; dbs="${spec#*:}"
    if [ "$(psql_admin "SELECT 1 FROM pg_roles WHERE rolname='$role'")" != 1 ]; then
      password="${!variable:-}"
      [ -n "$password" ] || die "role $role is missing and $variable is not set: set it to the password the role gets"
      [[ "$password" != *"'"* ]] || die "$variable must not contain a single quote"
      say "creating role $role"
      psql_admin "CREATE ROLE $role LOGIN PASSWORD '$password'"
    fi
    for db in $dbs; do
      if [ "$(psql_admin "SELECT 1 FROM pg_database WHERE datname='$db'")" != 1 ]; then
        say "creating database $db"
        psql_admin "CREATE DATABASE $db OWNER $role ENCODING 'UTF8' TEMPLATE template0"
      fi
    done
  done
}

case "${1:-ensure}" in
  ensure)
    if running; then say "running on $PGHOST_ADDR:$PGPORT"; else start_cluster; fi
    ensure_objects
    say "ready: roles luoshi_task, luoshi_workflow, luoshi_keycloak and their databases ($TASK_DB, $WORKFLOW_DB, $KEYCLOAK_DB, tests, e2e) exist"
    ;;
  stop)
    if running; then
      say "stopping"
      as_owner "$(pg_bin)/pg_ctl" -D "$DATA" -m fast -w -t 60 stop >/dev/null
    else
      say "not running"
    fi
    ;;
  status) running ;;
  psql) shift; running || die "not running (postgres.sh ensure first)"; admin_psql "$@" ;;
  *) die "usage: postgres.sh ensure|stop|status|psql [args]" ;;
esac
