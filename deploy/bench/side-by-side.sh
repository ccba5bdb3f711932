#!/usr/bin/env bash
# Luoshi and the peer (Camunda 7.24 REST on Spring Boot, ../shared/bench/camunda-rest) measured in ONE window on the
# same PostgreSQL cluster with the same scenarios (S1 start, S2 full cycle, S3 inbox), so that a busy machine slows
# both alike. Every scenario line is JSON, appended to $OUT with system=luoshi|peer; server CPU seconds per scenario
# come from /proc of the JVMs (both Luoshi services summed), which a shared machine disturbs far less than throughput.
#
#   deploy/bench/side-by-side.sh                       pg build-peer start fixture rounds down   (~15 min on 2 cores)
#   deploy/bench/side-by-side.sh start rounds down     any subset, in this order; `down` stops what this script started
#   deploy/bench/side-by-side.sh start-counts          Luoshi: per S1 start, the requests, table accesses, rows written
#                                                      and statements (BENCH_PG_STATEMENTS=1 at `pg`) in both databases,
#                                                      and server CPU: COUNT_N (200) starts minus one start
#   deploy/bench/side-by-side.sh luoshi-fresh fixture start-counts down   the same on fresh databases, without the peer
#   deploy/bench/side-by-side.sh cycle-counts          Luoshi: the same per S2 full cycle (its start and the driver's polls
#                                                      for the asynchronous tail included): COUNT_N cycles minus one
#   deploy/bench/side-by-side.sh start-variants        Luoshi: S1 with the one-request start and the earlier two requests
#                                                      (LUOSHI_START=two), alternating, ROUNDS each (on running services)
#   deploy/bench/side-by-side.sh bulk                  Luoshi: the bulk start of tracking (bulk_start.py), on running services
#   deploy/bench/side-by-side.sh scale                 both at SCALE_N open items (Luoshi: bulk paths on the fixture's plans;
#                                                      peer: the driver's S3 seeding), each timed; then S2 and S3 on both
#   deploy/bench/side-by-side.sh s2-statements         Luoshi: S2 with pg_stat_statements reset before and read after:
#                                                      each statement's calls, mean time, blocks per call (STMT_TAG, STMT_TOP)
#   deploy/bench/side-by-side.sh s2-nomail             Luoshi: S2 with the mailer mocked, then with it again (mail cost)
#   deploy/bench/side-by-side.sh footprint             Luoshi: ready time and RSS per JVM flag set (FOOTPRINT_SETS, LEAN_OPTS;
#                                                      a set ending in " cds" uses a class-data-sharing archive; the set
#                                                      `defaults` is deploy/bin/jvm-opts.sh's with its archive)
#   deploy/bench/side-by-side.sh ready-flags           Luoshi: CPU and wall time until ready per JIT flag set (READY_SETS, READY_N
#                                                      interleaved rounds), each service alone and both started at once
#   deploy/bench/side-by-side.sh ready                 Luoshi: time and CPU until ready on a restart, both at once, with the
#                                                      archive: READY_N rounds per jar set (READY_JARS) and flag set
#                                                      (READY_SETS), each thread group's CPU at ready, medians
#   deploy/bench/side-by-side.sh steady-flags          Luoshi: steady-state CPU per start and per cycle per flag set (READY_SETS),
#                                                      a long warm-up and STEADY_ROUNDS measured, the sets run forwards then back
#   deploy/bench/side-by-side.sh pg table down         issue 15's table from one window: TABLE_PHASES into a fresh
#                                                      results/table-<time>.jsonl, then table.py prints the table
#   deploy/bench/side-by-side.sh pg-stop               stop the bench's own PostgreSQL cluster
#
# What it starts, all its own: a PostgreSQL cluster (deploy/bin/postgres.sh, instance `bench`, port BENCH_PGPORT, data
# under $LUOSHI_CACHE) holding luoshi_task_bench, luoshi_workflow_bench and peer_camunda (role peer); task-service
# (TASK_PORT) and workflow-service (WF_PORT) from the jars `./mvnw package` builds, in their prod profile; the peer
# (PEER_PORT) from PEER_DIR. Keycloak is NOT started: KEYCLOAK_URL must serve the demo realm `luoshi` (tokens for the
# driver and the services).
# The scenarios are the shared driver's (PEER_DIR/../load/peerload.py, stdlib Python 3.11); Luoshi's side of them is
# this folder's luoshi_adapter.py, which the driver loads instead of its own copy (see drive()).
# Knobs: KEYCLOAK_URL (http://localhost:8180), PEER_DIR (../shared/bench/camunda-rest beside the checkout),
# BENCH_PGPORT (15486), TASK_PORT (28186), WF_PORT (28187), PEER_PORT (29086), JAVA_OPTS (-Xmx512m: the peer's JVM,
# and Luoshi's when LUOSHI_JVM=java-opts), LUOSHI_JVM (defaults: each service with deploy/bin/jvm-opts.sh's flags, as
# ./luoshi.sh run starts them, LUOSHI_CDS=1 adds their class-data archive; java-opts: JAVA_OPTS), LUOSHI_JAVA_OPTS (extra flags for
# Luoshi's JVMs only), LUOSHI_JAVA (java on the PATH: the java command of Luoshi's JVMs, e.g. another JDK's bin/java), TABLE_PHASES (start fixture rounds), PLANS (10), WARM_N (500), WARM_CYCLES (30), S1_N (1000),
# S2_CYCLES (200), C (4), S3_K (0 = skip S3; else the open items to top up to, per system), BULK_PLANS (2),
# BULK_PER_TASK (4), ROUNDS (2), SCALE_N (200000),
# READY_JARS, READY_SETS, READY_N (3), CDS_DIR (where the class-data archives are: $STATE/cds; the ready phase one per jar set),
# OUT (deploy/bench/results/raw.jsonl), JARS (the checkout: where the services' target/quarkus-app folders are).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
export LUOSHI_CACHE="${LUOSHI_CACHE:-$REPO/.cache}"
KEYCLOAK_URL="${KEYCLOAK_URL:-http://localhost:8180}"
PEER_DIR="${PEER_DIR:-$(cd "$REPO/.." && pwd)/shared/bench/camunda-rest}"
BENCH_PGPORT="${BENCH_PGPORT:-15486}"
TASK_PORT="${TASK_PORT:-28186}"
WF_PORT="${WF_PORT:-28187}"
PEER_PORT="${PEER_PORT:-29086}"
JAVA_OPTS="${JAVA_OPTS:--Xmx512m}"
LUOSHI_JAVA_OPTS="${LUOSHI_JAVA_OPTS:-}"
LUOSHI_JVM="${LUOSHI_JVM:-defaults}"
# the phases whose lines make issue 15's table (table.py); a phase appended here (e.g. `scale`) joins the window
TABLE_PHASES="${TABLE_PHASES:-start fixture rounds}"
# the footprint phase's lean set: a smaller heap (live data stays under 150 MB: deploy/k8s), the serial collector (no
# parallel GC threads or G1 remembered sets on 1-2 cores), capped metaspace and code cache, smaller thread stacks
LEAN_OPTS="${LEAN_OPTS:--Xmx256m -XX:+UseSerialGC -XX:MaxMetaspaceSize=192m -XX:ReservedCodeCacheSize=64m -Xss512k}"
PLANS="${PLANS:-10}"
C="${C:-4}"
OUT="${OUT:-$HERE/results/raw.jsonl}"
JARS="${JARS:-$REPO}"   # where task-service/target/quarkus-app and workflow-service/… are (e.g. a copy of an older build)
export LUOSHI_REPO="$REPO"  # the driver's fixture reads the seed plan from docs/plans
STATE="$LUOSHI_CACHE/bench-state"
TASK_DB=luoshi_task_bench
WF_DB=luoshi_workflow_bench
PEER_DB=peer_camunda
PHASES=("$@")
[ ${#PHASES[@]} -gt 0 ] || PHASES=(pg build-peer start fixture rounds down)

die() { echo "side-by-side: $*" >&2; exit 1; }
for tool in jq curl python3 java; do command -v $tool >/dev/null || die "$tool is needed"; done
mkdir -p "$STATE" "$(dirname "$OUT")"

pg() { PGPORT="$BENCH_PGPORT" POSTGRES_INSTANCE=bench TASK_DB=$TASK_DB WORKFLOW_DB=$WF_DB "$REPO/deploy/bin/postgres.sh" "$@"; }
sql() { pg psql -v ON_ERROR_STOP=1 -qAt "$@"; }
record() { jq -c --arg sys "$1" --arg tag "$TAG" '{system: $sys, tag: $tag} + .' | tee -a "$OUT"; }

pid_of() { cat "$STATE/$1.pid" 2>/dev/null; }
alive() { local p; p=$(pid_of "$1") && kill -0 "$p" 2>/dev/null; }
rss_of() { echo $(( $(ps -o rss= -p "$1") / 1024 )); }
cpu_of() { awk '{printf "%.2f", ($14 + $15) / 100}' "/proc/$1/stat"; }

# NAME PORT READY_PATH COMMAND… -> {"ready_ms", "ready_cpu_s", "pid"}: started in its own session, ready at the first
# 200 of READY_PATH; ready_cpu_s is the CPU the JVM spent until then (a busy machine stretches ready_ms, hardly this)
launch() {
  local name=$1 port=$2 ready=$3 t0 pid
  shift 3
  alive "$name" && die "$name of the bench runs already (side-by-side.sh down)"
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && die "port $port is taken"
  t0=$(date +%s%N)
  setsid nohup "$@" >"$STATE/$name.log" 2>&1 </dev/null &
  pid=$!
  echo "$pid" >"$STATE/$name.pid"
  until curl -fs -o /dev/null "http://127.0.0.1:$port$ready"; do
    kill -0 "$pid" 2>/dev/null || { tail -n 30 "$STATE/$name.log" >&2; die "$name exited; log $STATE/$name.log"; }
    [ $(( ($(date +%s%N) - t0) / 1000000000 )) -lt 240 ] || die "$name not ready in 240 s; log $STATE/$name.log"
    sleep 0.05
  done
  echo "{\"ready_ms\": $(( ($(date +%s%N) - t0) / 1000000 )), \"ready_cpu_s\": $(cpu_of "$pid"), \"pid\": $pid}"
}

stop() {
  local pid
  pid=$(pid_of "$1") || return 0
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid"
    for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  fi
  rm -f "$STATE/$1.pid"
}

source "$REPO/deploy/bench/luoshi-env.sh"

luoshi_opts() {  # NAME -> the JVM flags of that service: deploy/bin/jvm-opts.sh's, or JAVA_OPTS (LUOSHI_JVM=java-opts)
  if [ "$LUOSHI_JVM" = defaults ]; then
    "$REPO/deploy/bin/jvm-opts.sh" "$1" "${LUOSHI_CDS:+${CDS_DIR:-$STATE/cds}}" "$JARS/$1/target/quarkus-app"
  else
    echo "$JAVA_OPTS"
  fi
}

luoshi_start() {  # NAME PORT -> {"ready_ms", "pid"}
  [ -f "$JARS/$1/target/quarkus-app/quarkus-run.jar" ] || die "no $1 jar: ./mvnw -B package -DskipTests -pl $1 -am"
  # shellcheck disable=SC2046,SC2086
  launch "$1" "$2" /q/health/ready env "${luoshi_env[@]}" "${LUOSHI_JAVA:-java}" $(luoshi_opts "$1") $LUOSHI_JAVA_OPTS \
    -Dquarkus.http.port="$2" -jar "$JARS/$1/target/quarkus-app/quarkus-run.jar"
}

luoshi_up() {  # task-service, then workflow-service (it reads task-service at run time, not at start)
  local t w
  t=$(luoshi_start task-service "$TASK_PORT")
  w=$(luoshi_start workflow-service "$WF_PORT")
  jq -nc --argjson t "$t" --argjson w "$w" \
    --arg opts "task-service: $(luoshi_opts task-service) $LUOSHI_JAVA_OPTS; workflow-service: $(luoshi_opts workflow-service) $LUOSHI_JAVA_OPTS" \
    '{event: "start", task_ready_ms: $t.ready_ms, workflow_ready_ms: $w.ready_ms, task_ready_cpu_s: $t.ready_cpu_s,
      workflow_ready_cpu_s: $w.ready_cpu_s, java_opts: $opts}'
}

# PID -> {"thread group": CPU seconds, …}: the JVM's threads' utime + stime from /proc/<pid>/task/*/stat, summed by name
# with the digits dropped (C1 CompilerThre, C2 CompilerThre, main, vert.x-eventloop-thread-, executor-thread-, …)
threads_cpu() {
  python3 - "$1" <<'PY'
import glob, json, re, sys
cpu = {}
for task in glob.glob(f"/proc/{sys.argv[1]}/task/*"):
    try:
        name = re.sub(r"[0-9]+$", "", open(f"{task}/comm").read().strip()) or "?"
        fields = open(f"{task}/stat").read().rsplit(")", 1)[1].split()
    except OSError:
        continue
    cpu[name] = cpu.get(name, 0) + (int(fields[11]) + int(fields[12])) / 100
print(json.dumps({k: round(v, 2) for k, v in sorted(cpu.items(), key=lambda kv: -kv[1]) if v >= 0.01}))
PY
}

# NAME PORT -> luoshi_start's line + {"threads": threads_cpu at ready}
luoshi_start_threads() {
  local line
  line=$(luoshi_start "$1" "$2")
  jq -c --argjson th "$(threads_cpu "$(jq .pid <<<"$line")")" '. + {threads: $th}' <<<"$line"
}

luoshi_cds_up() {  # luoshi_up with {name} in the JVM flags replaced by each service's name (its own CDS archive)
  local all="$JAVA_OPTS $LUOSHI_JAVA_OPTS" t w
  t=$(LUOSHI_JVM=java-opts JAVA_OPTS="${all//\{name\}/task-service}" LUOSHI_JAVA_OPTS= luoshi_start task-service "$TASK_PORT")
  w=$(LUOSHI_JVM=java-opts JAVA_OPTS="${all//\{name\}/workflow-service}" LUOSHI_JAVA_OPTS= luoshi_start workflow-service "$WF_PORT")
  jq -nc --argjson t "$t" --argjson w "$w" --arg opts "$all" \
    '{event: "start", task_ready_ms: $t.ready_ms, workflow_ready_ms: $w.ready_ms, task_ready_cpu_s: $t.ready_cpu_s,
      workflow_ready_cpu_s: $w.ready_cpu_s, java_opts: $opts}'
}

