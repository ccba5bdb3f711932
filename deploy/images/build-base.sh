#!/usr/bin/env bash
# The base image of Luoshi's images, made without a Docker daemon or a registry: a minimal Debian bookworm root
# (debootstrap) with Debian's OpenJDK 17 runtime, its security updates and the CJK fonts of task-service's
# assessment reports, written as a docker-archive tar (manifest.json, config, one layer) that Jib takes as
# <from><image>tar://…</image></from>.
#
#   deploy/images/build-base.sh [OUT]    default: ~/.cache/luoshi/images/luoshi-base.tar (the Maven build's default too)
#
# OUT may be given as Jib names it, tar:///path/base.tar (the Maven build passes its luoshi.image.base); any other
# image reference is one to pull from a registry, and there is nothing to make.
#
# Runs once per machine: the archive is kept in the user's cache (shared by every clone and CI run) beside a stamp
# of this script's content, and rebuilt only when the script changes (or the archive is deleted). Needs root (debootstrap creates device nodes and chowns) and the
# Debian mirror this machine's apt uses, read from /etc/apt/sources.list*. Builds that can pull from a registry
# set -Dluoshi.image.base=<image> instead and never run this.
set -euo pipefail

OUT="${1:-${XDG_CACHE_HOME:-$HOME/.cache}/luoshi/images/luoshi-base.tar}"
case "$OUT" in
  tar://*) OUT="${OUT#tar://}" ;;
  /*) ;;
  *) exit 0 ;;
esac
SUITE=bookworm
# the JRE, and the fonts ReportFonts looks for (TrueType outlines, which PDFBox can subset)
PACKAGES=openjdk-17-jre-headless,fonts-arphic-gbsn00lp,fonts-wqy-zenhei
# the images' user: no login, home on the writable /tmp (the root filesystem is read-only in Kubernetes)
APP_UID=1000

say() { printf '[build-base] %s\n' "$*" >&2; }
die() { printf '[build-base] ERROR: %s\n' "$*" >&2; exit 1; }

stamp="$(sha256sum "${BASH_SOURCE[0]}" | cut -c1-64)"
if [ -f "$OUT" ] && [ "$(cat "$OUT.stamp" 2>/dev/null)" = "$stamp" ]; then
  exit 0
fi
[ "$(id -u)" = 0 ] || die "debootstrap needs root (run as root, or set -Dluoshi.image.base to a pullable image)"
command -v debootstrap >/dev/null 2>&1 || die "debootstrap is missing: apt-get install -y debootstrap"

# The first URI of a Debian main archive in apt's sources (deb822 .sources or one-line .list), so that the build
# uses whatever mirror this machine is set up with. $1: "debian" or "debian-security".
mirror_of() {
  local kind="$1" files
  files="$(ls /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources 2>/dev/null || true)"
  [ -n "$files" ] || return 0
  # shellcheck disable=SC2086
  { sed -n 's/^URIs:[[:space:]]*//p' $files | tr ' ' '\n'
    sed -n 's/^deb[[:space:]]\+\(\[[^]]*\][[:space:]]\+\)\{0,1\}\([^[:space:]]\+\).*/\2/p' $files; } \
    | grep -E "/${kind}/?\$" | head -n 1
}
MIRROR="${DEBIAN_MIRROR:-$(mirror_of debian)}"
SECURITY_MIRROR="${DEBIAN_SECURITY_MIRROR:-$(mirror_of debian-security)}"
[ -n "$MIRROR" ] || die "no Debian mirror found in /etc/apt/sources.list*; set DEBIAN_MIRROR"

work="$(mktemp -d "${TMPDIR:-/tmp}/luoshi-base.XXXXXX")"
trap 'rm -rf "$work"' EXIT
root="$work/root"
started=$SECONDS
say "debootstrap $SUITE from $MIRROR with $PACKAGES (about a minute, once per machine)"
debootstrap --variant=minbase --include="$PACKAGES" "$SUITE" "$root" "$MIRROR" >"$work/debootstrap.log" 2>&1 \
  || { tail -n 30 "$work/debootstrap.log" >&2; die "debootstrap failed (log above)"; }

if [ -n "$SECURITY_MIRROR" ]; then
  say "security updates from $SECURITY_MIRROR"
  printf 'deb %s %s main\ndeb %s %s-security main\n' "$MIRROR" "$SUITE" "$SECURITY_MIRROR" "$SUITE" > "$root/etc/apt/sources.list"
  # the JDK's maintainer scripts find their own files through /proc
  mount -t proc proc "$root/proc"
  trap 'umount "$root/proc" 2>/dev/null || true; rm -rf "$work"' EXIT
  chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive \
    sh -c 'apt-get update -qq && apt-get upgrade -y -qq' >"$work/upgrade.log" 2>&1 \
    || { tail -n 30 "$work/upgrade.log" >&2; die "the security upgrade failed (log above)"; }
  umount "$root/proc"
fi

echo "luoshi:x:$APP_UID:$APP_UID:Luoshi:/tmp:/usr/sbin/nologin" >> "$root/etc/passwd"
echo "luoshi:x:$APP_UID:" >> "$root/etc/group"
# what only the build needed: package caches and lists, logs; /tmp is an emptyDir at run time
rm -rf "$root"/var/cache/apt/* "$root"/var/lib/apt/lists/* "$root"/var/log/* "$root"/tmp/* "$root"/usr/share/man/*
java_home="$(dirname "$(dirname "$(readlink -f "$root/usr/bin/java" | sed "s|^$root||")")")"
[ -x "$root$java_home/bin/java" ] || die "no java in the new root ($java_home)"

say "writing the docker-archive $OUT"
image="$work/image"
mkdir -p "$image"
tar --numeric-owner --xattrs --sort=name --mtime='@0' -C "$root" -cf "$image/layer.tar" .
diff_id="sha256:$(sha256sum "$image/layer.tar" | cut -c1-64)"
jq -n --arg diff "$diff_id" --arg java_home "$java_home" '{
  architecture: "amd64", os: "linux", created: "1970-01-01T00:00:00Z",
  config: {
    Env: ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", ("JAVA_HOME=" + $java_home), "LANG=C.UTF-8"],
    User: "1000:1000", WorkingDir: "/"
  },
  rootfs: {type: "layers", diff_ids: [$diff]},
  history: [{created: "1970-01-01T00:00:00Z", created_by: "deploy/images/build-base.sh (debootstrap --variant=minbase)"}]
}' > "$image/config.json"
config_name="$(sha256sum "$image/config.json" | cut -c1-64).json"
mv "$image/config.json" "$image/$config_name"
jq -n --arg config "$config_name" '[{Config: $config, RepoTags: ["luoshi-base:bookworm-jre17"], Layers: ["layer.tar"]}]' \
  > "$image/manifest.json"
mkdir -p "$(dirname "$OUT")"
tar -C "$image" -cf "$OUT.tmp" manifest.json "$config_name" layer.tar
mv "$OUT.tmp" "$OUT"
echo "$stamp" > "$OUT.stamp"
say "done in $((SECONDS - started))s: $(du -h "$OUT" | cut -f1)"
