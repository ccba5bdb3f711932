#!/usr/bin/env bash
# Luoshi (落实): one command to run the whole system, one to run every test.
#
#   ./luoshi.sh run [--detach] [--no-build]   PostgreSQL (if down), Keycloak, task-service, workflow-service, web app, demo data
#   ./luoshi.sh run --prod [--detach] [--no-build]
#                                              production-like: Keycloak in production mode on PostgreSQL with the
#                                              production realm, the services in their prod profile, no demo data;
#                                              every secret from the environment (it names what is missing)
#   ./luoshi.sh stop                           stop what 'run --detach' started, and nothing else
#   ./luoshi.sh test [maven args…]             every test: unit, @QuarkusTest, real Keycloak, real PostgreSQL, end to end
#   ./luoshi.sh backup DIR                     both services' databases (evidence and engine state included) into DIR
#   ./luoshi.sh restore DIR [--force]          a backup into TASK_DB / WORKFLOW_DB (created if missing; --force replaces)
#
# Ports (environment, defaults): WEB_PORT 8080, TASK_SERVICE_PORT 8081, WORKFLOW_SERVICE_PORT 8082, KEYCLOAK_PORT 8180,
# KEYCLOAK_MGMT_PORT 9180; tests use Keycloak on TEST_KEYCLOAK_PORT 18180 / 19180 so they can run beside the demo.
# Databases of 'run' (environment, defaults): TASK_DB luoshi_task, WORKFLOW_DB luoshi_workflow (created if missing).
# PostgreSQL: 'run' and 'test' each start a cluster of the project's own (deploy/bin/postgres.sh; data under .cache,
# PGPORT 15432 for run, PROD_PGPORT 15434 for run --prod, TEST_PGPORT 15433 for test), so that none touches another or
# the machine's PostgreSQL.
# All passwords printed or defaulted here are DEMO ONLY, and only the demo and the tests use them.
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
export PGPORT="${PGPORT:-15432}"
TEST_PGPORT="${TEST_PGPORT:-15433}"
PROD_PGPORT="${PROD_PGPORT:-15434}"
PG_INSTANCE=run
PG_URL="jdbc:postgresql://${PGHOST_ADDR:-localhost}:$PGPORT"
export KEYCLOAK_DB="${KEYCLOAK_DB:-luoshi_keycloak}"
SERVICES=(task-service workflow-service web)
# what 'run --prod' takes from the environment and nowhere else
PROD_SECRETS=(TASK_DB_PASSWORD WORKFLOW_DB_PASSWORD KEYCLOAK_DB_PASSWORD KEYCLOAK_ADMIN_PASSWORD WORKFLOW_CLIENT_SECRET
  LUOSHI_ADMIN_USER LUOSHI_ADMIN_PASSWORD MAIL_FROM WORKFLOW_USER_MAILBOX WORKFLOW_GROUP_MAILBOX)

say() { printf '\033[1m[luoshi]\033[0m %s\n' "$*"; }
die() { printf '[luoshi] ERROR: %s\n' "$*" >&2; exit 1; }

keycloak() { "$REPO/auth/bin/keycloak.sh" "$@"; }
# the demo's Keycloak instance is 'run' (dev mode, demo realm), the production-like one 'run-prod' (its own build and
# database); the one started is noted in keycloak.started, so that stop stops that one
keycloak_instance() { case "${1:-demo}" in prod) echo run-prod ;; *) echo run ;; esac; }
keycloak_mode() { case "${1:-demo}" in prod) echo production ;; *) echo dev ;; esac; }

# DEMO ONLY: the values the demo and the tests run with (the demo realm's workflow secret, postgres.sh's roles)
demo_database_passwords() {
  export TASK_DB_PASSWORD="${TASK_DB_PASSWORD:-luoshi_task_demo}"               # DEMO ONLY
  export WORKFLOW_DB_PASSWORD="${WORKFLOW_DB_PASSWORD:-luoshi_workflow_demo}"   # DEMO ONLY
  export KEYCLOAK_DB_PASSWORD="${KEYCLOAK_DB_PASSWORD:-luoshi_keycloak_demo}"   # DEMO ONLY (ProductionKeycloakIT)
}
demo_environment() {
  demo_database_passwords
  export WORKFLOW_CLIENT_SECRET=demo-only-workflow-secret                        # DEMO ONLY, as in the demo realm
  export MAIL_FROM="${MAIL_FROM:-luoshi@demo.luoshi.example}"                    # DEMO ONLY
  export WORKFLOW_USER_MAILBOX="${WORKFLOW_USER_MAILBOX:-"{user}@demo.luoshi.example"}"     # DEMO ONLY
  export WORKFLOW_GROUP_MAILBOX="${WORKFLOW_GROUP_MAILBOX:-"{group}@demo.luoshi.example"}"  # DEMO ONLY
  export LUOSHI_DEMO_ENABLED=true
}

