#!/usr/bin/env bash
# Luoshi (落实): one command to run the whole system, one to run every test.
#
#   ./luoshi.sh run [--detach] [--no-build]   PostgreSQL (if down), Keycloak, task-service, workflow-service, web app, demo data
#   ./luoshi.sh stop                           stop what 'run --detach' started, and nothing else
#   ./luoshi.sh test [maven args…]             every test: unit, @QuarkusTest, real Keycloak, real PostgreSQL, end to end
#   ./luoshi.sh backup DIR                     both services' databases (evidence and engine state included) into DIR
#   ./luoshi.sh restore DIR [--force]          a backup into TASK_DB / WORKFLOW_DB (created if missing; --force replaces)
#
# Ports (environment, defaults): WEB_PORT 8080, TASK_SERVICE_PORT 8081, WORKFLOW_SERVICE_PORT 8082, KEYCLOAK_PORT 8180,
# KEYCLOAK_MGMT_PORT 9180; tests use Keycloak on TEST_KEYCLOAK_PORT 18180 / 19180 so they can run beside the demo.
# Databases of 'run' (environment, defaults): TASK_DB luoshi_task, WORKFLOW_DB luoshi_workflow (created if missing).
# All passwords printed or defaulted here are DEMO ONLY.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
export LUOSHI_CACHE="${LUOSHI_CACHE:-$REPO/.cache}"
RUN_DIR="$LUOSHI_CACHE/run"
WEB_PORT="${WEB_PORT:-8080}"
TASK_SERVICE_PORT="${TASK_SERVICE_PORT:-8081}"
WORKFLOW_SERVICE_PORT="${WORKFLOW_SERVICE_PORT:-8082}"
KEYCLOAK_PORT="${KEYCLOAK_PORT:-8180}"
KEYCLOAK_MGMT_PORT="${KEYCLOAK_MGMT_PORT:-9180}"
TEST_KEYCLOAK_PORT="${TEST_KEYCLOAK_PORT:-18180}"
TEST_KEYCLOAK_MGMT_PORT="${TEST_KEYCLOAK_MGMT_PORT:-19180}"
SERVICE_START_TIMEOUT="${SERVICE_START_TIMEOUT:-120}"
export TASK_DB="${TASK_DB:-luoshi_task}" WORKFLOW_DB="${WORKFLOW_DB:-luoshi_workflow}"
PG_URL="jdbc:postgresql://${PGHOST_ADDR:-localhost}:${PGPORT:-5432}"
SERVICES=(task-service workflow-service web)

say() { printf '\033[1m[luoshi]\033[0m %s\n' "$*"; }
die() { printf '[luoshi] ERROR: %s\n' "$*" >&2; exit 1; }

keycloak() { "$REPO/auth/bin/keycloak.sh" "$@"; }
port_of() { case "$1" in task-service) echo "$TASK_SERVICE_PORT" ;; workflow-service) echo "$WORKFLOW_SERVICE_PORT" ;; web) echo "$WEB_PORT" ;; esac; }
# the web module has no database or Keycloak to check: it is ready when it serves the browser's configuration
ready_path_of() { case "$1" in web) echo "/config.json" ;; *) echo "/q/health/ready" ;; esac; }
# the browser app's origins, allowed by the services' CORS
web_origins() { echo "http://localhost:$WEB_PORT,http://127.0.0.1:$WEB_PORT"; }
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

check_java() {
  command -v java >/dev/null 2>&1 || die "no java on PATH: install a JDK 17 (apt-get install -y openjdk-17-jdk-headless)"
  local major
  major="$(java -XshowSettings:properties -version 2>&1 | sed -n 's/ *java.specification.version = //p')"
  [ "${major%%.*}" -ge 17 ] 2>/dev/null || die "Java 17 or newer is needed (found $major)"
}