luoshi_up_workflow() {
  luoshi_start workflow-service "$WF_PORT" | jq -c --arg opts "$(luoshi_opts workflow-service) $LUOSHI_JAVA_OPTS" \
    '{event: "start", workflow_ready_ms: .ready_ms, workflow_ready_cpu_s: .ready_cpu_s, java_opts: $opts}'
}

peer_up() {
  [ -f "$PEER_DIR/target/peer-camunda-rest.jar" ] || die "no peer jar: side-by-side.sh build-peer"
  # shellcheck disable=SC2086
  launch peer "$PEER_PORT" /engine-rest/engine java $JAVA_OPTS -jar "$PEER_DIR/target/peer-camunda-rest.jar" \
    --peer.port="$PEER_PORT" --spring.datasource.url="jdbc:postgresql://127.0.0.1:$BENCH_PGPORT/$PEER_DB" \
    | jq -c --arg opts "$JAVA_OPTS" '{event: "start", ready_ms, ready_cpu_s, java_opts: $opts}'
}

usage() {  # SYSTEM -> {"rss_mb", "cpu_s"} summed over its JVMs, and "rss_mb_by_jvm"
  local names=(peer) n r rss=0 cpu=0 each=""
  [ "$1" = luoshi ] && names=(task-service workflow-service)
  for n in "${names[@]}"; do
    r=$(rss_of "$(pid_of "$n")")
    rss=$((rss + r)); cpu=$(echo "$cpu + $(cpu_of "$(pid_of "$n")")" | bc); each="$each${each:+, }\"$n\": $r"
  done
  echo "{\"rss_mb\": $rss, \"cpu_s\": $cpu, \"rss_mb_by_jvm\": {$each}}"
}

