#!/usr/bin/env bash
# Loads the demo through the services' own APIs, each step with the token of the demo user who would take it:
#   陈静 (chen.jing, supervisor) imports the seed plan document, confirms it, lets task-service give it plausible demo
#     activity (departments, milestones around today, indicator values — labelled 演示数据; the last few tasks left
#     as drafts to assign; needs LUOSHI_DEMO_ENABLED=true there), assigns the tasks not yet accepted (task-assignment processes), hands four
#     tasks to 海淀区 and starts milestone tracking for them and a few others;
#   the departments' staff report: 王芳 (drc) a co-department sub-report, 张伟 (stc-zgc) and 周强 (eit) milestone
#     reports with evidence, which then wait for 陈静's review; 陈静 chases (催办) 海淀区's overdue milestone and
#     李娜 (haidian) asks to move it;
#   陈静 launches the mid-term evaluation by 首都科技评估中心 (kjpg, 赵敏), in which stc-zgc, drc and eit submit
#     their self-assessments (the others, 海淀区 and 朝阳区 among them, are still missing), then publishes the
#     plan's status and sets the quarterly disclosure schedule;
#   the 14th plan's final evaluation (末期评估) by kjpg, scored, with findings naming a late task and an indicator
#     unlikely to be met, approved by 陈静 and published: the indicator's 调整建议 item is declined with a reason, the
#     task's left open in 陈静's inbox; the successor plan (docs/plans/demo-successor-sti-plan.html, 演示数据) imported
#     linked to the 14th, three tasks carried over, one closed with a reason, its indicators' baselines continued.
# Every free text says 演示数据. Running it again against the same databases adds nothing; a load that stopped
# halfway is named as such (start again with fresh databases). With SUMMARY_FILE set it writes there, per demo
# user, a first thing to do (what ./luoshi.sh run prints).
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
KEYCLOAK_URL="${KEYCLOAK_URL:-http://localhost:8180}"
TASK_SERVICE_URL="${TASK_SERVICE_URL:-http://localhost:8081}"
WORKFLOW_SERVICE_URL="${WORKFLOW_SERVICE_URL:-http://localhost:8082}"
SEED_PLAN="${SEED_PLAN:-$REPO/docs/plans/beijing-14th-fyp-sti-plan.html}"
SUCCESSOR_PLAN="${SUCCESSOR_PLAN:-$REPO/docs/plans/demo-successor-sti-plan.html}"

say() { printf '[demo] %s\n' "$*"; }
die() { printf '[demo] ERROR: %s\n' "$*" >&2; exit 1; }
command -v jq >/dev/null 2>&1 || die "jq is needed to load the demo data: apt-get install -y jq"

token() { # demo-only password
  curl -fsS -X POST "$KEYCLOAK_URL/realms/luoshi/protocol/openid-connect/token" \
    -d grant_type=password -d client_id=luoshi-test -d "username=$1" -d password=demo | jq -r .access_token
}

# call_as TOKEN METHOD URL [curl args…] -> body on stdout; a non-2xx answer stops the script with its problem document
call_as() {
  local bearer="$1" method="$2" url="$3" out status
  shift 3
  out="$(mktemp)"
  status="$(curl -sS -o "$out" -w '%{http_code}' -X "$method" -H "Authorization: Bearer $bearer" "$@" "$url")"
  if [ "${status:0:1}" != 2 ]; then cat "$out" >&2; rm -f "$out"; die "$method $url answered $status"; fi
  cat "$out"; rm -f "$out"
}
call() { call_as "$SUPERVISOR" "$@"; }
JSON=(-H 'Content-Type: application/json')

# wait_until WHAT SECONDS COMMAND… — the processes record their steps in async jobs: poll until COMMAND succeeds
wait_until() {
  local what="$1" limit="$2" deadline
  shift 2
  deadline=$((SECONDS + limit))
  until "$@"; do
    [ "$SECONDS" -lt "$deadline" ] || die "$what did not happen within ${limit}s (see .cache/run/*.log and GET /api/incidents)"
    sleep 1
  done
}

login() { # USER -> token, or stop
  local t
  t="$(token "$1")"
  [ -n "$t" ] && [ "$t" != null ] || die "could not log in as the demo user $1"
  printf '%s' "$t"
}

SUPERVISOR="$(login chen.jing)"
T="$TASK_SERVICE_URL"
W="$WORKFLOW_SERVICE_URL"
DEMO_USERS_DEPARTMENTS='["haidian","chaoyang","stc-zgc","drc","eit"]' # li.na, liu.yang, zhang.wei, wang.fang, zhou.qiang

