#!/usr/bin/env bash
# Builds devin-handoff from this checkout and installs it under a prefix (default ~/.local),
# then lets the binary register the `git devin-handoff` alias itself. Safe to run twice.
#   ./install.sh [--prefix DIR] [--hook] [--no-aot] [--uninstall]
# The binary is compiled ahead of time (Native AOT: fast start-up, no .NET runtime needed to run), which needs a
# C toolchain (Linux: clang or gcc, and zlib; macOS: the Xcode command line tools). Without one, or with --no-aot,
# it installs the ReadyToRun build instead, which runs on the installed .NET runtime and starts slower.
set -euo pipefail

prefix="${HOME}/.local"
uninstall=0
hook=0
aot=1
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) [ $# -ge 2 ] || { echo "install.sh: --prefix needs a folder" >&2; exit 2; }; prefix="$2"; shift 2 ;;
    --prefix=*) prefix="${1#--prefix=}"; shift ;;
    --uninstall) uninstall=1; shift ;;
    --hook) hook=1; shift ;;
    --no-aot) aot=0; shift ;;
    -h|--help) sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
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
if [ -f /etc/alpine-release ]; then rid="${rid/linux-/linux-musl-}"; fi
case "$rid" in
  osx-*) toolchain_hint="install the Xcode command line tools (xcode-select --install)" ;;
  linux-musl-*) toolchain_hint="install clang or gcc, and zlib (apk add clang build-base zlib-dev)" ;;
  *) toolchain_hint="install clang or gcc, and zlib (sudo apt-get install clang zlib1g-dev, or sudo dnf install clang zlib-devel)" ;;
esac

staging="$(mktemp -d)"
trap 'rm -rf "$staging"' EXIT
project="$root/src/Handoff.Cli/Handoff.Cli.csproj"
# Each kind of build keeps its own intermediate files under artifacts/ (not the obj/ folders that `dotnet build`
# and `dotnet test` use), so rerunning ./install.sh after them reuses the previous compilation instead of
# repeating the Native AOT one (a minute or two).
artifacts="$root/artifacts/install"

# Native AOT first; any failure falls back to ReadyToRun with a one-line notice saying why.
build=""
if [ "$aot" = 1 ]; then
  if ! command -v clang >/dev/null 2>&1 && ! command -v gcc >/dev/null 2>&1; then
    why="no C compiler/linker (clang or gcc) on PATH"
  else
    echo "building devin-handoff ($rid, Native AOT; a minute or two the first time)…" >&2
    if dotnet publish "$project" -c Release -r "$rid" -p:PublishAot=true \
         --artifacts-path "$artifacts/aot" -o "$staging/out" -nologo -v quiet >"$staging/aot.log" 2>&1; then
      build="Native AOT"
      # Symbols stay behind: only the binary and the native libraries it loads (libgit2) are installed.
      find "$staging/out" -maxdepth 1 \( -name '*.dbg' -o -name '*.pdb' -o -name '*.dSYM' \) -exec rm -rf {} +
    else
      # The first error that says why (the compiler's or linker's own words), not MSBuild's "the command exited with code 1".
      why="$(grep -E '(^|[ :])error( [A-Z]+[0-9]+)? ?:' "$staging/aot.log" | grep -v 'error MSB3073' | head -1 \
        | sed -E 's/^ *//; s/ \[[^]]*\]$//; s/^[^ ]*\([0-9]+,[0-9]+\): //' | cut -c1-200 || true)"
      why="the Native AOT build failed (${why:-dotnet publish -p:PublishAot=true exited with an error})"
      rm -rf "$staging/out"
    fi
  fi
  if [ -z "$build" ]; then
    echo "note: $why, so this installs the ReadyToRun build, which starts slower; for the fast Native AOT build, $toolchain_hint and rerun ./install.sh" >&2
  fi
fi
if [ -z "$build" ]; then
  echo "building devin-handoff ($rid, ReadyToRun)…" >&2
  dotnet publish "$project" -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true \
    --artifacts-path "$artifacts/readytorun" -o "$staging/out" -nologo -v quiet >"$staging/r2r.log" 2>&1 \
    || { cat "$staging/r2r.log" >&2; echo "install.sh: the build failed" >&2; exit 1; }
  build="ReadyToRun"
fi

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
echo "installed ($build): $bin/devin-handoff  (try: git devin-handoff create --task \"…\" --dry-run)" >&2
