#!/usr/bin/env bash
# Runs a local Keycloak with the Luoshi realm: in dev-file mode with the demo realm imported fresh on every start
# (the default), or in production mode on PostgreSQL with the production realm (KEYCLOAK_MODE=production).
#
#   auth/bin/keycloak.sh start | stop | status | token USER [PASSWORD] | ensure-user
#
# Environment (defaults in brackets):
#   KEYCLOAK_PORT           HTTP port, bound to 127.0.0.1                      [8180]
#   KEYCLOAK_MGMT_PORT      management port (health)                           [9180]
#   KEYCLOAK_INSTANCE       instance name; each has its own copy and state     [run]
#   LUOSHI_CACHE            where the distribution and instances live          [<repo>/.cache]
#   KEYCLOAK_START_TIMEOUT  seconds to wait for readiness             [180; production mode 480]
#   JAVA_HOME               respected if set, otherwise `java` on PATH
#   KEYCLOAK_WEB_ORIGINS    more origins of the web app, comma-separated (e.g. http://localhost:48080), whose logins
#                           the realm's luoshi-web client accepts besides those in the realm file (needs jq)  []
#
# KEYCLOAK_MODE=production (./luoshi.sh run --prod): `kc.sh build --db=postgres` once per instance, then
# `kc.sh start --optimized` on its own database, realm/luoshi-realm-production.json imported when the realm does not
# exist there yet (its state survives restarts, as in production). Nothing defaults; these must be set:
#   KEYCLOAK_DB_URL                jdbc:postgresql://HOST:PORT/DB of Keycloak's own database
#   KEYCLOAK_DB_PASSWORD           password of KEYCLOAK_DB_USER [luoshi_keycloak]
#   KEYCLOAK_ADMIN_PASSWORD        the master realm's first admin (KEYCLOAK_ADMIN_USER [admin]), on the first start
#   LUOSHI_WORKFLOW_CLIENT_SECRET  the luoshi-workflow client's secret, put into the realm at import
#   LUOSHI_WEB_ORIGIN              the web app's origin (e.g. http://localhost:8080), idem
# `ensure-user` then creates the realm's first person, LUOSHI_ADMIN_USER with LUOSHI_ADMIN_PASSWORD, roles admin and
# supervisor, department supervision, unless that user exists.
#
# In the default (dev) mode the admin account admin/admin and the demo passwords are DEMO ONLY.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
AUTH_DIR="$(dirname "$SCRIPT_DIR")"
REPO="$(dirname "$AUTH_DIR")"
MODE="${KEYCLOAK_MODE:-dev}"
case "$MODE" in
  dev) REALM_FILE="$AUTH_DIR/realm/luoshi-realm.json" ;;
  production) REALM_FILE="$AUTH_DIR/realm/luoshi-realm-production.json" ;;
  *) echo "keycloak.sh: KEYCLOAK_MODE must be dev or production (got '$MODE')" >&2; exit 1 ;;
esac
REALM=luoshi
# what `kc.sh build` fixes for production mode; a change rebuilds the instance
PRODUCTION_BUILD=(--db=postgres --health-enabled=true)

# Single source of truth for the version: <keycloak.version> in the root pom.
KEYCLOAK_VERSION="$(sed -n 's:.*<keycloak.version>\([^<]*\)</keycloak.version>.*:\1:p' "$REPO/pom.xml" | head -n 1)"
KEYCLOAK_VERSION="${KEYCLOAK_VERSION:-26.7.3}"

PORT="${KEYCLOAK_PORT:-8180}"
MGMT_PORT="${KEYCLOAK_MGMT_PORT:-9180}"
INSTANCE="${KEYCLOAK_INSTANCE:-run}"
CACHE="${LUOSHI_CACHE:-$REPO/.cache}"
# production mode's first start creates Keycloak's schema in PostgreSQL: minutes on a busy machine
START_TIMEOUT="${KEYCLOAK_START_TIMEOUT:-$([[ "$MODE" == production ]] && echo 480 || echo 180)}"
STOP_TIMEOUT=30