jit_cpu() {  # the CPU seconds of the Luoshi JVMs' compiler threads (C1 and C2), summed
  local p t sum=0
  for p in $(pid_of task-service) $(pid_of workflow-service); do
    for t in /proc/"$p"/task/*; do
      grep -q '^C[12] CompilerThre' "$t/comm" 2>/dev/null && sum=$(echo "$sum + $(cpu_of "$p/task/${t##*/}")" | bc)
    done
  done
  echo "$sum"
}

loadavg() { TAG=$1 record machine <<<"{\"event\": \"load\", \"loadavg\": $(cut -d' ' -f1 /proc/loadavg)}"; }

# a Python script with this folder first on the module path, then the shared driver's: this folder's
# luoshi_adapter.py replaces the driver's copy of it
py() {
  python3 -c 'import os, runpy, sys; sys.argv.pop(0); sys.path[:0] = [sys.argv.pop(0), sys.argv.pop(0)]
runpy.run_path(sys.argv[0], run_name="__main__")' "$HERE" "$(dirname "$PEER_DIR")/load" "$@"
}
luoshi_urls=(--base "http://127.0.0.1:$WF_PORT" --task-base "http://127.0.0.1:$TASK_PORT" --keycloak "$KEYCLOAK_URL/realms/luoshi")

