#!/usr/bin/env bash
# Builds the release archive of devin-handoff for this machine's platform (Native AOT) into OUTDIR:
#   devin-handoff-<rid>.tar.gz  one folder, devin-handoff-<rid>/, holding the binary, its native libgit2, LICENSE, README.md
#   SHA256SUMS                  in sha256sum's format; the lines of other platforms already there are kept
# Asset names carry no version, so ".../releases/latest/download/<asset>" stays a stable URL. The version is the one
# in Directory.Build.props, as `devin-handoff --version` prints it; --expect-version fails the build when it differs
# (the release workflow passes the tag). Windows archives (.zip) come from eng/release.ps1.
#   eng/release.sh OUTDIR [--expect-version VERSION]
set -euo pipefail

usage() { sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; }
outdir=""; expect=""
while [ $# -gt 0 ]; do
  case "$1" in
    --expect-version) [ $# -ge 2 ] || { echo "release.sh: --expect-version needs a version" >&2; exit 2; }; expect="${2#v}"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    -*) echo "release.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
    *) [ -z "$outdir" ] || { echo "release.sh: one OUTDIR only" >&2; exit 2; }; outdir="$1"; shift ;;
  esac
done
[ -n "$outdir" ] || { usage >&2; exit 2; }

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
case "$(uname -s)-$(uname -m)" in
  Linux-x86_64)  rid=linux-x64 ;;
  Linux-aarch64|Linux-arm64) rid=linux-arm64 ;;
  Darwin-arm64)  rid=osx-arm64 ;;
  Darwin-x86_64) rid=osx-x64 ;;
  *) echo "release.sh: no release build for $(uname -s)-$(uname -m) (Windows: eng/release.ps1)" >&2; exit 1 ;;
esac
if [ -f /etc/alpine-release ]; then echo "release.sh: release builds are made on glibc Linux, not Alpine (musl)" >&2; exit 1; fi

sha256() { # FILE -> "hash  FILE"
  if command -v sha256sum >/dev/null 2>&1; then sha256sum "$1"; else shasum -a 256 "$1"; fi
}

mkdir -p "$outdir"
outdir="$(cd "$outdir" && pwd)"
name="devin-handoff-$rid"
asset="$name.tar.gz"
staging="$(mktemp -d)"
trap 'rm -rf "$staging"' EXIT

# The same publish as install.sh (same properties, same --artifacts-path), so a release after an install, or an
# install after a release, reuses the Native AOT compilation instead of repeating it.
echo "building $asset (Native AOT; a minute or two the first time)…" >&2
if ! dotnet publish "$root/src/Handoff.Cli/Handoff.Cli.csproj" -c Release -r "$rid" -p:PublishAot=true \
     --artifacts-path "$root/artifacts/install/aot" -o "$staging/$name" -nologo -v quiet >"$staging/publish.log" 2>&1; then
  cat "$staging/publish.log" >&2
  echo "release.sh: the Native AOT publish failed" >&2
  exit 1
fi
find "$staging/$name" -maxdepth 1 \( -name '*.dbg' -o -name '*.pdb' -o -name '*.dSYM' \) -exec rm -rf {} +
binary="$staging/$name/devin-handoff"
[ -x "$binary" ] || { echo "release.sh: the publish made no $binary" >&2; exit 1; }
compgen -G "$staging/$name/*git2*" >/dev/null || { echo "release.sh: the publish has no native libgit2 beside the binary" >&2; exit 1; }
cp "$root/LICENSE" "$root/README.md" "$staging/$name/"

version="$("$binary" --version)" || { echo "release.sh: the built binary does not run" >&2; exit 1; }
if [ -n "$expect" ] && [ "$version" != "$expect" ]; then
  echo "release.sh: the binary says version '$version', expected '$expect' (set Version in Directory.Build.props and tag v<Version>)" >&2
  exit 1
fi

chmod -R a+rX,go-w "$staging/$name" && chmod 755 "$binary"
if tar --version 2>/dev/null | grep -q 'GNU tar'; then owner=(--owner=0 --group=0 --numeric-owner); else owner=(--uid 0 --gid 0); fi
COPYFILE_DISABLE=1 tar "${owner[@]}" -czf "$staging/$asset" -C "$staging" "$name"
mv -f "$staging/$asset" "$outdir/$asset"

line="$(cd "$outdir" && sha256 "$asset")"
{
  if [ -f "$outdir/SHA256SUMS" ]; then awk -v n="$asset" '{ f = $2; sub(/^\*/, "", f) } f != n' "$outdir/SHA256SUMS"; fi
  echo "$line"
} | LC_ALL=C sort -k2 >"$staging/SHA256SUMS"
mv -f "$staging/SHA256SUMS" "$outdir/SHA256SUMS"
echo "built devin-handoff $version ($rid): $outdir/$asset" >&2