# The web module's build runs npm and Vite 8 with the node on the PATH (nothing downloads Node).
check_node() {
  command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 \
    || die "no node/npm on PATH: the web app is built with them (Node.js 20.19+ and npm; apt-get install -y nodejs npm)"
  node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)' \
    || die "Node.js 20.19 or newer is needed to build the web app (found $(node -v))"
}

# --- services --------------------------------------------------------------------------------------------
start_service() {
  local name="$1" port jar pid
  port="$(port_of "$name")"
  jar="$REPO/$name/target/quarkus-app/quarkus-run.jar"
  [ -f "$jar" ] || die "$jar is missing: build first (./mvnw package -DskipTests) or drop --no-build"
  port_in_use "$port" && die "port $port is taken; set the ${name//-/_} port (e.g. TASK_SERVICE_PORT=…, WEB_PORT=…) or stop what uses it"
  mkdir -p "$RUN_DIR"
  say "starting $name on http://localhost:$port (log $RUN_DIR/$name.log)"
  KEYCLOAK_URL="http://localhost:$KEYCLOAK_PORT" TASK_SERVICE_URL="http://localhost:$TASK_SERVICE_PORT" \
    WORKFLOW_SERVICE_URL="http://localhost:$WORKFLOW_SERVICE_PORT" LUOSHI_WEB_ORIGINS="$(web_origins)" \
    TASK_SERVICE_PORT="$TASK_SERVICE_PORT" WORKFLOW_SERVICE_PORT="$WORKFLOW_SERVICE_PORT" WEB_PORT="$WEB_PORT" \
    TASK_DB_URL="${TASK_DB_URL:-$PG_URL/$TASK_DB}" WORKFLOW_DB_URL="${WORKFLOW_DB_URL:-$PG_URL/$WORKFLOW_DB}" \
    LUOSHI_DEMO_ENABLED=true setsid nohup java -Xmx512m -Dquarkus.http.port="$port" -jar "$jar" >"$RUN_DIR/$name.log" 2>&1 < /dev/null &
  pid=$!
  echo "$pid" > "$RUN_DIR/$name.pid"
}

wait_service() {
  local name="$1" port deadline
  port="$(port_of "$name")"
  deadline=$((SECONDS + SERVICE_START_TIMEOUT))
  until curl -fs -o /dev/null "http://127.0.0.1:$port$(ready_path_of "$name")"; do
    if ! kill -0 "$(cat "$RUN_DIR/$name.pid")" 2>/dev/null; then
      tail -n 30 "$RUN_DIR/$name.log" >&2 || true
      die "$name exited during start-up (log above)"
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
      tail -n 30 "$RUN_DIR/$name.log" >&2 || true
      die "$name not ready within ${SERVICE_START_TIMEOUT}s"
    fi
    sleep 1
  done
  say "$name ready"
}

stop_service() {
  local name="$1" pidfile="$RUN_DIR/$1.pid" pid
  [ -f "$pidfile" ] || return 0
  pid="$(cat "$pidfile")"
  if kill -0 "$pid" 2>/dev/null && tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -q "$name/target/quarkus-app"; then
    say "stopping $name (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$pidfile"
}