# the shared scenarios (peerload.py) against SYSTEM
drive() {
  local system=$1
  shift
  if [ "$system" = luoshi ]; then
    py "$HERE/drive.py" --system luoshi "${luoshi_urls[@]}" "$@"
  else
    py "$HERE/drive.py" --system camunda --base "http://127.0.0.1:$PEER_PORT" "$@"
  fi
}

server_pids() {  # SYSTEM -> its JVMs' pids, comma-separated (drive.py reads their CPU around a scenario's own work)
  if [ "$1" = luoshi ]; then echo "$(pid_of task-service),$(pid_of workflow-service)"; else pid_of peer; fi
}

# SYSTEM SCENARIO ARGS… -> the driver's line + CPU ms per unit where it applies. server_cpu_s is drive.py's: the JVMs'
# CPU from the scenario's first request to its line, without the adapter's set-up (Luoshi's lists every fixture task
# and its milestones first, which grows run after run); server_cpu_s_with_setup is the whole driver run, as before.
measure() {
  local system=$1 before line
  shift
  before=$(usage "$system" | jq .cpu_s)
  line=$(BENCH_SERVER_PIDS=$(server_pids "$system") drive "$system" --tag "$TAG" "$@")
  echo "$line" | jq -c --argjson b "$before" --argjson a "$(usage "$system" | jq .cpu_s)" \
    '. + {server_cpu_s_with_setup: (($a - $b) * 100 | round / 100)}
       | . + {server_cpu_s: (.server_cpu_s // .server_cpu_s_with_setup)}
       | if .cycles then . + {server_cpu_ms_per_cycle: (.server_cpu_s * 1000 / .cycles | round)}
         elif (.n // 0) > 0 then . + {server_cpu_ms_per_start: (.server_cpu_s * 1000 / .n * 10 | round / 10)} else . end' \
    | record "$system"
}

# DB -> {"accesses", "engine_accesses", "inserted", "engine_inserted", "updated", "deleted", "commits", "statements"}
# summed over the database's tables (seq + index scans: a join counts once per table); statements only when the
# cluster loads pg_stat_statements (`start-counts` says so), else null
db_counts() {
  sql -d "$1" -c "select json_build_object(
      'accesses', sum(seq_scan + coalesce(idx_scan, 0)),
      'engine_accesses', sum(seq_scan + coalesce(idx_scan, 0)) filter (where relname like 'act\_%'),
      'inserted', sum(n_tup_ins), 'engine_inserted', sum(n_tup_ins) filter (where relname like 'act\_%'),
      'updated', sum(n_tup_upd), 'deleted', sum(n_tup_del),
      'commits', (select xact_commit from pg_stat_database where datname = current_database()),
      'statements', (select case when exists (select 1 from pg_extension where extname = 'pg_stat_statements')
                     and current_setting('shared_preload_libraries') like '%pg_stat_statements%'
                     then (select sum(calls) from pg_stat_statements s where s.dbid = (select oid from pg_database
                           where datname = current_database())) end))
    from pg_stat_user_tables"
}
counts_of() { jq -nc --argjson t "$(db_counts $TASK_DB)" --argjson w "$(db_counts $WF_DB)" '{task: $t, workflow: $w}'; }

# counted UNIT SCENARIO SIZE-FLAG: one UNIT (start, cycle) of the driver's SCENARIO counted in both databases, with its
# server CPU: COUNT_N units minus one unit (the driver's set-up is the same in both runs and cancels out); the
# counters reach pg_stat_* when a backend flushes them (at the latest ~10 s after its last transaction), hence the sleeps
counted() {
  local unit=$1 scenario=$2 flag=$3 runs=() n c0 c1 line
  TAG=$unit-counts
  for db in $TASK_DB $WF_DB; do sql -d $db -c "create extension if not exists pg_stat_statements" >/dev/null 2>&1 || true; done
  for n in 1 $(( ${COUNT_N:-200} + 1 )); do
    sleep 12; c0=$(counts_of)
    line=$(BENCH_SERVER_PIDS=$(server_pids luoshi) drive luoshi --tag "$TAG" "$scenario" "$flag" "$n" --c "$C")
    sleep 12; c1=$(counts_of)
    runs+=("$(jq -nc --argjson a "$c0" --argjson b "$c1" --argjson l "$line" \
      '{n: ($l.n // $l.cycles), ok: $l.ok, requests: (($l.requests_per_start // $l.requests_per_cycle) * $l.ok), cpu: $l.server_cpu_s,
        task: ($b.task | with_entries(.value = (if .value == null then null else .value - ($a.task[.key] // 0) end))),
        workflow: ($b.workflow | with_entries(.value = (if .value == null then null else .value - ($a.workflow[.key] // 0) end)))}')")
  done
  jq -nc --arg unit "$unit" --argjson one "${runs[0]}" --argjson many "${runs[1]}" '
    def per(k): (($many[k] - $one[k]) / ($many.n - $one.n) * 10 | round / 10);
    def db(d): $many[d] | with_entries(.value = (if .value == null then null
      else ((.value - $one[d][.key]) / ($many.n - $one.n) * 10 | round / 10) end));
    {event: "\($unit)-counts", units: ($many.n - $one.n), ok: ($many.ok - $one.ok),
     "driver_requests_per_\($unit)": per("requests"),
     "server_cpu_ms_per_\($unit)": (($many.cpu - $one.cpu) * 1000 / ($many.n - $one.n) * 10 | round / 10),
     "task_db_per_\($unit)": db("task"), "workflow_db_per_\($unit)": db("workflow")}' | record luoshi
}

for phase in "${PHASES[@]}"; do
  case $phase in
    pg)
      TASK_DB_PASSWORD=luoshi_task_demo WORKFLOW_DB_PASSWORD=luoshi_workflow_demo KEYCLOAK_DB_PASSWORD=luoshi_keycloak_demo pg ensure
      [ "$(sql -c "select 1 from pg_roles where rolname = 'peer'")" = 1 ] || sql -c "CREATE ROLE peer LOGIN PASSWORD 'peer'"
      # BENCH_PG_STATEMENTS=1: the cluster loads pg_stat_statements (start-counts then counts statements too); a
      # restart, once, since the library is loaded at the server's start (postgresql.conf: postgres.sh rewrites the auto.conf)
      if [ "${BENCH_PG_STATEMENTS:-0}" = 1 ] && [ "$(sql -c "show shared_preload_libraries")" != pg_stat_statements ]; then
        data=$(sql -c "show data_directory")
        grep -q pg_stat_statements "$data/postgresql.conf" \
          || echo "shared_preload_libraries = 'pg_stat_statements'  # side-by-side.sh, BENCH_PG_STATEMENTS=1" >>"$data/postgresql.conf"
        pg stop
        TASK_DB_PASSWORD=luoshi_task_demo WORKFLOW_DB_PASSWORD=luoshi_workflow_demo KEYCLOAK_DB_PASSWORD=luoshi_keycloak_demo pg ensure
      fi ;;
    pg-stop) pg stop ;;
    build-peer) (cd "$PEER_DIR" && mvn -q -B package -DskipTests) ;;
    start)  # fresh databases; each system started, first start recorded, restarted, idle RSS 10 s after the restart
      stop workflow-service; stop task-service; stop peer
      for db in "$TASK_DB:luoshi_task" "$WF_DB:luoshi_workflow" "$PEER_DB:peer"; do
        sql -c "DROP DATABASE IF EXISTS ${db%%:*} WITH (FORCE)" -c "CREATE DATABASE ${db%%:*} OWNER ${db##*:}"
      done
      TAG=first-start; luoshi_up | record luoshi; peer_up | record peer
      stop workflow-service; stop task-service; stop peer
      TAG=restart; luoshi_up | record luoshi; peer_up | record peer
      sleep 10
      for s in luoshi peer; do usage $s | jq -c '. + {event: "idle"}' | record $s; done ;;
    fixture)  # Luoshi: PLANS copies of the plan, tasks assigned to synthetic departments and accepted
      TAG=fixture; drive luoshi --tag fixture setup --plans "$PLANS" --plan-doc "$REPO/docs/plans/beijing-14th-fyp-sti-plan.html" | record luoshi ;;
    rounds)  # warm-up (not recorded), then S1 and S2 per system, alternating, twice; RSS after load
      for s in luoshi peer; do drive $s s1 --n "${WARM_N:-500}" --c "$C" >/dev/null; drive $s s2 --cycles "${WARM_CYCLES:-30}" --c "$C" >/dev/null; done
      for round in $(seq 1 "${ROUNDS:-2}"); do
        TAG=round-$round
        for s in luoshi peer; do measure $s s1 --n "${S1_N:-1000}" --c "$C"; measure $s s2 --cycles "${S2_CYCLES:-200}" --c "$C"; done
      done
      if [ "${S3_K:-0}" -gt 0 ]; then
        TAG=s3-${S3_K}
        for s in luoshi peer; do measure $s s3 --k "$S3_K" --seed-c 8; done
      fi
      TAG=after-load; for s in luoshi peer; do usage $s | jq -c '. + {event: "after-load"}' | record $s; done ;;
    luoshi-fresh)  # Luoshi alone on fresh databases (no peer: e.g. before start-counts, or where no peer jar is built)
      stop workflow-service; stop task-service
      for db in "$TASK_DB:luoshi_task" "$WF_DB:luoshi_workflow"; do
        sql -c "DROP DATABASE IF EXISTS ${db%%:*} WITH (FORCE)" -c "CREATE DATABASE ${db%%:*} OWNER ${db##*:}"
      done
      TAG=first-start; luoshi_up | record luoshi ;;
    start-counts)  # Luoshi: one S1 start counted in both databases, and its server CPU: COUNT_N starts minus one start
      # (the driver's set-up is the same in both runs and cancels out). PostgreSQL's counters reach pg_stat_* when a
      # backend flushes them (at the latest ~10 s after its last transaction), hence the sleeps.
      counted start s1 --n ;;
    start-variants)  # Luoshi: S1 with the one-request start and with the earlier two requests (LUOSHI_START=two),
      # alternating in the same window, ROUNDS times each after a warm-up of both: rate and server CPU per start
      for v in two one; do (export LUOSHI_START=$v; drive luoshi s1 --n "${WARM_N:-500}" --c "$C" >/dev/null); done
      for round in $(seq 1 "${ROUNDS:-2}"); do
        for v in two one; do (export LUOSHI_START=$v; TAG=start-$v-$round; measure luoshi s1 --n "${S1_N:-1000}" --c "$C"); done
      done ;;
    cycle-counts)  # Luoshi: one S2 full cycle (its start included, and the driver's polls for the asynchronous tail)
      # counted the same way: COUNT_N cycles minus one cycle
      counted cycle s2 --cycles ;;
    bulk)  # Luoshi: BULK_PLANS new plans, BULK_PER_TASK milestones per task, then one bulk request per plan
      TAG=bulk
      before=$(usage luoshi | jq .cpu_s)
      line=$(py "$HERE/bulk_start.py" "${luoshi_urls[@]}" --plans "${BULK_PLANS:-2}" --per-task "${BULK_PER_TASK:-4}" \
        --plan-doc "$REPO/docs/plans/beijing-14th-fyp-sti-plan.html")
      # the CPU after the script has ended (a $(…) inside the pipe would be read when the pipe starts)
      echo "$line" | jq -c --argjson b "$before" --argjson a "$(usage luoshi | jq .cpu_s)" \
        '. + {server_cpu_s_seeding_and_bulk: (($a - $b) * 100 | round / 100)}' | record luoshi ;;
    scale)  # both systems to SCALE_N open items the way each gets there fastest, timed; then S2 and S3 at that size
      # Luoshi: the fixture's plans (PLANS) topped up through the bulk paths (milestones added in bulk, then one bulk
      # tracking request per plan): real instances, reminder timers, registry rows and inbox items
      TAG=scale-${SCALE_N:-200000}
      before=$(usage luoshi | jq .cpu_s)
      line=$(py "$HERE/bulk_start.py" "${luoshi_urls[@]}" --scale "${SCALE_N:-200000}" --tag "$TAG" \
        --plan-doc "$REPO/docs/plans/beijing-14th-fyp-sti-plan.html")
      echo "$line" | jq -c --argjson b "$before" --argjson a "$(usage luoshi | jq .cpu_s)" \
        '. + {server_cpu_s: (($a - $b) * 100 | round / 100)}
           | . + {server_cpu_ms_per_item: (if .started > 0 then (.server_cpu_s * 1000 / .started * 10 | round / 10) else null end)}' \
        | record luoshi
      # the peer: the shared driver's own seeding (one start per open task, 8 at once), timed by its S3-seed line
      measure peer s3 --k "${SCALE_N:-200000}" --seed-c 8
      for s in luoshi peer; do measure $s s2 --cycles "${S2_CYCLES:-200}" --c "$C"; done
      for s in luoshi peer; do measure $s s3 --k "${SCALE_N:-200000}" --seed-c 8; done ;;
    s2-statements)  # Luoshi: S2 (S2_CYCLES) with pg_stat_statements reset before and read after (BENCH_PG_STATEMENTS=1 at
      # `pg`): per database the STMT_TOP statements by total time, each with calls, mean ms and shared blocks hit per
      # call, so that a small and a large database can be compared statement by statement (what grows with open items)
      TAG=s2-statements${STMT_TAG:+-$STMT_TAG}
      sql -d $WF_DB -c "create extension if not exists pg_stat_statements" -c "select pg_stat_statements_reset()" >/dev/null
      sql -d $TASK_DB -c "create extension if not exists pg_stat_statements" >/dev/null
      wal0=$(sql -c "select json_build_object('wal_bytes', wal_bytes, 'wal_fpi', wal_fpi) from pg_stat_wal")
      measure luoshi s2 --cycles "${S2_CYCLES:-200}" --c "$C"
      sleep 2
      # the cluster's WAL during the run (both databases; full-page images grow with the pages a cycle touches first
      # after a checkpoint, i.e. with the size of the indexes it writes into)
      sql -c "select json_build_object('event', 'wal', 'wal_bytes', wal_bytes - ('$wal0'::json->>'wal_bytes')::numeric,
          'wal_fpi', wal_fpi - ('$wal0'::json->>'wal_fpi')::bigint, 'workflow_db_mb', pg_database_size('$WF_DB') / 1048576,
          'task_db_mb', pg_database_size('$TASK_DB') / 1048576) from pg_stat_wal" | record luoshi
      for db in $TASK_DB $WF_DB; do
        sql -d $db -c "select json_build_object('event', 'statements', 'db', current_database(), 'top', json_agg(t)) from (
          select calls, round(mean_exec_time::numeric, 3) as mean_ms, round(total_exec_time::numeric, 1) as total_ms,
            round(shared_blks_hit::numeric / calls, 1) as hit_per_call, round(shared_blks_read::numeric / calls, 1) as read_per_call,
            round(rows::numeric / calls, 1) as rows_per_call, round(wal_fpi::numeric / calls, 2) as wal_fpi_per_call,
            round(wal_bytes::numeric / calls) as wal_bytes_per_call, left(regexp_replace(query, '\\s+', ' ', 'g'), 400) as query
          from pg_stat_statements where dbid = (select oid from pg_database where datname = current_database())
          order by total_exec_time desc limit ${STMT_TOP:-40}) t" | record luoshi
      done ;;
    s2-nomail)  # Luoshi: S2 again with workflow-service's mailer mocked (no SMTP attempt): what mailing costs a cycle
      stop workflow-service
      TAG=s2-nomail
      LUOSHI_JAVA_OPTS="$LUOSHI_JAVA_OPTS -Dquarkus.mailer.mock=true" luoshi_up_workflow | record luoshi
      measure luoshi s2 --cycles "${S2_CYCLES:-200}" --c "$C"
      stop workflow-service; TAG=s2-mail; luoshi_up_workflow | record luoshi
      measure luoshi s2 --cycles "${S2_CYCLES:-200}" --c "$C" ;;
    footprint)  # Luoshi restarted with each JVM flag set of FOOTPRINT_SETS (| between sets): ready, idle RSS, RSS after S2
      stop workflow-service; stop task-service
      IFS='|' read -ra sets <<<"${FOOTPRINT_SETS:-$JAVA_OPTS|$JAVA_OPTS $LEAN_OPTS|$JAVA_OPTS $LEAN_OPTS cds}"
      for set in "${sets[@]}"; do
        if [ "$set" = defaults ]; then  # deploy/bin/jvm-opts.sh per service; a first run writes the class-data archive
          LUOSHI_CDS=1 LUOSHI_JVM=defaults luoshi_up >/dev/null; stop workflow-service; stop task-service
          TAG="flags:defaults"
          LUOSHI_CDS=1 LUOSHI_JVM=defaults LUOSHI_JAVA_OPTS= luoshi_up | record luoshi
          sleep 10; usage luoshi | jq -c '. + {event: "idle"}' | record luoshi
          measure luoshi s2 --cycles "${FOOTPRINT_CYCLES:-60}" --c "$C"
          usage luoshi | jq -c '. + {event: "after-load"}' | record luoshi
          stop workflow-service; stop task-service
          continue
        fi
        opts=${set/ cds/}
        if [ "$set" != "$opts" ]; then  # class-data sharing: one run writes the archive at exit, the next one maps it
          JAVA_OPTS="$opts" LUOSHI_JAVA_OPTS="-XX:ArchiveClassesAtExit=$STATE/{name}.jsa" luoshi_cds_up >/dev/null
          stop workflow-service; stop task-service
          opts="$opts -XX:SharedArchiveFile=$STATE/{name}.jsa"
        fi
        TAG="flags:$set"
        JAVA_OPTS="$opts" LUOSHI_JAVA_OPTS= luoshi_cds_up | record luoshi
        sleep 10; usage luoshi | jq -c '. + {event: "idle"}' | record luoshi
        measure luoshi s2 --cycles "${FOOTPRINT_CYCLES:-60}" --c "$C"
        usage luoshi | jq -c '. + {event: "after-load"}' | record luoshi
        stop workflow-service; stop task-service
      done
      TAG=restart; luoshi_up | record luoshi ;;
    ready-flags)  # Luoshi: CPU and wall time until ready per JIT flag set (READY_SETS), each service alone and both at once
      # READY_SETS: flag sets separated by `;`, each added to jvm-opts.sh's flags with the class-data archive (`main` =
      # none; the last of a repeated flag wins, e.g. -XX:TieredStopAtLevel=4 puts C2 back); READY_N rounds, the sets interleaved within each round so that the machine's load falls on all alike
      stop workflow-service; stop task-service
      LUOSHI_CDS=1 luoshi_up >/dev/null; stop workflow-service; stop task-service  # writes the archives if missing
      IFS=';' read -ra sets <<<"${READY_SETS:-main;-XX:TieredStopAtLevel=1}"
      for round in $(seq 1 "${READY_N:-3}"); do
        for set in "${sets[@]}"; do
          extra=${set/#main/}
          TAG="ready:$set:$round"
          for name in task-service workflow-service; do
            port=$TASK_PORT; [ $name = workflow-service ] && port=$WF_PORT
            LUOSHI_CDS=1 LUOSHI_JAVA_OPTS="$LUOSHI_JAVA_OPTS $extra" luoshi_start $name $port \
              | jq -c --arg n $name --arg set "$set" '{event: "ready-alone", service: $n, flags: $set, ready_ms, ready_cpu_s}' \
              | record luoshi
            stop $name
          done
          # both at once, as a node's two services start together
          LUOSHI_CDS=1 LUOSHI_JAVA_OPTS="$LUOSHI_JAVA_OPTS $extra" luoshi_start task-service "$TASK_PORT" >"$STATE/ready-t.json" &
          LUOSHI_CDS=1 LUOSHI_JAVA_OPTS="$LUOSHI_JAVA_OPTS $extra" luoshi_start workflow-service "$WF_PORT" >"$STATE/ready-w.json" &
          wait
          jq -nc --slurpfile t "$STATE/ready-t.json" --slurpfile w "$STATE/ready-w.json" --arg set "$set" \
            '{event: "ready-both", flags: $set, task_ready_ms: $t[0].ready_ms, task_ready_cpu_s: $t[0].ready_cpu_s,
              workflow_ready_ms: $w[0].ready_ms, workflow_ready_cpu_s: $w[0].ready_cpu_s}' | record luoshi
          stop workflow-service; stop task-service
        done
      done ;;
    ready)  # Luoshi: time and CPU until ready on a restart, both services started at once (as a node starts them),
      # with their class-data archive; READY_N rounds of each jar set in READY_JARS (checkouts or copies of one, `;`
      # between them, default JARS) and flag set in READY_SETS (`main` = jvm-opts.sh's alone), interleaved within each
      # round; per start the CPU of each thread group at ready (threads_cpu), then the medians per jar and flag set.
      # The databases are the bench's as they are (run luoshi-fresh/fixture first for a known size).
      IFS=';' read -ra jar_sets <<<"${READY_JARS:-$JARS}"
      IFS=';' read -ra sets <<<"${READY_SETS:-main}"
      stop workflow-service; stop task-service
      ready_out="$STATE/ready-$(date -u +%Y%m%dT%H%M%SZ).jsonl"
      for jars in "${jar_sets[@]}"; do  # each jar set's archive in a folder of its own, written by one start and stop
        cds="$STATE/cds-$(echo "$jars" | sha1sum | cut -c1-8)"
        JARS=$jars CDS_DIR=$cds LUOSHI_CDS=1 luoshi_up >/dev/null; stop workflow-service; stop task-service
      done
      for round in $(seq 1 "${READY_N:-3}"); do
        for jars in "${jar_sets[@]}"; do
          for set in "${sets[@]}"; do
            extra=${set/#main/}; TAG="ready:$round"
            cds="$STATE/cds-$(echo "$jars" | sha1sum | cut -c1-8)"
            JARS=$jars CDS_DIR=$cds LUOSHI_CDS=1 LUOSHI_JAVA_OPTS="$LUOSHI_JAVA_OPTS $extra" \
              luoshi_start_threads task-service "$TASK_PORT" >"$STATE/ready-t.json" &
            JARS=$jars CDS_DIR=$cds LUOSHI_CDS=1 LUOSHI_JAVA_OPTS="$LUOSHI_JAVA_OPTS $extra" \
              luoshi_start_threads workflow-service "$WF_PORT" >"$STATE/ready-w.json" &
            wait
            jq -nc --slurpfile t "$STATE/ready-t.json" --slurpfile w "$STATE/ready-w.json" --arg set "$set" \
              --arg jars "$jars" --argjson load "$(cut -d' ' -f1 /proc/loadavg)" \
              '{event: "ready-both", jars: $jars, flags: $set, loadavg: $load, task_ready_ms: $t[0].ready_ms,
                task_ready_cpu_s: $t[0].ready_cpu_s, workflow_ready_ms: $w[0].ready_ms,
                workflow_ready_cpu_s: $w[0].ready_cpu_s, task_threads: $t[0].threads,
                workflow_threads: $w[0].threads}' | record luoshi | tee -a "$ready_out"
            stop workflow-service; stop task-service
          done
        done
      done
      jq -sc 'def med: sort | if length % 2 == 1 then .[length / 2 | floor] else (.[length / 2 - 1] + .[length / 2]) / 2 end;
        group_by([.jars, .flags])[] | {event: "ready-median", jars: .[0].jars, flags: .[0].flags, starts: length,
          task_ready_ms: (map(.task_ready_ms) | med), task_ready_cpu_s: (map(.task_ready_cpu_s) | med),
          workflow_ready_ms: (map(.workflow_ready_ms) | med), workflow_ready_cpu_s: (map(.workflow_ready_cpu_s) | med),
          task_threads: (map(.task_threads | to_entries[]) | group_by(.key) | map({(.[0].key): (map(.value) | med)}) | add),
          workflow_threads: (map(.workflow_threads | to_entries[]) | group_by(.key)
            | map({(.[0].key): (map(.value) | med)}) | add)}' "$ready_out" | record luoshi ;;
    steady-flags)  # Luoshi: steady-state CPU per start and per full cycle per JIT flag set (READY_SETS), a long run each:
      # both services started with the set, warmed up (STEADY_WARM_N starts, STEADY_WARM_CYCLES cycles, not recorded),
      # then STEADY_ROUNDS of S1 (S1_N) and S2 (S2_CYCLES) measured; the JIT threads' CPU (C1 + C2, /proc/<pid>/task)
      # during the measured rounds says whether the compilers were still busy. The sets in the order given, then again
      # in reverse (the database grows with every start and cycle: both passes together weigh that alike)
      IFS=';' read -ra sets <<<"${READY_SETS:-main;-XX:TieredStopAtLevel=1}"
      order=("${sets[@]}")
      [ "${STEADY_PASSES:-2}" = 2 ] && for ((i=${#sets[@]}-1; i>=0; i--)); do order+=("${sets[$i]}"); done
      pass=0
      for set in "${order[@]}"; do
        pass=$((pass + 1)); extra=${set/#main/}
        stop workflow-service; stop task-service
        TAG="steady:$set:$pass"
        LUOSHI_CDS=1 LUOSHI_JAVA_OPTS="$LUOSHI_JAVA_OPTS $extra" luoshi_up | jq -c --arg set "$set" '. + {flags: $set}' | record luoshi
        drive luoshi s1 --n "${STEADY_WARM_N:-1500}" --c "$C" >/dev/null
        drive luoshi s2 --cycles "${STEADY_WARM_CYCLES:-400}" --c "$C" >/dev/null
        j0=$(jit_cpu)
        for round in $(seq 1 "${STEADY_ROUNDS:-2}"); do
          measure luoshi s1 --n "${S1_N:-1000}" --c "$C"
          measure luoshi s2 --cycles "${S2_CYCLES:-300}" --c "$C"
        done
        usage luoshi | jq -c --arg set "$set" --argjson j0 "$j0" --argjson j1 "$(jit_cpu)" \
          '. + {event: "steady-end", flags: $set, jit_cpu_s_during_rounds: (($j1 - $j0) * 100 | round / 100)}' | record luoshi
      done
      stop workflow-service; stop task-service ;;
    table)  # issue 15's table from ONE window: TABLE_PHASES (S3 at S3_K, default 2000) into a fresh file, then table.py
      table_out="$HERE/results/table-$(date -u +%Y%m%dT%H%M%SZ).jsonl"
      OUT="$table_out" loadavg table-start
      # shellcheck disable=SC2086
      OUT="$table_out" S3_K="${S3_K:-2000}" "$HERE/side-by-side.sh" $TABLE_PHASES
      OUT="$table_out" loadavg table-end
      python3 "$HERE/table.py" "$table_out" | tee "${table_out%.jsonl}.md" ;;
    up) TAG=up; luoshi_up | record luoshi; peer_up | record peer ;;
    luoshi-up) TAG=up; luoshi_up | record luoshi ;;  # Luoshi alone on the databases as they are (e.g. other JARS after `down`)
    down) stop workflow-service; stop task-service; stop peer ;;
    *) die "unknown phase $phase (pg build-peer start fixture rounds luoshi-fresh start-counts cycle-counts bulk scale s2-nomail footprint ready-flags ready steady-flags table down | up pg-stop)" ;;
  esac
done