# --- what each demo user finds: computed from the services, so that a second run prints it too ---------------
summary() {
  local lina zhao inbox accept overdue urged sub self drafts reviews adjust evals ev sa snaps final open_proposal successor
  lina="$(login li.na)"
  zhao="$(login zhao.min)"
  inbox="$(call_as "$lina" GET "$W/api/inbox?size=100")"
  accept="$(jq -r '[.items[] | select(.activityId == "acceptTask")][0] | "「\(.taskTitle)」(\(.planSection))"' <<<"$inbox")"
  overdue="$(jq -r '[.items[] | select(.activityId == "submitReport" and .overdue)][0] | "「\(.taskTitle)」(\(.planSection)), milestone due \(.due[0:10])"' <<<"$inbox")"
  sub="$(jq -r '[.items[] | select(.activityId == "contributeSubReport")][0] | "「\(.taskTitle)」(\(.planSection))"' <<<"$inbox")"
  urged="$(call_as "$lina" GET "$W/api/notifications?size=100" | jq '[.items[] | select(.kind == "URGING")] | length')"
  self="$(jq -r '[.items[] | select(.activityId == "submitSelfAssessment")] | length' <<<"$inbox")"
  drafts="$(call GET "$T/api/tasks?planId=$PLAN_ID&status=DRAFT&size=1" | jq .total)"
  reviews="$(call GET "$W/api/inbox?size=100&processKey=milestone-reporting" | jq '[.items[] | select(.activityId == "reviewReport")] | length')"
  adjust="$(call GET "$W/api/inbox?size=100&processKey=task-adjustment" | jq -r '[.items[] | select(.activityId == "reviewAdjustment")][0] | "「\(.taskTitle)」 waiting"')"
  evals="$(call_as "$zhao" GET "$T/api/evaluations?planId=$PLAN_ID")"
  ev="$(jq -r '[.[] | select(.kind == "MID_TERM")][0].id // empty' <<<"$evals")"
  final="$(jq -r '[.[] | select(.kind == "FINAL")][0].id // empty' <<<"$evals")"
  open_proposal="$(call GET "$W/api/inbox?size=100&processKey=evaluation-proposal" | jq -r '[.items[] | select(.activityId == "decideProposal")][0] | "「\(.taskTitle)」(\(.planSection // "指标"))"')"
  successor="$(call GET "$T/api/plans" | jq -r --argjson p "$PLAN_ID" '[.[] | select(.predecessorId == $p)][0] | "\(.id) 「\(.title)」"')"
  sa="$( [ -z "$ev" ] || call_as "$zhao" GET "$T/api/evaluations/$ev/self-assessments" \
    | jq -r '"\([.[] | select(.status == "SUBMITTED")] | length) of \(length) self-assessments in"')"
  snaps="$(curl -fs "$T/api/public/plans/$PLAN_ID/snapshots" | jq 'length' 2>/dev/null || echo 0) snapshot(s)"
  cat <<TXT
li.na 李娜 (海淀区, staff) → 我的待办, $(jq .total <<<"$inbox") items, $(jq .overdue <<<"$inbox") overdue:
    接收任务 $accept;
    牵头单位填报 on $overdue ($urged 催办 from 督查室 in her notifications) — percent, text, evidence;
    配合单位报送 for $sub; 部门自评 of the mid-term evaluation ($self open);
    her 动态调整 request waits for 陈静.
chen.jing 陈静 (督查室, supervisor) → 填报审核: $reviews milestone reports waiting (select all, 批量通过 or 退回 with a comment);
    调整审批: $adjust; 任务交办: $drafts draft tasks to assign (select several, one department, 交办);
    督查总览 (红黄绿), 任务台账 (export .xlsx), 向社会公布 ($snaps published, quarterly schedule), 发起评估;
    调整建议 of the final evaluation (末期评估 $final, published): $open_proposal waits in 我的待办 — start a 动态调整 (the finding prefilled) or decline with a reason;
    接续规划: plan $successor succeeds the 14th plan (3 tasks carried over with their lineage, 1 closed, indicator baselines from the 14th).
zhang.wei 张伟 (stc-zgc) / wang.fang 王芳 (drc) / zhou.qiang 周强 (eit) → 我的待办: milestones to report;
    their reports sent so far wait in 陈静's review.
zhao.min 赵敏 (首都科技评估中心 kjpg, evaluator) → 评估工作台: mid-term evaluation $ev, $sa —
    score chapters and indicators, write findings, 生成报告, download .docx / .pdf, 提交 (then 陈静: 评估报告审核).
qian.hui 钱慧 (创新战略研究院 zlyj, evaluator) → 评估工作台 is empty: kjpg's evaluation is not hers.
sun.lei 孙磊 (admin) → 部门管理, 提醒催办规则 (提醒 → 催办 → 督办); 领导审批 of 李娜's adjustment after 陈静's review.
Anyone, no login → 公开信息 (/public): 实施进展, 主要指标 with charts, 历次公布, 开放数据, the plans by period and their succession;
    评估报告 once 陈静 has approved the evaluation's report (it is then published with a new status snapshot).
TXT
}

finish() {
  say "done in ${SECONDS}s"
  if [ -n "${SUMMARY_FILE:-}" ]; then summary > "$SUMMARY_FILE"; else summary; fi
}

say "importing the seed plan $(basename "$SEED_PLAN")"
RESULT="$(call POST "$T/api/plan-imports?name=$(basename "$SEED_PLAN")" \
  -H 'Content-Type: text/html' --data-binary "@$SEED_PLAN")"
PLAN_ID="$(jq -r .plan.id <<<"$RESULT")"
[ -z "${DEMO_PLAN_ID_FILE:-}" ] || echo "$PLAN_ID" > "$DEMO_PLAN_ID_FILE"
if [ "$(jq -r .plan.demo <<<"$RESULT")" = true ]; then
  # the disclosure schedule is the load's last step (the final evaluation published a status before it):
  # without it an earlier load stopped halfway
  [ "$(call GET "$T/api/plans/$PLAN_ID/disclosure-schedule" 2>/dev/null | jq -r .enabled)" = true ] \
    || die "plan $PLAN_ID has demo activity but an earlier load stopped before its end: start again with fresh databases (drop them, or set TASK_DB / WORKFLOW_DB to new names)"
  say "plan $PLAN_ID is already loaded with the demo; nothing to add"
  finish
  exit 0
fi
say "draft plan $PLAN_ID: $(jq -r '.preview | "\(.chapterCount) chapters, \(.sectionCount) sections, \(.taskCount) tasks, \(.indicators | length) indicators"' <<<"$RESULT")"

if [ "$(jq -r .plan.status <<<"$RESULT")" = DRAFT ]; then
  call POST "$T/api/plans/$PLAN_ID/confirmation" -H "If-Match: W/\"$(jq -r .plan.version <<<"$RESULT")\"" >/dev/null
  say "confirmed: in force"
fi
call POST "$T/api/demo/plans/$PLAN_ID/activity" >/dev/null
COUNTS="$(call GET "$T/api/tasks?planId=$PLAN_ID&size=1")"
say "demo activity: $(jq -r '.countsByLight | "红 \(.RED) · 黄 \(.YELLOW) · 绿 \(.GREEN)"' <<<"$COUNTS") (labelled 演示数据)"
TODAY="$(call GET "$T/api/plans/$PLAN_ID/status" | jq -r .asOf)"
in_days() { date -d "$TODAY + $1 days" +%F; }

LINA="$(login li.na)"
ZHANG="$(login zhang.wei)"
WANG="$(login wang.fang)"
ZHOU="$(login zhou.qiang)"
ZHAO="$(login zhao.min)"

# --- 任务交办: tasks assigned but not yet accepted; one of them to 海淀区 so that li.na has one to accept ---------
ASSIGNED="$(call GET "$T/api/tasks?planId=$PLAN_ID&status=ASSIGNED&size=5")"
FIRST="$(jq -r '.items[0].id // empty' <<<"$ASSIGNED")"
[ -n "$FIRST" ] || die "the demo left no task waiting for acceptance"
VERSION="$(jq -r '.items[0].version' <<<"$ASSIGNED")"
call PUT "$T/api/tasks/$FIRST/assignment" "${JSON[@]}" -H "If-Match: W/\"$VERSION\"" \
  --data "$(jq -c '.items[0] | {leadDepartmentCode: "haidian", coDepartmentCodes: .coDepartmentCodes, dueDate: .dueDate}' <<<"$ASSIGNED")" >/dev/null
for id in $(jq -r '.items[].id' <<<"$ASSIGNED"); do
  lead="$(call GET "$T/api/tasks/$id" | jq -r .leadDepartmentCode)"
  call POST "$W/api/assignments" "${JSON[@]}" --data "{\"taskId\":$id,\"departmentCode\":\"$lead\"}" >/dev/null
  say "task $id waits in the inbox of $lead for acceptance"
done

# --- tasks already accepted: choose by light, so that the demo shows every colour ----------------------------
ACCEPTED="$(call GET "$T/api/tasks?planId=$PLAN_ID&status=ACCEPTED&size=500")"
# pick VAR WHAT JQ_FILTER [optional] — VAR := the first accepted task, not yet picked, with an open milestone, that
# JQ_FILTER selects ($today and $demo, the demo users' departments, are bound); none: stop, or return 1 if optional
USED='[]'
pick() {
  local var="$1" what="$2" filter="$3" id
  id="$(jq -r --argjson used "$USED" --argjson demo "$DEMO_USERS_DEPARTMENTS" --arg today "$TODAY" \
    "[.items[] | select(.id as \$i | \$used | index(\$i) | not) | select(any(.milestones[]; .status != \"DONE\")) | $filter][0].id // empty" <<<"$ACCEPTED")"
  if [ -z "$id" ]; then [ -n "${4:-}" ] && return 1; die "the demo activity left no accepted task for $what"; fi
  USED="$(jq -c --argjson id "$id" '. + [$id]' <<<"$USED")"
  printf -v "$var" '%s' "$id"
}
task_of() { jq -c --argjson id "$1" '.items[] | select(.id == $id)' <<<"$ACCEPTED"; }
# the open milestone due first
first_open() { task_of "$1" | jq -r '[.milestones[] | select(.status != "DONE")] | sort_by(.dueDate) | .[0].id'; }

# 海淀区 leads four tasks: the supervisor hands them over (改派; the former lead becomes a co-department).
# Late (红), due within 30 days (黄) and on time (绿); a task naming 中关村科学城 is preferred for the late one.
NOT_OURS='(.leadDepartmentCode as $l | $demo | index($l)) == null'
LATE="select(.light == \"RED\" and $NOT_OURS and any(.milestones[]; .status != \"DONE\" and .dueDate > \$today))"
pick HD_RED 'haidian (late)' "$LATE | select((.title + \" \" + (.sourceText // \"\")) | test(\"中关村科学城\"))" optional \
  || pick HD_RED 'haidian (late)' "$LATE" optional \
  || pick HD_RED 'haidian (late)' "select(.light == \"RED\" and $NOT_OURS)"
HAIDIAN_CO='(.coDepartmentCodes | index("haidian"))'
pick HD_YELLOW 'haidian (due soon)' "select(.light == \"YELLOW\" and $NOT_OURS and $HAIDIAN_CO)" optional \
  || pick HD_YELLOW 'haidian (due soon)' "select(.light == \"YELLOW\" and $NOT_OURS)"
pick HD_GREEN 'haidian (on time)' "select(.light == \"GREEN\" and $NOT_OURS and $HAIDIAN_CO)" optional \
  || pick HD_GREEN 'haidian (on time)' "select(.light == \"GREEN\" and $NOT_OURS)"
for id in "$HD_RED" "$HD_YELLOW" "$HD_GREEN"; do
  t="$(task_of "$id")"
  call PUT "$T/api/tasks/$id/assignment" "${JSON[@]}" -H "If-Match: W/\"$(jq -r .version <<<"$t")\"" \
    --data "$(jq -c '{leadDepartmentCode: "haidian", coDepartmentCodes: ((.coDepartmentCodes - ["haidian"]) + [.leadDepartmentCode]), dueDate}' <<<"$t")" >/dev/null
  say "task $id ($(jq -r .reference <<<"$t"), $(jq -r .light <<<"$t")) handed to haidian; $(jq -r .leadDepartmentCode <<<"$t") now co-operates"
done
# 海淀区 as a co-department of a task someone else leads: a sub-report to contribute
pick HD_CO 'haidian (co-department)' "select(.light != \"GREEN\" and $NOT_OURS and $HAIDIAN_CO)" optional \
  || pick HD_CO 'haidian (co-department)' "select($NOT_OURS and $HAIDIAN_CO)"
# reports that will wait for the supervisor: stc-zgc with drc (sub-report consolidated), stc-zgc late, eit late
# (the demo activity's random draws decide the lights: each pick falls back to a wider choice)
STC_DRC='.leadDepartmentCode == "stc-zgc" and (.coDepartmentCodes | index("drc"))'
pick REV_CONS 'stc-zgc with drc' "select($STC_DRC and .light == \"YELLOW\")" optional \
  || pick REV_CONS 'stc-zgc with drc' "select($STC_DRC and .light != \"GREEN\")" optional \
  || pick REV_CONS 'stc-zgc with drc' "select($STC_DRC)"
pick REV_LATE 'stc-zgc (late)' 'select(.leadDepartmentCode == "stc-zgc" and .light == "RED")' optional \
  || pick REV_LATE 'stc-zgc' 'select(.leadDepartmentCode == "stc-zgc")'
pick REV_EIT 'eit (late)' 'select(.leadDepartmentCode == "eit" and .light != "GREEN")' optional \
  || pick REV_EIT 'eit' 'select(.leadDepartmentCode == "eit")'

# 节点填报与审核: one process per open milestone of these tasks
declare -A PI_OF # milestone id -> process instance
for id in "$HD_RED" "$HD_YELLOW" "$HD_GREEN" "$HD_CO" "$REV_CONS" "$REV_LATE" "$REV_EIT"; do
  tracked="$(call POST "$W/api/milestone-trackings" "${JSON[@]}" --data "{\"taskId\":$id}")"
  while read -r m pi; do PI_OF[$m]="$pi"; done < <(jq -r '.milestones[] | "\(.milestoneId) \(.processInstanceId)"' <<<"$tracked")
  say "task $id: milestone tracking for $(jq '.milestones | length' <<<"$tracked") open milestone(s)"
done

# item_of TOKEN PROCESS_INSTANCE KIND -> the caller's open item of that kind in that process
item_of() {
  call_as "$1" GET "$W/api/milestone-items?processInstanceId=$2" | jq -r --arg k "$3" '[.[] | select(.kind == $k)][0].id // empty'
}
evidence() { # TOKEN MILESTONE_ID -> the id of a small demo evidence file uploaded to it
  local f
  f="$(mktemp --suffix=.txt)"
  printf '演示数据（非真实材料）：节点 %s 的阶段成果说明。\n' "$2" > "$f"
  call_as "$1" POST "$T/api/milestones/$2/evidence" -F "file=@$f;filename=演示数据-阶段成果说明.txt;type=text/plain" | jq -r .id
  rm -f "$f"
}
report() { # TOKEN MILESTONE_ID PERCENT TEXT [CONSOLIDATED_KEYS_JSON]
  local pi item ev
  pi="${PI_OF[$2]}"
  item="$(item_of "$1" "$pi" REPORT)"
  [ -n "$item" ] || die "no report item for milestone $2"
  ev="$(evidence "$1" "$2")"
  call_as "$1" POST "$W/api/milestone-items/$item/report" "${JSON[@]}" \
    --data "$(jq -nc --arg text "$4" --argjson p "$3" --argjson ev "$ev" --argjson cons "${5:-[]}" \
      '{text: $text, percent: $p, evidenceIds: [$ev], consolidates: $cons}')" >/dev/null
}

# 王芳 (drc) contributes her sub-report; 张伟 (stc-zgc) consolidates it into the lead report
M_CONS="$(first_open "$REV_CONS")"
SUB_ITEM="$(item_of "$WANG" "${PI_OF[$M_CONS]}" SUB_REPORT)"
[ -n "$SUB_ITEM" ] || die "no sub-report item of drc for milestone $M_CONS"
call_as "$WANG" POST "$W/api/milestone-items/$SUB_ITEM/sub-report" "${JSON[@]}" \
  --data '{"text":"（演示数据）市发展改革委已完成配合事项：相关项目纳入年度重点项目清单，资金渠道已落实。","percent":100,"evidenceIds":[]}' >/dev/null
LEAD_ITEM="$(item_of "$ZHANG" "${PI_OF[$M_CONS]}" REPORT)"
sub_recorded() { [ "$(call_as "$ZHANG" GET "$W/api/milestone-items/$LEAD_ITEM" | jq '.subReports | length')" -ge 1 ]; }
wait_until "recording drc's sub-report" 60 sub_recorded
KEYS="$(call_as "$ZHANG" GET "$W/api/milestone-items/$LEAD_ITEM" | jq -c '[.subReports[].reportKey]')"
report "$ZHANG" "$M_CONS" 90 '（演示数据）节点工作基本完成：实施方案已印发，首批项目已落地；汇总了市发展改革委的配合报送。' "$KEYS"
report "$ZHANG" "$(first_open "$REV_LATE")" 70 '（演示数据）受场地交付推迟影响节点滞后，目前主体工作完成约七成，预计一个月内完成。'
report "$ZHOU" "$(first_open "$REV_EIT")" 85 '（演示数据）节点主要工作已完成，正在整理验收材料。'
reviews_waiting() {
  [ "$(call GET "$W/api/inbox?size=100&processKey=milestone-reporting" | jq '[.items[] | select(.activityId == "reviewReport")] | length')" -ge 3 ]
}
wait_until "three milestone reports reaching the supervisor's review" 90 reviews_waiting
say "three milestone reports wait for the supervisor's review (stc-zgc ×2, eit)"

# 催办: the supervising office chases 海淀区's late milestone (the ladder skips rungs already past when tracking starts)
M_LATE="$(task_of "$HD_RED" | jq -r --arg today "$TODAY" '[.milestones[] | select(.status != "DONE" and .dueDate < $today)] | sort_by(.dueDate) | .[0].id')"
call POST "$W/api/milestone-trackings/${PI_OF[$M_LATE]}/chase" >/dev/null
say "chen.jing chases haidian (催办) for its late milestone $M_LATE of task $HD_RED"

# 动态调整: 李娜 asks to move her late milestones, a month apart and in their order
MOVES="$(task_of "$HD_RED" | jq -c --arg today "$TODAY" '($today | strptime("%Y-%m-%d") | mktime) as $t
  | [.milestones[] | select(.status != "DONE" and .dueDate < $today)] | sort_by(.dueDate) | to_entries
  | map({key: (.value.id | tostring), value: ($t + 86400 * 30 * (.key + 1) | strftime("%Y-%m-%d"))}) | from_entries')"
call_as "$LINA" POST "$W/api/adjustments" "${JSON[@]}" --data "$(jq -nc --argjson moves "$MOVES" --argjson t "$HD_RED" \
  '{taskId: $t, reasonCategory: "RESOURCE_CHANGE",
    justification: "（演示数据）承接单位调整、配套资金到位晚于预期，申请将逾期节点的完成时限顺延。", milestoneDueDates: $moves}')" >/dev/null
say "li.na asks to move the late milestones of task $HD_RED ($(jq -r 'to_entries | map("\(.key) → \(.value)") | join(", ")' <<<"$MOVES")): waits for the supervisor"

# --- 规划实施评估: the mid-term evaluation by 首都科技评估中心 (kjpg) ---------------------------------------
LAUNCHED="$(call POST "$W/api/evaluations" "${JSON[@]}" --data "$(jq -nc --argjson plan "$PLAN_ID" --arg due "$(in_days 14)" \
  '{planId: $plan, kind: "MID_TERM", periodFrom: "2021-01-01", periodTo: "2023-12-31", organisation: "kjpg", selfAssessmentDue: $due}')")"
EVAL_PI="$(jq -r .processInstanceId <<<"$LAUNCHED")"
evaluation_created() { [ "$(call GET "$W/api/evaluations/$EVAL_PI" | jq -r .phase)" = SELF_ASSESSMENT ]; }
wait_until "creating the evaluation in task-service" 90 evaluation_created
EVAL_ID="$(call GET "$W/api/evaluations/$EVAL_PI" | jq -r .evaluationId)"
say "mid-term evaluation $EVAL_ID launched for kjpg; self-assessments due $(in_days 14)"
for who in ZHANG WANG ZHOU; do
  bearer="${!who}"
  item="$(call_as "$bearer" GET "$W/api/evaluation-items?processInstanceId=$EVAL_PI" | jq -r '[.[] | select(.kind == "SELF_ASSESSMENT")][0].id // empty')"
  [ -n "$item" ] || die "no self-assessment item for $who"
  call_as "$bearer" POST "$W/api/evaluation-items/$item/self-assessment" "${JSON[@]}" --data '{
    "summary": "（演示数据）本部门牵头和配合的任务总体按计划推进，阶段目标基本实现。",
    "achievements": "（演示数据）重点项目按期落地，配套政策陆续出台，创新主体活力增强。",
    "problems": "（演示数据）个别节点受外部因素影响滞后，跨部门协同仍需加强。",
    "nextSteps": "（演示数据）倒排工期、加强调度，对滞后节点逐项督办。"}' >/dev/null
done
self_assessments_in() {
  [ "$(call_as "$ZHAO" GET "$T/api/evaluations/$EVAL_ID/self-assessments" | jq '[.[] | select(.status == "SUBMITTED")] | length')" -ge 3 ]
}
wait_until "recording three self-assessments" 90 self_assessments_in
say "self-assessments in: stc-zgc, drc, eit; the other departments' are missing"

# --- 末期评估: the final evaluation of the 14th plan (2021–2025), by kjpg, approved and published ----------------
# Submitting the report closes the departments' self-assessments, so this one asks nobody's inbox for long.
pick FIN_RED 'the final evaluation (a task behind schedule)' 'select(.light == "RED")'
INDICATORS="$(call GET "$T/api/plans/$PLAN_ID/indicators")"
FIN_INDICATOR="$(jq -r '[.[] | select(.assessment.outlook == "UNLIKELY" or .assessment.outlook == "MISSED")][0].id // empty' <<<"$INDICATORS")"
[ -n "$FIN_INDICATOR" ] || die "the demo activity left no indicator unlikely to be met"
LAUNCHED="$(call POST "$W/api/evaluations" "${JSON[@]}" --data "$(jq -nc --argjson plan "$PLAN_ID" --arg due "$(in_days 14)" \
  '{planId: $plan, kind: "FINAL", periodFrom: "2021-01-01", periodTo: "2025-12-31", organisation: "kjpg", selfAssessmentDue: $due}')")"
FINAL_PI="$(jq -r .processInstanceId <<<"$LAUNCHED")"
final_created() { [ "$(call GET "$W/api/evaluations/$FINAL_PI" | jq -r .phase)" = SELF_ASSESSMENT ]; }
wait_until "creating the final evaluation in task-service" 90 final_created
FINAL_ID="$(call GET "$W/api/evaluations/$FINAL_PI" | jq -r .evaluationId)"
CHAPTERS="$(call_as "$ZHAO" GET "$T/api/plans/$PLAN_ID/outline" | jq -c '[.chapters[] | select(.context | not) | .number]')"
call_as "$ZHAO" PUT "$T/api/evaluations/$FINAL_ID/scores" "${JSON[@]}" --data "$(call_as "$ZHAO" GET "$T/api/evaluations/$FINAL_ID" \
  | jq -c --argjson ch "$CHAPTERS" --argjson ind "$(jq -c '[.[].id | tostring]' <<<"$INDICATORS")" \
    '[.rubric.criteria[] as $c | (if $c.subjectKind == "CHAPTER" then $ch else $ind end)[] as $s
      | {subjectKind: $c.subjectKind, subjectRef: $s, criterion: $c.code, score: (($c.maxScore * 8 | floor) / 10), comment: "（演示数据）进展基本符合预期"}]')" >/dev/null
call_as "$ZHAO" PUT "$T/api/evaluations/$FINAL_ID/findings" "${JSON[@]}" --data '{
  "findings": "（演示数据）规划实施总体完成，国际科技创新中心基本形成；个别重大项目建设滞后，部分指标与目标仍有差距。",
  "recommendations": "（演示数据）滞后任务纳入接续规划继续推进，指标在接续规划中以末期数值为基数接续监测。"}' >/dev/null
