#!/usr/bin/env bash
# The JVM flags of Luoshi's services outside a container (./luoshi.sh run, deploy/bench/side-by-side.sh), printed on one
# line. Chosen from measurement (deploy/bench/RESULTS.md, "JVM flags"); what each buys:
#   -Xmx…                    the heap cap: the live data after load stays under ~100 MB (task-service's assessment
#                            report included, which reads its fonts at the first report); a cap well above the live
#                            data only lets the heap grow with garbage before it is collected
#   -XX:+UseSerialGC         one collector thread and no G1 remembered sets or regions: ~70–90 MB less per JVM at
#                            these heap sizes, and on 1–2 cores no slower (pauses of a few ms for the young generation)
#   -XX:MaxMetaspaceSize     a bound on class metadata (~85–110 MB used), so that a leak fails instead of growing
#   -XX:ReservedCodeCacheSize the JIT's code cache (~40 MB used after load) reserved at 64 MB instead of 240 MB
#   -Xss512k                 thread stacks of 512 KB (the default 1 MB is never touched by these services' threads)
#   -XX:SharedArchiveFile    (with ARCHIVE_DIR) class-data sharing: the classes of the previous run mapped from an
#                            archive instead of loaded and verified again; the first run writes it when it stops
#                            (-XX:ArchiveClassesAtExit), later runs start faster
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
