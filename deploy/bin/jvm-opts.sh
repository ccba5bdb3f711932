#!/usr/bin/env bash
# The JVM flags of Luoshi's services outside a container (./luoshi.sh run, deploy/bench/side-by-side.sh), printed on one
# line. Chosen from measurement (deploy/bench/RESULTS.md, "Footprint and readiness", 2026-12-05: RSS per JVM after
# 40 full cycles); what each buys:
#   -XX:+UseSerialGC          one collector thread, no G1 regions and remembered sets: after load task-service
#                             475 → 394 MB, workflow-service 461 → 410 MB (same 512 MB cap); on 1–2 cores no slower
#   -Xmx… (256m / 192m)       the heap cap, from the live data (old generation ~35–60 MB after load; an assessment
#                             report needs ~90 MB more while it renders, measured under -Xmx128m): idle
#                             296/356 → 282/324 MB; a cap far above the live data only lets garbage pile up
#   -XX:MaxMetaspaceSize=192m a bound on class metadata (~90 MB used), so that a leak fails instead of growing
#   -XX:ReservedCodeCacheSize=64m  the JIT's code cache (~40 MB used after load) reserved at 64 MB instead of 240 MB
#   -Xss512k                  thread stacks of 512 KB instead of 1 MB (the services' threads never go deep)
# Together (and with task-service's fonts read at the first report): idle 411/408 → 291/290 MB, after load
# 544/472 → 362/341 MB (task-service/workflow-service).
#   -XX:SharedArchiveFile     only with ARCHIVE_DIR (LUOSHI_CDS=1 for ./luoshi.sh run and the benchmark): class-data
#                             sharing, the classes of the first run mapped from an archive (~75 MB per service) that
#                             this run writes as it exits (-XX:ArchiveClassesAtExit). Not by default: writing the
#                             archive took more than 30 s at stop on the loaded 2-core machine, and the CPU until ready
#                             did not drop measurably there (an earlier run saw -25 % wall time to ready).
#
#   deploy/bin/jvm-opts.sh task-service|workflow-service [ARCHIVE_DIR [APP_DIR]]
#
# APP_DIR is the service's quarkus-app folder (default: the checkout's NAME/target/quarkus-app); the archive's name
# carries a checksum of its jars' names, sizes and times, so a rebuild writes a new archive instead of having the JVM
# refuse the old one. LUOSHI_JVM_HEAP overrides the heap cap (e.g. 512m).
set -euo pipefail

name="${1:?usage: jvm-opts.sh task-service|workflow-service [ARCHIVE_DIR [APP_DIR]]}"
archives="${2:-}"
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
app="${3:-$repo/$name/target/quarkus-app}"

case "$name" in
  task-service) heap=256m ;;
  workflow-service) heap=192m ;;
  *) echo "jvm-opts.sh: unknown service $name" >&2; exit 1 ;;
esac
opts="-Xmx${LUOSHI_JVM_HEAP:-$heap} -XX:+UseSerialGC -XX:MaxMetaspaceSize=192m -XX:ReservedCodeCacheSize=64m -Xss512k"

if [ -n "$archives" ] && [ -d "$app" ]; then
  mkdir -p "$archives"
  sum="$(find "$app" -name '*.jar' -printf '%P %s %T@\n' | sort | sha1sum | cut -c1-12)"
  archive="$archives/$name-$sum.jsa"
  if [ -s "$archive" ]; then
    opts="$opts -XX:SharedArchiveFile=$archive"
  else
    rm -f "$archives/$name"-*.jsa
    opts="$opts -XX:ArchiveClassesAtExit=$archive"
  fi
fi
echo "$opts"
