#!/usr/bin/env bash
# Backs up and restores Luoshi's state: the two services' databases. Nothing else holds state — evidence files and
# published documents are rows of task-service's database (bytea), the engine's processes, jobs and timers rows of
# workflow-service's — so two dumps and a manifest are the whole backup.
#
#   backup.sh backup DIR             dump TASK_DB and WORKFLOW_DB into DIR (missing or empty), write DIR/manifest.json
#   backup.sh restore DIR [--force]  check DIR's checksums, restore into TASK_DB and WORKFLOW_DB (created if missing);
#                                    refuses a database that holds tables unless --force (which empties it first)
#
# Environment: TASK_DB (luoshi_task), WORKFLOW_DB (luoshi_workflow), PGHOST_ADDR (127.0.0.1), PGPORT (15432, the run cluster),
# TASK_DB_PASSWORD / WORKFLOW_DB_PASSWORD (the demo-only defaults of postgres.sh). Stop the services before a restore;
# a backup may be taken while they run (docs/operations/backup-restore.md).
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PGHOST_ADDR="${PGHOST_ADDR:-127.0.0.1}"
PGPORT="${PGPORT:-15432}"
TASK_DB="${TASK_DB:-luoshi_task}"
WORKFLOW_DB="${WORKFLOW_DB:-luoshi_workflow}"
TASK_DB_PASSWORD="${TASK_DB_PASSWORD:-luoshi_task_demo}"             # demo-only
WORKFLOW_DB_PASSWORD="${WORKFLOW_DB_PASSWORD:-luoshi_workflow_demo}" # demo-only
FORMAT=1

say() { printf '[backup] %s\n' "$*"; }
die() { printf '[backup] ERROR: %s\n' "$*" >&2; exit 1; }

[[ "$TASK_DB" =~ ^[a-z][a-z0-9_]*$ && "$WORKFLOW_DB" =~ ^[a-z][a-z0-9_]*$ ]] \
  || die "TASK_DB and WORKFLOW_DB must match [a-z][a-z0-9_]*"
for tool in pg_dump pg_restore psql sha256sum jq; do
  command -v "$tool" >/dev/null 2>&1 || die "$tool is missing (apt-get install -y postgresql-client jq coreutils)"
done

# role and password of a service's database: each service's own role owns its database
role_of() { case "$1" in task) echo luoshi_task ;; workflow) echo luoshi_workflow ;; esac; }
password_of() { case "$1" in task) echo "$TASK_DB_PASSWORD" ;; workflow) echo "$WORKFLOW_DB_PASSWORD" ;; esac; }
db_of() { case "$1" in task) echo "$TASK_DB" ;; workflow) echo "$WORKFLOW_DB" ;; esac; }

as_service() { # service command args… — runs a PostgreSQL client as the service's role
  local service="$1"; shift
  PGPASSWORD="$(password_of "$service")" "$@" -h "$PGHOST_ADDR" -p "$PGPORT" -U "$(role_of "$service")"
}
sql() { PGOPTIONS='-c client_min_messages=warning' as_service "$1" psql -d "$2" -v ON_ERROR_STOP=1 -qtA -c "$3"; }

tables_in() { sql "$1" "$2" "select count(*) from pg_tables where schemaname = 'public'"; }