stop_all() {
  local i
  for ((i = ${#SERVICES[@]} - 1; i >= 0; i--)); do stop_service "${SERVICES[$i]}"; done
  if [ -f "$RUN_DIR/keycloak.started" ]; then
    KEYCLOAK_INSTANCE=run KEYCLOAK_PORT="$KEYCLOAK_PORT" KEYCLOAK_MGMT_PORT="$KEYCLOAK_MGMT_PORT" keycloak stop || true
    rm -f "$RUN_DIR/keycloak.started"
  fi
  if [ -f "$RUN_DIR/postgres.started" ]; then
    "$REPO/deploy/bin/postgres.sh" stop || true
    rm -f "$RUN_DIR/postgres.started"
  fi
}

ensure_postgres() { # $1: where to note that we started it
  local was_up=1
  pg_isready -q -h 127.0.0.1 -p "${PGPORT:-5432}" 2>/dev/null || was_up=0
  "$REPO/deploy/bin/postgres.sh" ensure
  if [ "$was_up" = 0 ]; then touch "$1"; fi
}

# --- run -------------------------------------------------------------------------------------------------
cmd_run() {
  local detach=0 build=1 arg
  for arg in "$@"; do
    case "$arg" in
      --detach) detach=1 ;;
      --no-build) build=0 ;;
      *) die "unknown option $arg (run [--detach] [--no-build])" ;;
    esac
  done
  check_java
  local started=$SECONDS
  mkdir -p "$RUN_DIR"
  rm -f "$RUN_DIR/demo-summary.txt"
  for s in "${SERVICES[@]}"; do
    [ -f "$RUN_DIR/$s.pid" ] && kill -0 "$(cat "$RUN_DIR/$s.pid")" 2>/dev/null && die "$s is already running: ./luoshi.sh stop first"
  done
  if [ "$build" = 1 ]; then
    check_node
    say "building (./mvnw package -DskipTests)…"
    "$REPO/mvnw" -q -B package -DskipTests -f "$REPO/pom.xml" || die "the build failed"
  fi
  if [ "$detach" = 0 ]; then trap 'echo; stop_all; exit 0' INT TERM; fi
  trap '[ $? -eq 0 ] || stop_all' EXIT

  ensure_postgres "$RUN_DIR/postgres.started"
  if KEYCLOAK_INSTANCE=run KEYCLOAK_PORT="$KEYCLOAK_PORT" KEYCLOAK_MGMT_PORT="$KEYCLOAK_MGMT_PORT" keycloak status >/dev/null 2>&1; then
    say "Keycloak already running on $KEYCLOAK_PORT (left as it is)"
  else
    KEYCLOAK_INSTANCE=run KEYCLOAK_PORT="$KEYCLOAK_PORT" KEYCLOAK_MGMT_PORT="$KEYCLOAK_MGMT_PORT" \
      KEYCLOAK_WEB_ORIGINS="$(web_origins)" keycloak start
    touch "$RUN_DIR/keycloak.started"
  fi
  for s in "${SERVICES[@]}"; do start_service "$s"; done
  for s in "${SERVICES[@]}"; do wait_service "$s"; done

  KEYCLOAK_URL="http://localhost:$KEYCLOAK_PORT" TASK_SERVICE_URL="http://localhost:$TASK_SERVICE_PORT" \
    WORKFLOW_SERVICE_URL="http://localhost:$WORKFLOW_SERVICE_PORT" DEMO_PLAN_ID_FILE="$RUN_DIR/demo-plan-id" \
    SUMMARY_FILE="$RUN_DIR/demo-summary.txt" "$REPO/deploy/demo/load-demo-data.sh"
  print_welcome
  say "ready $((SECONDS - started))s after the start of this command"
  trap - EXIT
  if [ "$detach" = 1 ]; then
    say "running in the background; stop it with: ./luoshi.sh stop"
  else
    say "press Ctrl-C to stop everything this command started"
    while true; do
      for s in "${SERVICES[@]}"; do
        kill -0 "$(cat "$RUN_DIR/$s.pid")" 2>/dev/null || { say "$s stopped unexpectedly; see $RUN_DIR/$s.log"; stop_all; exit 1; }
      done
      sleep 2
    done
  fi
}