die() { echo "keycloak.sh: $*" >&2; exit 1; }
say() { echo "keycloak.sh [$INSTANCE]: $*"; }

[[ "$INSTANCE" =~ ^[a-z][a-z0-9_-]*$ ]] || die "KEYCLOAK_INSTANCE must match [a-z][a-z0-9_-]* (got '$INSTANCE')"
for v in PORT MGMT_PORT START_TIMEOUT; do
  [[ "${!v}" =~ ^[0-9]+$ ]] || die "$v must be a number (got '${!v}')"
done
[[ "$PORT" != "$MGMT_PORT" ]] || die "KEYCLOAK_PORT and KEYCLOAK_MGMT_PORT must differ"
[[ -n "$CACHE" ]] || die "LUOSHI_CACHE is empty"
CACHE="$(realpath -m "$CACHE")"

DIST="$CACHE/keycloak-$KEYCLOAK_VERSION"     # shared, never modified after the fetch
INST="$CACHE/keycloak-$INSTANCE"             # this instance's private copy (re-augmented, data/)
LOG="$CACHE/keycloak-$INSTANCE.log"
PIDFILE="$CACHE/keycloak-$INSTANCE.pid"
BASE_URL="http://localhost:$PORT"
HEALTH_URL="http://127.0.0.1:$MGMT_PORT/health/ready"
DISCOVERY_URL="$BASE_URL/realms/$REALM/.well-known/openid-configuration"

# ---------------------------------------------------------------------------------------------
# helpers

with_lock() { # run "$@" holding the cache lock (fetch and copy must not race between instances)
  mkdir -p "$CACHE"
  if command -v flock >/dev/null 2>&1; then
    ( flock -w 600 9 || die "could not lock $CACHE/.keycloak.lock"; "$@" ) 9>"$CACHE/.keycloak.lock"
  else
    "$@"
  fi
}

port_in_use() {
  local p="$1"
  if command -v ss >/dev/null 2>&1; then
    [[ -n "$(ss -Hltn "sport = :$p" 2>/dev/null)" ]]
  else
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null
  fi
}