call_as "$ZHAO" PUT "$T/api/evaluations/$FINAL_ID/finding-items" "${JSON[@]}" --data "$(jq -nc --argjson t "$FIN_RED" --argjson i "$FIN_INDICATOR" '{items: [
  {text: "（演示数据）规划实施总体完成，多数任务按期落地。"},
  {text: "（演示数据）该任务节点滞后，建议顺延时限并加强调度。", taskId: $t},
  {text: "（演示数据）该指标与目标差距较大，规划期内难以实现。", indicatorId: $i}]}')" >/dev/null
call_as "$ZHAO" POST "$T/api/evaluations/$FINAL_ID/reports" >/dev/null
final_item() { call_as "$1" GET "$W/api/evaluation-items?processInstanceId=$FINAL_PI" | jq -r --arg k "$2" '[.[] | select(.kind == $k)][0].id // empty'; }
report_item_open() { [ -n "$(final_item "$ZHAO" REPORT)" ]; }
wait_until "kjpg's report item of the final evaluation" 60 report_item_open
call_as "$ZHAO" POST "$W/api/evaluation-items/$(final_item "$ZHAO" REPORT)/submission" >/dev/null
review_item_open() { [ -n "$(final_item "$SUPERVISOR" REVIEW)" ]; }
wait_until "chen.jing's review of the final evaluation" 60 review_item_open
call POST "$W/api/evaluation-items/$(final_item "$SUPERVISOR" REVIEW)/review" "${JSON[@]}" --data '{"decision":"APPROVE"}' >/dev/null
final_published() { [ "$(call GET "$T/api/evaluations/$FINAL_ID" | jq -r .status)" = PUBLISHED ]; }
wait_until "publishing the final evaluation" 90 final_published
# 调整建议: the indicator's is declined with the reason; the task's is left for chen.jing
PROPOSALS="$(call GET "$T/api/evaluations/$FINAL_ID/proposals")"
DECLINED="$(jq -r --argjson i "$FIN_INDICATOR" '[.[] | select(.indicatorId == $i)][0].id // empty' <<<"$PROPOSALS")"
[ -n "$DECLINED" ] || die "the final evaluation's finding about indicator $FIN_INDICATOR raised no proposal"
# decided as chen.jing would, through her 调整建议 item (opened once the approval was recorded)
proposal_item() { call GET "$W/api/proposal-items" | jq -r --argjson p "$1" '[.[] | select(.proposalId == $p)][0].id // empty'; }
declined_item_open() { [ -n "$(proposal_item "$DECLINED")" ]; }
wait_until "chen.jing's 调整建议 items" 60 declined_item_open
call POST "$W/api/proposal-items/$(proposal_item "$DECLINED")/decision" "${JSON[@]}" \
  --data '{"decision":"DECLINE","reason":"（演示数据）规划期已结束，不再调整本规划；该指标在接续规划中接续监测。"}' >/dev/null