print_welcome() {
  local plan
  plan="$(cat "$RUN_DIR/demo-plan-id" 2>/dev/null || echo 1)"
  cat <<TXT

  ┌──────────────────────────────────────────────────────────────────────────────┐
    落实 Luoshi is running:   http://localhost:$WEB_PORT   (中文; English by the switch at the top)

    Log in there as any demo user, password "demo" (DEMO ONLY). A first step for each:
TXT
  sed 's/^/      /' "$RUN_DIR/demo-summary.txt" 2>/dev/null || echo "      (the demo loader wrote no summary)"
  cat <<TXT

    The demo data: the seed plan (docs/plans) imported and confirmed, its tasks assigned with milestones around
    today, indicator values, reports, an adjustment request, a mid-term evaluation and a published status — all
    labelled 演示数据 / demo.

    Demo users:
      chen.jing   陈静  supervisor   督查室 (supervision)
      li.na       李娜  staff        海淀区 (haidian)
      liu.yang    刘洋  staff        朝阳区 (chaoyang)
      zhang.wei   张伟  staff        市科委、中关村管委会 (stc-zgc)
      wang.fang   王芳  staff        市发展改革委 (drc)
      zhou.qiang  周强  staff        市经济和信息化局 (eit)
      zhao.min    赵敏  evaluator    第三方评估机构 首都科技评估中心 (kjpg)
      qian.hui    钱慧  evaluator    第三方评估机构 创新战略研究院 (zlyj)
      sun.lei     孙磊  admin

    task-service      http://localhost:$TASK_SERVICE_PORT/q/swagger-ui   (health: /q/health)
    workflow-service  http://localhost:$WORKFLOW_SERVICE_PORT/q/swagger-ui   (health: /q/health)
    Keycloak          http://localhost:$KEYCLOAK_PORT/admin   (admin / admin — DEMO ONLY)

    The same through the API, e.g. li.na's inbox and chen.jing's 台账 as Excel:
      TOKEN=\$(KEYCLOAK_PORT=$KEYCLOAK_PORT auth/bin/keycloak.sh token li.na)
      curl -s -H "Authorization: Bearer \$TOKEN" http://localhost:$WORKFLOW_SERVICE_PORT/api/inbox
      TOKEN=\$(KEYCLOAK_PORT=$KEYCLOAK_PORT auth/bin/keycloak.sh token chen.jing)
      curl -s -H "Authorization: Bearer \$TOKEN" -o ledger.xlsx http://localhost:$TASK_SERVICE_PORT/api/plans/$plan/ledger
  └──────────────────────────────────────────────────────────────────────────────┘
TXT
}

cmd_stop() {
  stop_all
  say "stopped"
}

# --- test ------------------------------------------------------------------------------------------------
cmd_test() {
  check_java
  check_node
  # said now rather than after the build: deploy's browser journeys fail without it (they never skip)
  [ -x "${CHROMIUM:-/usr/bin/chromium}" ] \
    || say "WARNING: no Chromium at ${CHROMIUM:-/usr/bin/chromium}: the browser journeys (deploy BrowserJourneysIT) will fail; apt-get install -y chromium fonts-noto-cjk"
  local status=0
  TEST_STATE="$LUOSHI_CACHE/test"
  local state="$TEST_STATE"
  mkdir -p "$state"
  rm -f "$state/postgres.started"
  ensure_postgres "$state/postgres.started"
  export KEYCLOAK_INSTANCE=test KEYCLOAK_PORT="$TEST_KEYCLOAK_PORT" KEYCLOAK_MGMT_PORT="$TEST_KEYCLOAK_MGMT_PORT"
  keycloak stop >/dev/null 2>&1 || true
  keycloak start
  cleanup_test() {
    KEYCLOAK_INSTANCE=test KEYCLOAK_PORT="$TEST_KEYCLOAK_PORT" KEYCLOAK_MGMT_PORT="$TEST_KEYCLOAK_MGMT_PORT" keycloak stop || true
    if [ -f "$TEST_STATE/postgres.started" ]; then "$REPO/deploy/bin/postgres.sh" stop || true; rm -f "$TEST_STATE/postgres.started"; fi
  }
  trap cleanup_test EXIT
  "$REPO/mvnw" -B verify -DskipITs=false -Dluoshi.test.keycloak-url="http://localhost:$TEST_KEYCLOAK_PORT" "$@" || status=$?
  return "$status"
}

case "${1:-}" in
  run) shift; cmd_run "$@" ;;
  stop) cmd_stop ;;
  test) shift; cmd_test "$@" ;;
  backup | restore) exec "$REPO/deploy/bin/backup.sh" "$@" ;;
  *) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
