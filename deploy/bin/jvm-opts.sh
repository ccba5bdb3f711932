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
#   -XX:MetaspaceSize=128m    the metaspace size at which the first class-unloading collection runs (default ~21 MB):
#                             each start crossed 21, 35 and 59 MB with a full collection of the whole heap every time
#                             ("Metadata GC Threshold", 3 full GCs of ~200 ms each at load 15 before ready); metaspace
#                             holds 60-90 MB for the services' whole life, so these collections found nothing to unload
#   -XX:TieredStopAtLevel=1   C1 only, no C2 (deploy/bench/RESULTS.md, "JIT flags, time to ready and steady-state CPU"):
#                             C2's compilations were half of the CPU until ready, and went on for minutes of load after
#                             it (86 s of compiler CPU, 39 % of both JVMs', over 2,500 starts and 800 cycles). CPU until
#                             ready 7.6 -> 3.5 s (task-service) / 9.4 -> 4.4 s (workflow-service) (quiet: ready in
#                             2.7 / 3.5 s); CPU per start 17-29 -> 14 ms, per full cycle 90-108 -> 72-82 ms through those
#                             runs; RSS after load ~70 MB less per JVM (315 / 319 MB). What it gives up: C2's finished
#                             code is ~20 % cheaper per start (11.6 against 14 ms, the same per cycle within the noise),
#                             repaid only after ~30,000 starts at peak without a restart; such a node can append
#                             -XX:TieredStopAtLevel=4. C2 delayed instead (Tier4 thresholds x10) saved only a third of
#                             the CPU until ready and cost the most per cycle (code left in C1's profiling tier).
#                             Measured on top of it and not taken (RESULTS.md, branch h8-ready): -XX:CICompilerCount=1
#                             and -XX:CompileThresholdScaling=2 left the CPU until ready where it was (the latter only
#                             moved ~0.2 s from the compiler thread to the main thread).
#   -XX:SharedArchiveFile     with ARCHIVE_DIR (./luoshi.sh run by default, LUOSHI_CDS=0 turns it off; the benchmark with
#                             LUOSHI_CDS=1): class-data sharing, the ~14,500 classes of a start mapped parsed and verified
#                             from an archive (~75 MB per service, per build) instead of read from the jars: CPU until
#                             ready -25 % (task-service) / -15 % (workflow-service), with MetaspaceSize on a quiet
#                             machine ready 4.9 -> 3.8 s / 6.0 -> 5.1 s (deploy/bench/RESULTS.md "Time to ready").
#                             The first run after a build writes it as it exits (-XX:ArchiveClassesAtExit, an 18 s
#                             longer stop at load 20, once); it is written beside the final name and only renamed there once
#                             a JVM has mapped it, because a truncated archive (a stop that had to kill) crashes every
#                             later start with SIGBUS, -Xshare:auto or not.
#
#   deploy/bin/jvm-opts.sh task-service|workflow-service|web [ARCHIVE_DIR [APP_DIR]]
#
# APP_DIR is the service's quarkus-app folder (default: the checkout's NAME/target/quarkus-app); the archive's name
# carries a checksum of its jars' names, sizes and times, so a rebuild writes a new archive instead of having the JVM
# refuse the old one. LUOSHI_JVM_HEAP overrides the heap cap (e.g. 512m).
set -euo pipefail

name="${1:?usage: jvm-opts.sh task-service|workflow-service|web [ARCHIVE_DIR [APP_DIR]]}"
archives="${2:-}"
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
app="${3:-$repo/$name/target/quarkus-app}"

case "$name" in
  task-service) heap=256m ;;
  workflow-service) heap=192m ;;
  web) heap=64m ;; # static files and one config document: 123 MB RSS after 600 requests of index + 575 KB bundle
  *) echo "jvm-opts.sh: unknown service $name" >&2; exit 1 ;;
esac
opts="-Xmx${LUOSHI_JVM_HEAP:-$heap} -XX:+UseSerialGC -XX:MaxMetaspaceSize=192m -XX:MetaspaceSize=128m"
opts="$opts -XX:ReservedCodeCacheSize=64m -Xss512k -XX:TieredStopAtLevel=1"

if [ -n "$archives" ] && [ -d "$app" ]; then
  mkdir -p "$archives"
  sum="$(find "$app" -name '*.jar' -printf '%P %s %T@\n' | sort | sha1sum | cut -c1-12)"
  archive="$archives/$name-$sum.jsa"
  if [ ! -s "$archive" ] && [ -s "$archive.part" ]; then
    # the last run's archive, if it was written whole: a JVM maps it with this build's class path, or refuses it
    if java -XX:+UseSerialGC -Xshare:on -XX:SharedArchiveFile="$archive.part" -XX:ErrorFile=/dev/null \
      -XX:-CreateCoredumpOnCrash -cp "$app/quarkus-run.jar" -version >/dev/null 2>&1; then
      mv "$archive.part" "$archive"
    else
      rm -f "$archive.part"
    fi
  fi
  if [ -s "$archive" ]; then
    opts="$opts -XX:SharedArchiveFile=$archive"
  else
    find "$archives" -maxdepth 1 -name "$name-*.jsa*" ! -name "$name-$sum.jsa*" -delete
    rm -f "$archive.part"
    opts="$opts -XX:ArchiveClassesAtExit=$archive.part"
  fi
fi
echo "$opts"