# run --prod: every secret from the environment, all missing ones named at once
production_environment() {
  local v missing=()
  # its own cluster: roles created with these passwords, data apart from the demo's
  PG_INSTANCE=run-prod
  export PGPORT="$PROD_PGPORT"
  PG_URL="jdbc:postgresql://${PGHOST_ADDR:-localhost}:$PGPORT"
  for v in "${PROD_SECRETS[@]}"; do [ -n "${!v:-}" ] || missing+=("$v"); done
  [ "${#missing[@]}" = 0 ] || die "run --prod takes its secrets from the environment; not set: ${missing[*]}
  (TASK_DB_PASSWORD / WORKFLOW_DB_PASSWORD / KEYCLOAK_DB_PASSWORD: the passwords of the roles luoshi_task /
  luoshi_workflow / luoshi_keycloak in run --prod's own PostgreSQL cluster, given to them when it is created; KEYCLOAK_ADMIN_PASSWORD: Keycloak's master
  admin; WORKFLOW_CLIENT_SECRET: the luoshi-workflow client's; LUOSHI_ADMIN_USER / LUOSHI_ADMIN_PASSWORD: the first
  person of the realm, admin and supervisor; MAIL_FROM, WORKFLOW_USER_MAILBOX ({user}@…), WORKFLOW_GROUP_MAILBOX ({group}@…))"
  export "${PROD_SECRETS[@]}"
  export KEYCLOAK_DB_URL="$PG_URL/$KEYCLOAK_DB" LUOSHI_WORKFLOW_CLIENT_SECRET="$WORKFLOW_CLIENT_SECRET" \
    LUOSHI_WEB_ORIGIN="http://localhost:$WEB_PORT"
  unset LUOSHI_DEMO_ENABLED
}
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
  # JVM flags from measurement (deploy/bin/jvm-opts.sh says what each buys), with a class-data archive of the build
  # (written by the first run as it stops; LUOSHI_CDS=0 runs without)
  # shellcheck disable=SC2046
  KEYCLOAK_URL="http://localhost:$KEYCLOAK_PORT" TASK_SERVICE_URL="http://localhost:$TASK_SERVICE_PORT" \
    WORKFLOW_SERVICE_URL="http://localhost:$WORKFLOW_SERVICE_PORT" LUOSHI_WEB_ORIGINS="$(web_origins)" \
    TASK_SERVICE_PORT="$TASK_SERVICE_PORT" WORKFLOW_SERVICE_PORT="$WORKFLOW_SERVICE_PORT" WEB_PORT="$WEB_PORT" \
    TASK_DB_URL="${TASK_DB_URL:-$PG_URL/$TASK_DB}" WORKFLOW_DB_URL="${WORKFLOW_DB_URL:-$PG_URL/$WORKFLOW_DB}" \
    WORKFLOW_PUBLIC_URL="http://localhost:$WORKFLOW_SERVICE_PORT" \
    setsid nohup java $("$REPO/deploy/bin/jvm-opts.sh" "$name" "$([ "${LUOSHI_CDS:-1}" = 0 ] || echo "$RUN_DIR/cds")") -Dquarkus.http.port="$port" -jar "$jar" \
    >"$RUN_DIR/$name.log" 2>&1 < /dev/null &
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
    # up to 30 s: the first run after a build writes its class-data archive as it exits (jvm-opts.sh; a stop that
    # has to kill leaves an unfinished archive, which the next start drops and writes again)
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$pidfile"
}

