#!/usr/bin/env bash
# Loads the demo data through the services' own APIs, as the demo supervisor 陈静 (chen.jing) would:
# the seed plan, put in force, a handful of its tasks led by real departments, and one assignment waiting
# in 李娜's (海淀区) inbox. Everything it creates is marked 演示数据 (demo). Running it again adds nothing.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
KEYCLOAK_URL="${KEYCLOAK_URL:-http://localhost:8180}"
TASK_SERVICE_URL="${TASK_SERVICE_URL:-http://localhost:8081}"
WORKFLOW_SERVICE_URL="${WORKFLOW_SERVICE_URL:-http://localhost:8082}"
PLAN_TITLE="北京市“十四五”时期国际科技创新中心建设规划（演示数据）"

say() { printf '[demo] %s\n' "$*"; }
die() { printf '[demo] ERROR: %s\n' "$*" >&2; exit 1; }

token() { # demo-only password
  curl -fsS -X POST "$KEYCLOAK_URL/realms/luoshi/protocol/openid-connect/token" \
    -d grant_type=password -d client_id=luoshi-test -d "username=$1" -d password=demo \
    | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p'
}

call() { # METHOD URL [JSON] -> body; fails loudly with the problem document
  local method="$1" url="$2" body="${3:-}" out status
  out="$(mktemp)"
  if [ -n "$body" ]; then
    status="$(curl -sS -o "$out" -w '%{http_code}' -X "$method" -H "Authorization: Bearer $SUPERVISOR" \
      -H 'Content-Type: application/json' --data "$body" "$url")"
  else
    status="$(curl -sS -o "$out" -w '%{http_code}' -X "$method" -H "Authorization: Bearer $SUPERVISOR" "$url")"
  fi
  if [ "${status:0:1}" != 2 ]; then cat "$out" >&2; rm -f "$out"; die "$method $url answered $status"; fi
  cat "$out"; rm -f "$out"
}

first_id() { sed -n 's/^[^{]*{"id":\([0-9]*\).*/\1/p' | head -n 1; }

SUPERVISOR="$(token chen.jing)"
[ -n "$SUPERVISOR" ] || die "could not log in as the demo supervisor chen.jing"

if call GET "$TASK_SERVICE_URL/api/plans" | grep -qF "$PLAN_TITLE"; then
  say "the demo plan is already there; nothing to add"
  exit 0
fi

say "creating the demo plan"
PLAN_ID="$(call POST "$TASK_SERVICE_URL/api/plans" \
  "{\"title\":\"$PLAN_TITLE\",\"issuingBody\":\"北京市人民政府\",\"periodStart\":2021,\"periodEnd\":2025}" | first_id)"
[ -n "$PLAN_ID" ] || die "no plan id came back"
call PUT "$TASK_SERVICE_URL/api/plans/$PLAN_ID/status" '{"status":"IN_FORCE"}' >/dev/null

# title|lead department — lead sentences of the plan's own paragraphs
TASKS=(
  "推进在京国家重点实验室体系化发展。|stc-zgc"
  "支持开展量子信息前沿技术研发。|haidian"
  "加速推进空天科技创新。|eit"
  "新能源智能网联汽车。|bda"
  "驱动数字消费发展。|commerce"
  "建立应对新发突发传染病的科技快速反应体系。|health"
  "聚焦中关村科学城。|haidian"
  "吸引一流国际化人才。|hrss"
  "改进科技经费和项目管理方式。|fin"
  "完善科研诚信体系建设。|chaoyang"
)
FIRST_HAIDIAN=""
for entry in "${TASKS[@]}"; do
  title="${entry%%|*}"; lead="${entry##*|}"
  id="$(call POST "$TASK_SERVICE_URL/api/plans/$PLAN_ID/tasks" "{\"title\":\"$title\",\"leadDepartmentCode\":\"$lead\"}" | first_id)"
  if [ "$lead" = haidian ] && [ -z "$FIRST_HAIDIAN" ]; then FIRST_HAIDIAN="$id"; fi
done
say "plan $PLAN_ID in force with ${#TASKS[@]} tasks"

call POST "$WORKFLOW_SERVICE_URL/api/assignments" "{\"taskId\":$FIRST_HAIDIAN,\"departmentCode\":\"haidian\"}" >/dev/null
say "task $FIRST_HAIDIAN assigned to 海淀区: it waits in li.na's inbox"