cmd_backup() {
  local dir="${1:-}"
  [ -n "$dir" ] || die "usage: backup DIR"
  if [ -e "$dir" ] && [ -n "$(ls -A "$dir" 2>/dev/null)" ]; then die "$dir is not empty: back up into a new directory"; fi
  mkdir -p "$dir"
  local started; started="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  # workflow first: a step the engine finished after its dump is redone after a restore and is a no-op in
  # task-service (idempotency keys); the other order could lose a step the engine believes done
  local service db
  for service in workflow task; do
    db="$(db_of "$service")"
    say "dumping $db ($service-service) …"
    as_service "$service" pg_dump -d "$db" --format=custom --no-owner --no-privileges --file "$dir/$service.dump"
  done
  local task_schema workflow_schema server
  task_schema="$(sql task "$TASK_DB" "select version from flyway_schema_history where success order by installed_rank desc limit 1" 2>/dev/null || echo unknown)"
  workflow_schema="$(sql workflow "$WORKFLOW_DB" "select version_ from act_ge_schema_log order by timestamp_ desc, id_ desc limit 1" 2>/dev/null || echo unknown)"
  server="$(sql task "$TASK_DB" "show server_version")"
  (cd "$dir" && sha256sum task.dump workflow.dump > SHA256SUMS)
  jq -n --arg started "$started" --arg finished "$(date -u +%Y-%m-%dT%H:%M:%SZ)" \
    --arg version "$(git -C "$REPO" describe --always --dirty 2>/dev/null || echo unknown)" \
    --arg server "$server" --arg pgdump "$(pg_dump --version)" \
    --arg taskDb "$TASK_DB" --arg workflowDb "$WORKFLOW_DB" \
    --arg taskSchema "$task_schema" --arg workflowSchema "$workflow_schema" \
    --arg taskSha "$(cut -d' ' -f1 < <(grep ' task.dump$' "$dir/SHA256SUMS"))" \
    --arg workflowSha "$(cut -d' ' -f1 < <(grep ' workflow.dump$' "$dir/SHA256SUMS"))" \
    --argjson taskBytes "$(stat -c %s "$dir/task.dump")" --argjson workflowBytes "$(stat -c %s "$dir/workflow.dump")" \
    --argjson format "$FORMAT" '{
      format: $format, luoshi: $version, started: $started, finished: $finished,
      postgresql: $server, pgDump: $pgdump,
      databases: {
        task: {database: $taskDb, file: "task.dump", sha256: $taskSha, bytes: $taskBytes, flywayVersion: $taskSchema},
        workflow: {database: $workflowDb, file: "workflow.dump", sha256: $workflowSha, bytes: $workflowBytes, camundaSchema: $workflowSchema}
      },
      note: "evidence files and published documents are stored in the task database; the engine state in the workflow database"
    }' > "$dir/manifest.json"
  say "backup written to $dir (manifest.json, SHA256SUMS, task.dump, workflow.dump)"
}

cmd_restore() {
  local dir="" force=0 arg
  for arg in "$@"; do
    case "$arg" in
      --force) force=1 ;;
      *) [ -z "$dir" ] || die "usage: restore DIR [--force]"; dir="$arg" ;;
    esac
  done
  [ -n "$dir" ] || die "usage: restore DIR [--force]"
  [ -f "$dir/manifest.json" ] && [ -f "$dir/SHA256SUMS" ] || die "$dir holds no Luoshi backup (manifest.json, SHA256SUMS)"
  [ "$(jq -r .format "$dir/manifest.json")" = "$FORMAT" ] || die "$dir was written in another backup format"
  (cd "$dir" && sha256sum --quiet -c SHA256SUMS) || die "the dumps in $dir do not match their checksums"
  # the databases and roles, created if missing (as postgres.sh does for run)
  TASK_DB="$TASK_DB" WORKFLOW_DB="$WORKFLOW_DB" "$REPO/deploy/bin/postgres.sh" ensure >/dev/null
  local service db
  for service in task workflow; do
    db="$(db_of "$service")"
    if [ "$(tables_in "$service" "$db")" != 0 ]; then
      [ "$force" = 1 ] || die "$db is not empty: restore into a new database (TASK_DB=… WORKFLOW_DB=…) or add --force to replace it"
      say "emptying $db (--force)"
      sql "$service" "$db" "drop schema public cascade; create schema public"
    fi
  done
  for service in task workflow; do
    db="$(db_of "$service")"
    say "restoring $db ($service-service) …"
    as_service "$service" pg_restore -d "$db" --no-owner --no-privileges --exit-on-error --single-transaction "$dir/$service.dump"
  done
  # jobs locked by a node of the backed-up system at the time would wait for their lock to expire; no node runs on
  # the restored database yet, so they are released for its first node to take at once
  sql workflow "$WORKFLOW_DB" "update act_ru_job set lock_owner_ = null, lock_exp_time_ = null where lock_owner_ is not null"
  say "restored $(jq -r .started "$dir/manifest.json") into $TASK_DB and $WORKFLOW_DB; start the services on them"
}

case "${1:-}" in
  backup) shift; cmd_backup "$@" ;;
  restore) shift; cmd_restore "$@" ;;
  *) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