# pid from our pidfile, only if that process is alive AND is this instance's Keycloak
# (its command line mentions this instance's directory): protects against pid reuse.
our_pid() {
  [[ -f "$PIDFILE" ]] || return 1
  local pid
  pid="$(tr -dc '0-9' <"$PIDFILE")"
  [[ -n "$pid" ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF "$INST/" || return 1
  echo "$pid"
}

is_ready() {
  curl -fsS --max-time 5 "$HEALTH_URL" 2>/dev/null | grep -q '"status" *: *"UP"' || return 1
  [[ "$(curl -s -o /dev/null --max-time 5 -w '%{http_code}' "$DISCOVERY_URL" 2>/dev/null)" == 200 ]]
}

log_tail() {
  echo "----- last lines of $LOG -----" >&2
  tail -n "${1:-40}" "$LOG" >&2 2>/dev/null || true
  echo "------------------------------" >&2
}

java_check() {
  local java="java"
  [[ -n "${JAVA_HOME:-}" ]] && java="$JAVA_HOME/bin/java"
  command -v "$java" >/dev/null 2>&1 || die "no java found ($java); install JDK 17+ or set JAVA_HOME"
}

# ---------------------------------------------------------------------------------------------
# fetch and prepare

fetch_dist_locked() {
  [[ -x "$DIST/bin/kc.sh" ]] && return 0
  say "fetching org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip from Maven Central (once, ~190 MB)"
  local tmp
  rm -rf "$CACHE"/.keycloak-fetch.*   # left by a killed fetch (we hold the lock)
  tmp="$(mktemp -d "$CACHE/.keycloak-fetch.XXXXXX")"
  # unpack into a temp dir and move into place: a killed fetch never leaves a half dist behind
  if ! (cd "$REPO" && ./mvnw -q -B -f "$AUTH_DIR/pom.xml" \
      org.apache.maven.plugins:maven-dependency-plugin:3.8.1:unpack \
      -Dartifact="org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip" \
      -DoutputDirectory="$tmp" -Dmdep.overWriteReleases=true >&2); then
    rm -rf "$tmp"; die "fetching the Keycloak distribution failed"
  fi
  [[ -x "$tmp/keycloak-$KEYCLOAK_VERSION/bin/kc.sh" ]] || { rm -rf "$tmp"; die "unexpected archive layout in $tmp"; }
  mv -T "$tmp/keycloak-$KEYCLOAK_VERSION" "$DIST"
  rm -rf "$tmp"
}

prepare_instance_locked() {
  # private copy of the distribution: start-dev re-augments into lib/ and keeps its state in data/
  if [[ ! -f "$INST/.luoshi-dist" || "$(cat "$INST/.luoshi-dist")" != "$KEYCLOAK_VERSION" ]]; then
    say "copying the distribution to $INST"
    rm -rf "$INST" "$INST.tmp"
    cp -a "$DIST" "$INST.tmp"
    echo "$KEYCLOAK_VERSION" >"$INST.tmp/.luoshi-dist"
    mv -T "$INST.tmp" "$INST"
  fi
  if [[ "$MODE" == production ]]; then
    prepare_production_instance
    return
  fi
  rm -f "$INST/.luoshi-build"   # start-dev re-augments: a production build no longer holds
  # dev-file mode does not re-import an existing realm: wipe the state, import fresh every start
  rm -rf "$INST/data"
  mkdir -p "$INST/data/import"
  if [[ -z "${KEYCLOAK_WEB_ORIGINS:-}" ]]; then
    cp "$REALM_FILE" "$INST/data/import/$REALM-realm.json"
    return
  fi
  # the web app on another port (WEB_PORT): its logins come back there, so luoshi-web must accept that origin
  command -v jq >/dev/null 2>&1 || die "KEYCLOAK_WEB_ORIGINS needs jq: apt-get install -y jq"
  jq --arg origins "$KEYCLOAK_WEB_ORIGINS" '
    ($origins | split(",") | map(select(. != ""))) as $o
    | .clients |= map(if .clientId == "luoshi-web" then
        .redirectUris = ((.redirectUris + ($o | map(. + "/*"))) | unique)
        | .webOrigins = ((.webOrigins + $o) | unique)
        | .attributes["post.logout.redirect.uris"] =
            (((.attributes["post.logout.redirect.uris"] // "") | split("##") | map(select(. != ""))) + ($o | map(. + "/*"))
             | unique | join("##"))
      else . end)' "$REALM_FILE" >"$INST/data/import/$REALM-realm.json" \
    || die "could not add $KEYCLOAK_WEB_ORIGINS to the realm's luoshi-web client"
}

# production mode: built once for PostgreSQL; the realm lives in the database, the import only creates it
prepare_production_instance() {
  if [[ "$(cat "$INST/.luoshi-build" 2>/dev/null)" != "${PRODUCTION_BUILD[*]}" ]]; then
    say "building for production (kc.sh build ${PRODUCTION_BUILD[*]})"
    local started=$SECONDS
    "$INST/bin/kc.sh" build "${PRODUCTION_BUILD[@]}" >"$LOG.build" 2>&1 \
      || { tail -n 40 "$LOG.build" >&2; die "kc.sh build failed (log $LOG.build)"; }
    echo "${PRODUCTION_BUILD[*]}" >"$INST/.luoshi-build"
    say "built in $((SECONDS - started)) s"
  fi
  rm -rf "$INST/data/import"
  mkdir -p "$INST/data/import"
  cp "$REALM_FILE" "$INST/data/import/$REALM-realm.json"
}

# every value production mode needs, all named at once
require_production_environment() {
  local missing=() v
  for v in KEYCLOAK_DB_URL KEYCLOAK_DB_PASSWORD KEYCLOAK_ADMIN_PASSWORD LUOSHI_WORKFLOW_CLIENT_SECRET LUOSHI_WEB_ORIGIN; do
    [[ -n "${!v:-}" ]] || missing+=("$v")
  done
  (( ${#missing[@]} == 0 )) || die "production mode needs these environment variables, which are not set: ${missing[*]}"
}

# ---------------------------------------------------------------------------------------------
# commands

cmd_start() {
  local pid
  # one start at a time per instance (a second concurrent start waits, then finds it running)
  mkdir -p "$CACHE"
  if command -v flock >/dev/null 2>&1; then
    exec 8>"$CACHE/keycloak-$INSTANCE.lock"
    flock -w $((START_TIMEOUT + 120)) 8 || die "another start of instance '$INSTANCE' is still in progress"
  fi
  if pid="$(our_pid)"; then
    if is_ready; then
      say "already running and ready (pid $pid) at $BASE_URL"
      return 0
    fi
    say "already running (pid $pid) but not ready yet; waiting"
    wait_ready "$pid" keep || die "instance '$INSTANCE' (pid $pid) is running but not ready; try: $0 stop"
    return 0
  fi
  rm -f "$PIDFILE"

  [[ -f "$REALM_FILE" ]] || die "realm file missing: $REALM_FILE"
  local p
  for p in "$PORT" "$MGMT_PORT"; do
    if port_in_use "$p"; then
      die "port $p is already in use (another Keycloak or service?). Stop it or choose other ports: KEYCLOAK_PORT=... KEYCLOAK_MGMT_PORT=... (instance '$INSTANCE')"
    fi
  done
  java_check
  command -v curl >/dev/null 2>&1 || die "curl is required"
  [[ "$MODE" == production ]] && require_production_environment

  with_lock fetch_dist_locked
  with_lock prepare_instance_locked

  say "starting Keycloak $KEYCLOAK_VERSION ($MODE mode) on $BASE_URL (management $MGMT_PORT), log $LOG"
  rm -f "$PIDFILE"
  local server=(start-dev --health-enabled=true)   # production mode has it from its build
  if [[ "$MODE" == production ]]; then
    # the password goes through the environment (KC_DB_PASSWORD), never the command line
    # one node here: a local cache rather than a cluster's (discovery through the database)
    server=(start --optimized --http-enabled=true --cache=local
            --db-url="$KEYCLOAK_DB_URL" --db-username="${KEYCLOAK_DB_USER:-luoshi_keycloak}")
  fi
  (
    cd "$INST"
    if [[ "$MODE" == production ]]; then
      export KC_BOOTSTRAP_ADMIN_USERNAME="${KEYCLOAK_ADMIN_USER:-admin}" KC_BOOTSTRAP_ADMIN_PASSWORD="$KEYCLOAK_ADMIN_PASSWORD"
      export KC_DB_PASSWORD="$KEYCLOAK_DB_PASSWORD" LUOSHI_WORKFLOW_CLIENT_SECRET LUOSHI_WEB_ORIGIN
    else
      export KC_BOOTSTRAP_ADMIN_USERNAME=admin      # DEMO ONLY
      export KC_BOOTSTRAP_ADMIN_PASSWORD=admin      # DEMO ONLY
    fi
    export JAVA_OPTS_KC_HEAP="${JAVA_OPTS_KC_HEAP:--Xms64m -Xmx512m}"
    # setsid: own session and process group, so stop ends kc.sh and its java child together.
    # The inner shell writes its own pid (setsid may fork) and then becomes kc.sh.
    exec setsid nohup bash -c 'echo $$ >"$1"; shift; exec "$@"' keycloak "$PIDFILE" \
      "$INST/bin/kc.sh" "${server[@]}" \
      --http-host=127.0.0.1 \
      --http-port="$PORT" \
      --http-management-port="$MGMT_PORT" \
      --hostname="$BASE_URL" \
      --import-realm \
      </dev/null >"$LOG" 2>&1 8>&-
  ) &
  local waited=0
  until [[ -s "$PIDFILE" ]]; do
    (( waited++ < 100 )) || { log_tail; die "Keycloak did not start (no pid written to $PIDFILE)"; }
    sleep 0.1
  done
  pid="$(tr -dc '0-9' <"$PIDFILE")"

  if ! wait_ready "$pid" stop; then
    exit 1
  fi
}

# wait_ready PID stop|keep : 0 when ready; on exit or timeout prints the log tail and returns 1
wait_ready() {
  local pid="$1" on_timeout="$2" start=$SECONDS
  while (( SECONDS - start < START_TIMEOUT )); do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "keycloak.sh [$INSTANCE]: Keycloak exited during start-up" >&2
      log_tail 60
      rm -f "$PIDFILE"
      return 1
    fi
    if is_ready; then
      if [[ "$MODE" == production ]]; then
        say "ready in $((SECONDS - start)) s (pid $pid): $BASE_URL/realms/$REALM (admin console $BASE_URL/admin)"
      else
        say "ready in $((SECONDS - start)) s (pid $pid): $BASE_URL/realms/$REALM (admin console $BASE_URL/admin, admin/admin DEMO ONLY)"
      fi
      return 0
    fi
    sleep 1
  done
  echo "keycloak.sh [$INSTANCE]: not ready after $START_TIMEOUT s (KEYCLOAK_START_TIMEOUT)" >&2
  log_tail 60
  [[ "$on_timeout" == stop ]] && cmd_stop >&2
  return 1
}

cmd_stop() {
  local pid
  if ! pid="$(our_pid)"; then
    rm -f "$PIDFILE"
    say "not running"
    return 0
  fi
  # signal the process group only if the pid leads its own group (it does when started by us)
  local target="$pid"
  [[ "$(ps -o pgid= -p "$pid" 2>/dev/null | tr -d ' ')" == "$pid" ]] && target="-$pid"
  say "stopping pid $pid"
  kill -TERM -- "$target" 2>/dev/null || true
  local start=$SECONDS
  while kill -0 "$pid" 2>/dev/null || { [[ "$target" == -* ]] && pgrep -g "$pid" >/dev/null 2>&1; }; do
    if (( SECONDS - start >= STOP_TIMEOUT )); then
      say "still running after $STOP_TIMEOUT s, sending SIGKILL"
      kill -KILL -- "$target" 2>/dev/null || true
      sleep 1
      break
    fi
    sleep 0.5
  done
  rm -f "$PIDFILE"
  say "stopped"
}

cmd_status() {
  local pid
  if pid="$(our_pid)"; then
    if is_ready; then
      say "running and ready (pid $pid) at $BASE_URL, management port $MGMT_PORT"
      return 0
    fi
    say "running (pid $pid) but not ready"
    return 1
  fi
  say "not running"
  return 3
}

cmd_token() {
  [[ $# -ge 1 && -n "$1" ]] || die "usage: $0 token USER [PASSWORD]"
  local user="$1" password="${2:-demo}" out code body token
  out="$(curl -sS --max-time 30 -w '\n%{http_code}' \
    -d grant_type=password -d client_id=luoshi-test -d scope=openid \
    --data-urlencode "username=$user" --data-urlencode "password=$password" \
    "$BASE_URL/realms/$REALM/protocol/openid-connect/token")" || die "Keycloak not reachable at $BASE_URL (is instance '$INSTANCE' started?)"
  code="${out##*$'\n'}"
  body="${out%$'\n'*}"
  [[ "$code" == 200 ]] || die "token request for '$user' failed (HTTP $code): $body"
  token="$(printf '%s' "$body" | sed -n 's/.*"access_token" *: *"\([^"]*\)".*/\1/p')"
  [[ -n "$token" ]] || die "no access_token in the response: $body"
  printf '%s\n' "$token"
}

# The production realm has no users: its first person, an admin who also supervises (imports and assigns the plan),
# from LUOSHI_ADMIN_USER / LUOSHI_ADMIN_PASSWORD, through the admin API with the master realm's admin. Idempotent.
cmd_ensure_user() {
  local v missing=()
  for v in LUOSHI_ADMIN_USER LUOSHI_ADMIN_PASSWORD KEYCLOAK_ADMIN_PASSWORD; do [[ -n "${!v:-}" ]] || missing+=("$v"); done
  (( ${#missing[@]} == 0 )) || die "ensure-user needs these environment variables, which are not set: ${missing[*]}"
  command -v jq >/dev/null 2>&1 || die "ensure-user needs jq: apt-get install -y jq"
  local admin_token api="$BASE_URL/admin/realms/$REALM" user_json id roles
  admin_token="$(curl -fsS --max-time 30 -d grant_type=password -d client_id=admin-cli \
      --data-urlencode "username=${KEYCLOAK_ADMIN_USER:-admin}" --data-urlencode "password=$KEYCLOAK_ADMIN_PASSWORD" \
      "$BASE_URL/realms/master/protocol/openid-connect/token" | jq -r .access_token)" \
    || die "the master realm refused ${KEYCLOAK_ADMIN_USER:-admin} (KEYCLOAK_ADMIN_PASSWORD)"
  local auth=(-H "Authorization: Bearer $admin_token")
  id="$(curl -fsS "${auth[@]}" --get --data-urlencode "username=$LUOSHI_ADMIN_USER" -d exact=true "$api/users" | jq -r '.[0].id // empty')"
  if [[ -n "$id" ]]; then
    say "user $LUOSHI_ADMIN_USER exists (left as it is)"
    return 0
  fi
  user_json="$(jq -n --arg u "$LUOSHI_ADMIN_USER" --arg p "$LUOSHI_ADMIN_PASSWORD" \
    '{username: $u, enabled: true, groups: ["/departments/supervision"],
      credentials: [{type: "password", value: $p, temporary: false}]}')"
  local out code
  out="$(curl -sS "${auth[@]}" -H 'Content-Type: application/json' -d "$user_json" -w '\n%{http_code}' "$api/users")"
  code="${out##*$'\n'}"
  [[ "$code" == 201 ]] || die "creating $LUOSHI_ADMIN_USER failed (HTTP $code): ${out%$'\n'*}"
  id="$(curl -fsS "${auth[@]}" --get --data-urlencode "username=$LUOSHI_ADMIN_USER" -d exact=true "$api/users" | jq -r '.[0].id')"
  roles="$(for r in admin supervisor; do curl -fsS "${auth[@]}" "$api/roles/$r"; done | jq -s .)"
  curl -fsS "${auth[@]}" -H 'Content-Type: application/json' -d "$roles" "$api/users/$id/role-mappings/realm" \
    || die "giving $LUOSHI_ADMIN_USER the roles admin and supervisor failed"
  say "created user $LUOSHI_ADMIN_USER (roles admin, supervisor; department supervision)"
}

usage() {
  cat >&2 <<EOF
usage: $0 start | stop | status | token USER [PASSWORD] | ensure-user
  environment: KEYCLOAK_MODE=$MODE KEYCLOAK_PORT=$PORT KEYCLOAK_MGMT_PORT=$MGMT_PORT KEYCLOAK_INSTANCE=$INSTANCE
               LUOSHI_CACHE=$CACHE KEYCLOAK_START_TIMEOUT=$START_TIMEOUT
EOF
  exit 2
}

case "${1:-}" in
  start)  cmd_start ;;
  stop)   cmd_stop ;;
  status) cmd_status ;;
  token)  shift; cmd_token "$@" ;;
  ensure-user) cmd_ensure_user ;;
  *)      usage ;;
esac