declined_recorded() { [ "$(call GET "$T/api/evaluation-proposals/$DECLINED" | jq -r .status)" = DECLINED ]; }
wait_until "recording the declined proposal" 60 declined_recorded
say "final evaluation $FINAL_ID approved and published; $(jq length <<<"$PROPOSALS") proposal(s): $DECLINED declined, the rest open for chen.jing"

# --- 接续规划: the successor plan (docs/plans/demo-successor-sti-plan.html, 演示数据), linked at import -------------
SUCCESSOR="$(call POST "$T/api/plan-imports?name=$(basename "$SUCCESSOR_PLAN")&predecessorId=$PLAN_ID" \
  -H 'Content-Type: text/html' --data-binary "@$SUCCESSOR_PLAN")"
SUCC_ID="$(jq -r .plan.id <<<"$SUCCESSOR")"
call POST "$T/api/plans/$SUCC_ID/confirmation" -H "If-Match: W/\"$(jq -r .plan.version <<<"$SUCCESSOR")\"" >/dev/null
# 结转: three accepted tasks the demo's processes do not use are carried, a fourth closed with the reason
OPEN_TASKS="$(call GET "$T/api/plans/$SUCC_ID/succession" | jq -c --argjson used "$USED" \
  '[.unfinished[] | select(.status == "ACCEPTED" and (.id as $i | $used | index($i) | not))]')"
