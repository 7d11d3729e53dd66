#!/usr/bin/env bash
# Builds devin-handoff from this checkout and installs it under a prefix (default ~/.local),
# then lets the binary register the `git devin-handoff` alias itself. Safe to run twice.
#   ./install.sh [--prefix DIR] [--hook] [--uninstall]
set -euo pipefail

prefix="${HOME}/.local"
uninstall=0
hook=0
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) [ $# -ge 2 ] || { echo "install.sh: --prefix needs a folder" >&2; exit 2; }; prefix="$2"; shift 2 ;;
    --prefix=*) prefix="${1#--prefix=}"; shift ;;
    --uninstall) uninstall=1; shift ;;
    --hook) hook=1; shift ;;
    -h|--help) sed -n '2,4p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "install.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
  esac
done

root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
lib="$prefix/lib/devin-handoff"
bin="$prefix/bin"

if [ "$uninstall" = 1 ]; then
  if [ -x "$bin/devin-handoff" ]; then "$bin/devin-handoff" uninstall || true; fi
  rm -rf "$lib" "$bin/devin-handoff"
  echo "devin-handoff removed from $prefix" >&2
  exit 0
fi

command -v dotnet >/dev/null 2>&1 || { echo "install.sh: the .NET SDK (dotnet) is needed to build; see https://dot.net" >&2; exit 1; }
command -v git >/dev/null 2>&1 || { echo "install.sh: git is needed" >&2; exit 1; }

case "$(uname -s)-$(uname -m)" in
  Linux-x86_64)  rid=linux-x64 ;;
  Linux-aarch64|Linux-arm64) rid=linux-arm64 ;;
  Darwin-arm64)  rid=osx-arm64 ;;
  Darwin-x86_64) rid=osx-x64 ;;
  *) echo "install.sh: unsupported platform $(uname -s)-$(uname -m)" >&2; exit 1 ;;
esac
if [ "$rid" = linux-x64 ] && [ -f /etc/alpine-release ]; then rid=linux-musl-x64; fi

staging="$(mktemp -d)"
trap 'rm -rf "$staging"' EXIT
echo "building devin-handoff ($rid, ReadyToRun)…" >&2
dotnet publish "$root/src/Handoff.Cli/Handoff.Cli.csproj" -c Release -r "$rid" --self-contained false \
  -p:PublishReadyToRun=true -o "$staging/out" -nologo -v quiet >&2

mkdir -p "$bin" "$prefix/lib"
rm -rf "$lib"
mv "$staging/out" "$lib"
ln -sfn "$lib/devin-handoff" "$bin/devin-handoff"
"$bin/devin-handoff" install
if [ "$hook" = 1 ]; then "$bin/devin-handoff" hook install; fi

case ":$PATH:" in
  *":$bin:"*) ;;
  *) echo "note: $bin is not on your PATH; add it, e.g. export PATH=\"$bin:\$PATH\"" >&2 ;;
esac
echo "installed: $bin/devin-handoff  (try: git devin-handoff create --task \"…\" --dry-run)" >&2
