#!/usr/bin/env bash
# One service started alone on the bench's databases (side-by-side.sh pg luoshi-fresh fixture first), with its
# class-data archive from CDS_DIR: prints the wall time to the first 200 of /q/health/ready, split at Quarkus' "started
# in … Listening" log line into the start (JVM + boot, the main thread's work) and the gap until the first readiness
# probe answered 200 (the checks' first run, work scheduled at HttpServerStart), the JVM's CPU and the main thread's
# CPU (utime + stime from /proc) at ready; then stops it. Extra arguments are added to jvm-opts.sh's flags.
# CLASS_LOG=1 also logs class loading (-Xlog:class+load, which costs CPU of its own: compare runs with it only with each
# other) and counts the classes loaded before "Listening", before the first 200, and among those before "Listening"
# Flyway's and SmallRye OpenAPI's/SnakeYAML's.
#
#   CDS_DIR=… deploy/bench/ready-gap.sh task-service|workflow-service JARS [JVM flags…]
#
# Environment as side-by-side.sh: KEYCLOAK_URL, BENCH_PGPORT, TASK_PORT, WF_PORT (the helper's own ports).
set -euo pipefail
name=$1 jars=$2; shift 2
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
case "$name" in task-service) port=$TASK_PORT ;; workflow-service) port=$WF_PORT ;; *) echo "unknown $name" >&2; exit 1 ;; esac
log=$(mktemp)
app="$jars/$name/target/quarkus-app"
source "$repo/deploy/bench/luoshi-env.sh"
# shellcheck disable=SC2046
env "${luoshi_env[@]}" \
  java $("$repo/deploy/bin/jvm-opts.sh" "$name" "${CDS_DIR:-}" "$app") ${CLASS_LOG:+-Xlog:class+load:file=$log.classes:uptime} "$@" -Dquarkus.http.port="$port" \
  -jar "$app/quarkus-run.jar" >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -f "$log" "$log.classes"' EXIT
t0=$(date +%s%N)
until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/q/health/ready")" = 200 ]; do
  kill -0 $pid 2>/dev/null || { tail -n 20 "$log" >&2; exit 1; }
  sleep 0.02
done
t1=$(date +%s%N)
uptime_s=$(cut -d' ' -f1 /proc/uptime)
listening=$(date -d "$(grep -m1 'started in' "$log" | cut -c1-23 | tr , .)" +%s%N)
main=0
for t in /proc/$pid/task/*; do  # the launcher's thread and Java's main thread are both "java"; the launcher only waits
  [ "$(cat "$t/comm")" = java ] && main=$(awk -v m="$main" '{printf "%.2f", m + ($14 + $15) / 100}' "$t/stat")
done
classes=""
if [ -n "${CLASS_LOG:-}" ]; then  # the JVM's uptime at ready, from the process's start (clock ticks since boot)
  ready_up=$(awk -v u="$uptime_s" -v hz="$(getconf CLK_TCK)" '{printf "%.3f", u - $22 / hz}' "/proc/$pid/stat")
  listen_up=$(awk -v r="$ready_up" -v g="$(( (t1 - listening) / 1000000 ))" 'BEGIN {printf "%.3f", r - g / 1000}')
  classes=$(awk -v l="$listen_up" -v r="$ready_up" '{t = substr($1, 2) + 0}
    t < l {n++; if (/org\.flywaydb/) f++; if (/smallrye\.openapi|snakeyaml/) o++} t < r {a++}
    END {printf ", \"classes_before_listening\": %d, \"classes_at_ready\": %d, \"flyway_before_listening\": %d, \"openapi_yaml_before_listening\": %d", n, a, f, o}' "$log.classes")
fi
echo "{\"service\": \"$name\", \"jars\": \"$jars\", \"flags\": \"$*\", \"ready_ms\": $(( (t1 - t0) / 1000000 )),\
 \"listening_ms\": $(( (listening - t0) / 1000000 )), \"gap_ms\": $(( (t1 - listening) / 1000000 )),\
 \"cpu_s\": $(awk '{printf "%.2f", ($14 + $15) / 100}' "/proc/$pid/stat"), \"main_cpu_s\": $main,\
 \"loadavg\": $(cut -d' ' -f1 /proc/loadavg)$classes}"