[ "$(jq length <<<"$OPEN_TASKS")" -ge 4 ] || die "the 14th plan has fewer than four unfinished tasks to carry over"
call POST "$T/api/plans/$SUCC_ID/carry-over" "${JSON[@]}" --data "$(jq -c '{items: ([.[0:3][] | {taskId: .id, action: "CARRY"}]
  + [{taskId: .[3].id, action: "CLOSE", reason: "（演示数据）任务目标已由其他任务覆盖，不再结转。"}])}' <<<"$OPEN_TASKS")" >/dev/null
call POST "$T/api/plans/$SUCC_ID/indicator-continuations" "${JSON[@]}" --data '{}' >/dev/null
call POST "$T/api/plans/$SUCC_ID/disclosures" >/dev/null
say "successor plan $SUCC_ID linked to $PLAN_ID: 3 tasks carried over, 1 closed, indicators continued from the 14th plan's latest values"

# --- 定期公布: the status as of today, and a quarterly schedule (the last step: a second run checks for it) ----
call PUT "$T/api/plans/$PLAN_ID/disclosure-schedule" "${JSON[@]}" --data '{"interval":"QUARTERLY","enabled":true}' >/dev/null
call POST "$T/api/plans/$PLAN_ID/disclosures" >/dev/null
say "the plan's status published; quarterly disclosure scheduled"
finish