stop_all() {
  local i
  for ((i = ${#SERVICES[@]} - 1; i >= 0; i--)); do stop_service "${SERVICES[$i]}"; done
  if [ -f "$RUN_DIR/keycloak.started" ]; then
    KEYCLOAK_INSTANCE="$(cat "$RUN_DIR/keycloak.started")" KEYCLOAK_PORT="$KEYCLOAK_PORT" \
      KEYCLOAK_MGMT_PORT="$KEYCLOAK_MGMT_PORT" keycloak stop || true
    rm -f "$RUN_DIR/keycloak.started"
  fi
  if [ -f "$RUN_DIR/postgres.started" ]; then
    POSTGRES_INSTANCE="$(cat "$RUN_DIR/postgres.started")" "$REPO/deploy/bin/postgres.sh" stop || true
    rm -f "$RUN_DIR/postgres.started"
  fi
}

ensure_postgres() { # $1: the instance (run | test), $2: its port, $3: where to note that this command started it
  local was_up=1
  POSTGRES_INSTANCE="$1" PGPORT="$2" "$REPO/deploy/bin/postgres.sh" status || was_up=0
  POSTGRES_INSTANCE="$1" PGPORT="$2" "$REPO/deploy/bin/postgres.sh" ensure
  if [ "$was_up" = 0 ]; then echo "$1" > "$3"; fi
}

# --- run -------------------------------------------------------------------------------------------------
cmd_run() {
  local detach=0 build=1 mode=demo arg
  for arg in "$@"; do
    case "$arg" in
      --detach) detach=1 ;;
      --no-build) build=0 ;;
      --prod) mode=prod ;;
      *) die "unknown option $arg (run [--prod] [--detach] [--no-build])" ;;
    esac
  done
  if [ "$mode" = prod ]; then production_environment; else demo_environment; fi
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

  ensure_postgres "$PG_INSTANCE" "$PGPORT" "$RUN_DIR/postgres.started"
  local instance
  instance="$(keycloak_instance "$mode")"
  export KEYCLOAK_INSTANCE="$instance" KEYCLOAK_MODE="$(keycloak_mode "$mode")"
  if KEYCLOAK_PORT="$KEYCLOAK_PORT" KEYCLOAK_MGMT_PORT="$KEYCLOAK_MGMT_PORT" keycloak status >/dev/null 2>&1; then
    say "Keycloak already running on $KEYCLOAK_PORT (left as it is)"
  else
    KEYCLOAK_PORT="$KEYCLOAK_PORT" KEYCLOAK_MGMT_PORT="$KEYCLOAK_MGMT_PORT" KEYCLOAK_WEB_ORIGINS="$(web_origins)" keycloak start
    echo "$instance" > "$RUN_DIR/keycloak.started"
  fi
  if [ "$mode" = prod ]; then
    KEYCLOAK_PORT="$KEYCLOAK_PORT" KEYCLOAK_MGMT_PORT="$KEYCLOAK_MGMT_PORT" keycloak ensure-user
  fi
  for s in "${SERVICES[@]}"; do start_service "$s"; done
  for s in "${SERVICES[@]}"; do wait_service "$s"; done

  if [ "$mode" = prod ]; then
    print_production_welcome
    finish_run "$detach" "$started"
    return
  fi
  KEYCLOAK_URL="http://localhost:$KEYCLOAK_PORT" TASK_SERVICE_URL="http://localhost:$TASK_SERVICE_PORT" \
    WORKFLOW_SERVICE_URL="http://localhost:$WORKFLOW_SERVICE_PORT" DEMO_PLAN_ID_FILE="$RUN_DIR/demo-plan-id" \
    SUMMARY_FILE="$RUN_DIR/demo-summary.txt" "$REPO/deploy/demo/load-demo-data.sh"
  print_welcome
  finish_run "$detach" "$started"
}

finish_run() { # $1 detach, $2 when the command started
  local detach="$1" s
  say "ready $((SECONDS - $2))s after the start of this command"
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
    today, indicator values, reports, an adjustment request, a mid-term evaluation and a published status; the
    14th plan's final evaluation (published, with proposals) and its successor plan (docs/plans), linked, with
    tasks carried over and indicator baselines continued — all labelled 演示数据 / demo.

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

print_production_welcome() {
  cat <<TXT

  ┌──────────────────────────────────────────────────────────────────────────────┐
    落实 Luoshi runs production-like:   http://localhost:$WEB_PORT
    Log in as $LUOSHI_ADMIN_USER (LUOSHI_ADMIN_PASSWORD; admin and supervisor of 督查室). No demo data, no demo users:
    import the plan and add people (Keycloak's admin console, realm luoshi) as a real deployment would.

    task-service      http://localhost:$TASK_SERVICE_PORT   (health: /q/health; API description: /q/openapi)
    workflow-service  http://localhost:$WORKFLOW_SERVICE_PORT
    Keycloak          http://localhost:$KEYCLOAK_PORT/admin   (production mode, database $KEYCLOAK_DB; KEYCLOAK_ADMIN_PASSWORD)
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
  demo_database_passwords   # for postgres.sh; the tests carry their own values (the %test profile, deploy's ITs)
  TEST_STATE="$LUOSHI_CACHE/test"
  local state="$TEST_STATE"
  mkdir -p "$state"
  rm -f "$state/postgres.started"
  ensure_postgres test "$TEST_PGPORT" "$state/postgres.started"
  export KEYCLOAK_INSTANCE=test KEYCLOAK_PORT="$TEST_KEYCLOAK_PORT" KEYCLOAK_MGMT_PORT="$TEST_KEYCLOAK_MGMT_PORT"
  keycloak stop >/dev/null 2>&1 || true
  keycloak start
  cleanup_test() {
    KEYCLOAK_INSTANCE=test KEYCLOAK_PORT="$TEST_KEYCLOAK_PORT" KEYCLOAK_MGMT_PORT="$TEST_KEYCLOAK_MGMT_PORT" keycloak stop || true
    if [ -f "$TEST_STATE/postgres.started" ]; then
      POSTGRES_INSTANCE=test PGPORT="$TEST_PGPORT" "$REPO/deploy/bin/postgres.sh" stop || true
      rm -f "$TEST_STATE/postgres.started"
    fi
  }
  trap cleanup_test EXIT
  # -Dimages: the container images are built too (target/<module>-image.tar) and deploy's ImageArchivesIT opens them
  "$REPO/mvnw" -B verify -DskipITs=false -Dimages -Dluoshi.test.keycloak-url="http://localhost:$TEST_KEYCLOAK_PORT" \
    -Dluoshi.test.pg-port="$TEST_PGPORT" "$@" || status=$?
  return "$status"
}

case "${1:-}" in
  run) shift; cmd_run "$@" ;;
  stop) cmd_stop ;;
  test) shift; cmd_test "$@" ;;
  backup | restore) exec "$REPO/deploy/bin/backup.sh" "$@" ;;
  *) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
