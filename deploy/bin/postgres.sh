#!/usr/bin/env bash
# Makes sure a local PostgreSQL answers and holds Luoshi's roles and databases.
#   postgres.sh ensure   start the server if it is down, create what is missing (idempotent)
#   postgres.sh stop     stop the server (callers stop it only when their ensure found it down)
# A role that is missing is created with the password of its variable (TASK_DB_PASSWORD, WORKFLOW_DB_PASSWORD,
# KEYCLOAK_DB_PASSWORD), which must then be set: this script has no password of its own (./luoshi.sh passes the
# demo's). A role that exists keeps its password.
set -euo pipefail

PGHOST_ADDR="${PGHOST_ADDR:-127.0.0.1}"
PGPORT="${PGPORT:-5432}"
# the demo's databases; another pair lets a second demo run beside the first (./luoshi.sh passes TASK_DB / WORKFLOW_DB)
TASK_DB="${TASK_DB:-luoshi_task}"
WORKFLOW_DB="${WORKFLOW_DB:-luoshi_workflow}"
# Keycloak's own database, only for a Keycloak in production mode (./luoshi.sh run --prod sets KEYCLOAK_DB)
KEYCLOAK_DB="${KEYCLOAK_DB:-}"
[[ "$TASK_DB" =~ ^[a-z][a-z0-9_]*$ && "$WORKFLOW_DB" =~ ^[a-z][a-z0-9_]*$ && "$KEYCLOAK_DB" =~ ^([a-z][a-z0-9_]*)?$ ]] \
  || { echo "[postgres] ERROR: TASK_DB, WORKFLOW_DB and KEYCLOAK_DB must match [a-z][a-z0-9_]*" >&2; exit 1; }
# role:password variable:database… — one role per service, its databases for the demo, the tests and the end-to-end run
SPECS=(
  "luoshi_task:TASK_DB_PASSWORD:$TASK_DB luoshi_task_test luoshi_task_e2e"
  "luoshi_workflow:WORKFLOW_DB_PASSWORD:$WORKFLOW_DB luoshi_workflow_test luoshi_workflow_e2e"
)
if [ -n "$KEYCLOAK_DB" ]; then SPECS+=("luoshi_keycloak:KEYCLOAK_DB_PASSWORD:$KEYCLOAK_DB luoshi_keycloak_test"); fi

say() { printf '[postgres] %s\n' "$*"; }
die() { printf '[postgres] ERROR: %s\n' "$*" >&2; exit 1; }

answers() { pg_isready -q -h "$PGHOST_ADDR" -p "$PGPORT" 2>/dev/null; }

as_postgres() {
  if [ "$(id -u)" = 0 ]; then
    su postgres -s /bin/sh -c "$*"
  else
    sudo -n -u postgres sh -c "$*"
  fi
}

cluster() {
  # "15 main" of the first cluster on our port
  pg_lsclusters --no-header 2>/dev/null | awk -v port="$PGPORT" '$3 == port { print $1, $2; exit }'
}

start_server() {
  command -v pg_lsclusters >/dev/null 2>&1 || die "no PostgreSQL server found. Install it: apt-get update && apt-get install -y postgresql (Debian), then run this again."
  local c; c="$(cluster)"
  if [ -z "$c" ]; then
    die "no PostgreSQL cluster listens on port $PGPORT (pg_lsclusters). Create one (pg_createcluster 15 main --port $PGPORT) or set PGPORT."
  fi
  say "starting cluster $c"
  # shellcheck disable=SC2086
  if [ "$(id -u)" = 0 ]; then
    pg_ctlcluster --skip-systemctl-redirect $c start
  else
    sudo -n pg_ctlcluster --skip-systemctl-redirect $c start
  fi
  for _ in $(seq 1 60); do answers && return 0; sleep 0.5; done
  die "PostgreSQL did not answer within 30 s; see /var/log/postgresql/"
}

psql_admin() { as_postgres "psql -p $PGPORT -v ON_ERROR_STOP=1 -qtA -c \"$1\""; }

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
    command -v pg_isready >/dev/null 2>&1 || die "PostgreSQL client tools are missing. Install them: apt-get update && apt-get install -y postgresql"
    if answers; then say "server answers on $PGHOST_ADDR:$PGPORT"; else start_server; fi
    ensure_objects
    say "ready: roles luoshi_task, luoshi_workflow and their databases ($TASK_DB, $WORKFLOW_DB, tests, e2e) exist${KEYCLOAK_DB:+, and luoshi_keycloak with $KEYCLOAK_DB}"
    ;;
  stop)
    c="$(cluster)"
    [ -n "$c" ] || die "no cluster on port $PGPORT"
    say "stopping cluster $c"
    # shellcheck disable=SC2086
    if [ "$(id -u)" = 0 ]; then pg_ctlcluster --skip-systemctl-redirect $c stop; else sudo -n pg_ctlcluster --skip-systemctl-redirect $c stop; fi
    ;;
  *) die "usage: postgres.sh ensure|stop" ;;
esac
