#!/usr/bin/env bash
# Measures what a user waits for, against a running system (./luoshi.sh run --detach first):
# plan import preview, the task ledger list with filters, the .xlsx export, the roll-up, and the audit
# chain's verification. Prints median and p95 per request in milliseconds. Figures, not assertions.
#   deploy/bench/api-latency.sh [rounds]      (default 30)
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
ROUNDS="${1:-30}"
KEYCLOAK_URL="${KEYCLOAK_URL:-http://localhost:8180}"
TASK="${TASK_SERVICE_URL:-http://localhost:8081}"
WORKFLOW="${WORKFLOW_SERVICE_URL:-http://localhost:8082}"
command -v jq >/dev/null || { echo "jq is needed: apt-get install -y jq" >&2; exit 1; }

token() {
  curl -fsS -X POST "$KEYCLOAK_URL/realms/luoshi/protocol/openid-connect/token" \
    -d grant_type=password -d client_id=luoshi-test -d "username=$1" -d password=demo | jq -r .access_token
}
SUP="$(token chen.jing)"
STAFF="$(token li.na)"
PLAN="$(curl -fsS -H "Authorization: Bearer $SUP" "$TASK/api/plans" | jq -r '[.[] | select(.demo)][0].id // .[0].id')"
[ -n "$PLAN" ] && [ "$PLAN" != null ] || { echo "no plan loaded: run ./luoshi.sh run first" >&2; exit 1; }

# measure NAME TOKEN curl-args… : ROUNDS timed requests, then median and p95
measure() {
  local name="$1" tok="$2"
  shift 2
  local times=()
  for _ in $(seq 1 "$ROUNDS"); do
    times+=("$(curl -fsS -o /dev/null -w '%{time_total}' -H "Authorization: Bearer $tok" "$@")")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v name="$name" '
    { t[NR] = $1 * 1000 }
    END { m = t[int((NR + 1) / 2)]; p = t[int(NR * 0.95 + 0.5)]; printf "%-44s median %7.1f ms   p95 %7.1f ms   (n=%d)\n", name, m, p, NR }'
}

echo "plan $PLAN, $ROUNDS rounds each, $(nproc) cores"
measure "import preview (dry run, 110 KB document)" "$SUP" -X POST -H 'Content-Type: text/html' \
  --data-binary "@$REPO/docs/plans/beijing-14th-fyp-sti-plan.html" "$TASK/api/plan-imports?dryRun=true"
measure "ledger list, supervisor, page of 20" "$SUP" "$TASK/api/tasks?planId=$PLAN&size=20"
measure "ledger list, red lights + text filter" "$SUP" "$TASK/api/tasks?planId=$PLAN&light=RED&q=%E5%88%9B%E6%96%B0"
measure "ledger list, staff (own department)" "$STAFF" "$TASK/api/tasks?planId=$PLAN&size=20"
measure "status roll-up by chapter/section/department" "$SUP" "$TASK/api/plans/$PLAN/status"
measure "ledger export .xlsx (all tasks)" "$SUP" "$TASK/api/plans/$PLAN/ledger"
measure "audit chain verification" "$SUP" "$TASK/api/audit/verify"
measure "inbox, staff" "$STAFF" "$WORKFLOW/api/inbox"
