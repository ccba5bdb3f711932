#!/usr/bin/env bash
# Measures what a user waits for, against a running system (./luoshi.sh run --detach first):
# plan import preview, the task ledger list with filters, the .xlsx export, the roll-up, the audit chain's
# verification, the inbox, the public portal and open data, the evaluation snapshot and the assessment report's
# generation. Prints median and p95 per request in milliseconds. Figures, not assertions. The report generation
# is a real write (the demo evaluation's evaluator regenerates its report) and runs at most 5 rounds.
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
EVALUATOR="$(token zhao.min)"
PLAN="$(curl -fsS -H "Authorization: Bearer $SUP" "$TASK/api/plans" | jq -r '[.[] | select(.demo)][0].id // .[0].id')"
[ -n "$PLAN" ] && [ "$PLAN" != null ] || { echo "no plan loaded: run ./luoshi.sh run first" >&2; exit 1; }

# measure NAME TOKEN curl-args… : ROUNDS timed requests, then median and p95
measure() {
  local name="$1" tok="$2"
  shift 2
  local times=()
  local auth=()
  [ -z "$tok" ] || auth=(-H "Authorization: Bearer $tok")
  for _ in $(seq 1 "${MEASURE_ROUNDS:-$ROUNDS}"); do
    times+=("$(curl -fsS -o /dev/null -w '%{time_total}' "${auth[@]}" "$@")")
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
measure "reports waiting review (activity filter)" "$SUP" "$WORKFLOW/api/inbox?activity=reviewReport"
# the public, without a token: what a visitor's first page and an open-data download cost
measure "public: newest published snapshot" "" "$TASK/api/public/snapshots/latest?planId=$PLAN"
measure "public: open data indicators.csv" "" "$TASK/api/public/open-data/plans/$PLAN/latest/indicators.csv"
EVALUATION="$(curl -fsS -H "Authorization: Bearer $EVALUATOR" "$TASK/api/evaluations?planId=$PLAN" | jq -r '.[0].id // empty')"
if [ -n "$EVALUATION" ]; then
  measure "evaluation snapshot (frozen JSON)" "$EVALUATOR" "$TASK/api/evaluations/$EVALUATION/snapshot"
  MEASURE_ROUNDS=$(( ROUNDS < 5 ? ROUNDS : 5 )) measure "assessment report generation (.docx + .pdf)" "$EVALUATOR" \
    -X POST "$TASK/api/evaluations/$EVALUATION/reports"
else
  echo "no evaluation of plan $PLAN for zhao.min: the evaluation figures are left out"
fi
