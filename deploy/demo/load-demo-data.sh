#!/usr/bin/env bash
# Loads the demo through the services' own APIs, as the demo supervisor 陈静 (chen.jing) would: imports the
# seed plan document, confirms it, lets task-service give it plausible demo activity (departments, milestones
# around today, indicator values — all labelled 演示数据 / demo; needs LUOSHI_DEMO_ENABLED=true there), and
# starts task-assignment processes so that department inboxes have work. Running it again adds nothing.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
KEYCLOAK_URL="${KEYCLOAK_URL:-http://localhost:8180}"
TASK_SERVICE_URL="${TASK_SERVICE_URL:-http://localhost:8081}"
WORKFLOW_SERVICE_URL="${WORKFLOW_SERVICE_URL:-http://localhost:8082}"
SEED_PLAN="${SEED_PLAN:-$REPO/docs/plans/beijing-14th-fyp-sti-plan.html}"

say() { printf '[demo] %s\n' "$*"; }
die() { printf '[demo] ERROR: %s\n' "$*" >&2; exit 1; }
command -v jq >/dev/null 2>&1 || die "jq is needed to load the demo data: apt-get install -y jq"

token() { # demo-only password
  curl -fsS -X POST "$KEYCLOAK_URL/realms/luoshi/protocol/openid-connect/token" \
    -d grant_type=password -d client_id=luoshi-test -d "username=$1" -d password=demo | jq -r .access_token
}

# call METHOD URL [curl args…] -> body on stdout; a non-2xx answer stops the script with its problem document
call() {
  local method="$1" url="$2" out status
  shift 2
  out="$(mktemp)"
  status="$(curl -sS -o "$out" -w '%{http_code}' -X "$method" -H "Authorization: Bearer $SUPERVISOR" "$@" "$url")"
  if [ "${status:0:1}" != 2 ]; then cat "$out" >&2; rm -f "$out"; die "$method $url answered $status"; fi
  cat "$out"; rm -f "$out"
}

SUPERVISOR="$(token chen.jing)"
[ -n "$SUPERVISOR" ] && [ "$SUPERVISOR" != null ] || die "could not log in as the demo supervisor chen.jing"

say "importing the seed plan $(basename "$SEED_PLAN")"
RESULT="$(call POST "$TASK_SERVICE_URL/api/plan-imports?name=$(basename "$SEED_PLAN")" \
  -H 'Content-Type: text/html' --data-binary "@$SEED_PLAN")"
PLAN_ID="$(jq -r .plan.id <<<"$RESULT")"
[ -z "${DEMO_PLAN_ID_FILE:-}" ] || echo "$PLAN_ID" > "$DEMO_PLAN_ID_FILE"
if [ "$(jq -r .plan.demo <<<"$RESULT")" = true ]; then
  say "plan $PLAN_ID is already loaded with demo activity; nothing to add"
  exit 0
fi
say "draft plan $PLAN_ID: $(jq -r '.preview | "\(.chapterCount) chapters, \(.sectionCount) sections, \(.taskCount) tasks, \(.indicators | length) indicators"' <<<"$RESULT")"

if [ "$(jq -r .plan.status <<<"$RESULT")" = DRAFT ]; then
  call POST "$TASK_SERVICE_URL/api/plans/$PLAN_ID/confirmation" -H "If-Match: W/\"$(jq -r .plan.version <<<"$RESULT")\"" >/dev/null
  say "confirmed: in force"
fi
call POST "$TASK_SERVICE_URL/api/demo/plans/$PLAN_ID/activity" >/dev/null
COUNTS="$(call GET "$TASK_SERVICE_URL/api/tasks?planId=$PLAN_ID&size=1")"
say "demo activity: $(jq -r '.countsByLight | "红 \(.RED) · 黄 \(.YELLOW) · 绿 \(.GREEN)"' <<<"$COUNTS") (labelled 演示数据)"

# Tasks assigned but not yet accepted go through 任务交办; one of them to 海淀区 so that li.na has work.
ASSIGNED="$(call GET "$TASK_SERVICE_URL/api/tasks?planId=$PLAN_ID&status=ASSIGNED&size=5")"
FIRST="$(jq -r '.items[0].id // empty' <<<"$ASSIGNED")"
[ -n "$FIRST" ] || die "the demo left no task waiting for acceptance"
VERSION="$(jq -r '.items[0].version' <<<"$ASSIGNED")"
call PUT "$TASK_SERVICE_URL/api/tasks/$FIRST/assignment" -H 'Content-Type: application/json' -H "If-Match: W/\"$VERSION\"" \
  --data "$(jq -c '.items[0] | {leadDepartmentCode: "haidian", coDepartmentCodes: .coDepartmentCodes, dueDate: .dueDate}' <<<"$ASSIGNED")" >/dev/null
for id in $(jq -r '.items[].id' <<<"$ASSIGNED"); do
  lead="$(call GET "$TASK_SERVICE_URL/api/tasks/$id" | jq -r .leadDepartmentCode)"
  call POST "$WORKFLOW_SERVICE_URL/api/assignments" -H 'Content-Type: application/json' \
    --data "{\"taskId\":$id,\"departmentCode\":\"$lead\"}" >/dev/null
  say "task $id waits in the inbox of $lead"
done
