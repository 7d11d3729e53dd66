#!/usr/bin/env bash
# Installs devin-handoff under a prefix (default ~/.local: the binary in lib/devin-handoff, a link in bin), then lets
# the binary register the `git devin-handoff` alias itself. Safe to run again: it upgrades in place.
#   install.sh [--release [VERSION]] [--prefix DIR] [--hook] [--no-aot] [--uninstall]
# --release downloads the prebuilt binary for this OS and architecture from the project's GitHub releases (VERSION:
# latest, the default, or e.g. 0.2.0), checks it against the release's SHA256SUMS and installs it: no .NET SDK, no
# compiler. Run outside a clone (curl -fsSL …/install.sh | bash) it does that by itself. DEVIN_HANDOFF_RELEASE_URL
# replaces the folder the assets are downloaded from (https, or http on this machine only).
# In a clone, without --release, it builds from source: Native AOT (fast start-up, no .NET runtime needed to run),
# which needs the .NET 10 SDK and a C toolchain (Linux: clang or gcc, and zlib; macOS: the Xcode command line
# tools). Without the toolchain, or with --no-aot, it installs the ReadyToRun build, which runs on the .NET runtime.
set -euo pipefail

# All in one function, called on the last line: piped into bash, nothing runs before the whole script has arrived.
main() {
  repo_url="https://github.com/club-cog/devin-handoff"
  prefix="${HOME}/.local"
  uninstall=0
  hook=0
  aot=1
  release=""
  while [ $# -gt 0 ]; do
    case "$1" in
      --prefix) [ $# -ge 2 ] || { echo "install.sh: --prefix needs a folder" >&2; exit 2; }; prefix="$2"; shift 2 ;;
      --prefix=*) prefix="${1#--prefix=}"; shift ;;
      --release)
        release=latest; shift
        if [ $# -gt 0 ] && [ "${1#-}" = "$1" ]; then release="$1"; shift; fi ;;
      --release=*) release="${1#--release=}"; shift ;;
      --uninstall) uninstall=1; shift ;;
      --hook) hook=1; shift ;;
      --no-aot) aot=0; shift ;;
      -h|--help)
        if [ -f "${BASH_SOURCE[0]:-}" ]; then sed -n '2,11p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
        else echo "usage: install.sh [--release [VERSION]] [--prefix DIR] [--hook] [--no-aot] [--uninstall]"; fi
        exit 0 ;;
      *) echo "install.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
    esac
  done

  case "$prefix" in /*) ;; *) prefix="$PWD/$prefix" ;; esac
  lib="$prefix/lib/devin-handoff"
  bin="$prefix/bin"

  if [ "$uninstall" = 1 ]; then
    # Only what an install put there: the alias (if it is ours), lib/devin-handoff, and bin/devin-handoff if it links there.
    # (When the binary cannot run any more, the alias goes if it names this prefix's binary.)
    if [ -x "$bin/devin-handoff" ] && "$bin/devin-handoff" uninstall </dev/null; then :
    elif git config --global --get alias.devin-handoff 2>/dev/null | grep -qF "$lib/devin-handoff"; then
      git config --global --unset alias.devin-handoff && echo "removed git alias: git devin-handoff" >&2
    fi
    if [ -L "$bin/devin-handoff" ] && [ "$(readlink "$bin/devin-handoff")" = "$lib/devin-handoff" ]; then rm -f "$bin/devin-handoff"
    elif [ -e "$bin/devin-handoff" ]; then echo "note: $bin/devin-handoff is not a link to $lib; left alone" >&2; fi
    rm -rf "$lib"
    echo "devin-handoff removed from $prefix" >&2
    exit 0
  fi

  # A clone holds the project; a script piped into bash (curl … | bash) or copied elsewhere has none beside it.
  root=""
  if [ -n "${BASH_SOURCE[0]:-}" ] && [ -f "${BASH_SOURCE[0]}" ]; then root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"; fi
  if [ -z "$release" ] && { [ -z "$root" ] || [ ! -f "$root/src/Handoff.Cli/Handoff.Cli.csproj" ]; }; then release=latest; fi
  if [ -n "$release" ] && [ "$aot" = 0 ]; then echo "install.sh: --no-aot is for building from source; a release is always the Native AOT build" >&2; exit 2; fi

  # Moves the folder holding the new binary into the prefix (replacing an older install), links it from bin, and
  # lets it register the git alias.
  place() { # folder
    mkdir -p "$bin" "$prefix/lib"
    rm -rf "$lib.new"
    mv "$1" "$lib.new"
    rm -rf "$lib"
    mv "$lib.new" "$lib"
    ln -sfn "$lib/devin-handoff" "$bin/devin-handoff"
    "$bin/devin-handoff" install </dev/null
    if [ "$hook" = 1 ]; then "$bin/devin-handoff" hook install </dev/null; fi
  }

  path_note() {
    case ":$PATH:" in
      *":$bin:"*) ;;
      *) echo "note: $bin is not on your PATH; add it, e.g. export PATH=\"$bin:\$PATH\"" >&2 ;;
    esac
  }

  if [ -n "$release" ]; then
    # ---- Install a release: download, check against SHA256SUMS, then (only then) touch the prefix.
    refuse() { echo "install.sh: $*; nothing was installed" >&2; exit 1; }
    os="$(uname -s)"; arch="$(uname -m)"
    case "$os-$arch" in
      Linux-x86_64)  rid=linux-x64 ;;
      Linux-aarch64|Linux-arm64) rid=linux-arm64 ;;
      Darwin-arm64)  rid=osx-arm64 ;;
      Darwin-x86_64)
        # An x86_64 shell under Rosetta on Apple silicon: the native arm64 build is the one to run.
        if [ "$(sysctl -n sysctl.proc_translated 2>/dev/null || true)" = 1 ]; then rid=osx-arm64; else rid=osx-x64; fi ;;
      MINGW*|MSYS*|CYGWIN*) refuse "on Windows, install with PowerShell: install.ps1 -Release" ;;
      *) refuse "no release build for this platform ($os $arch); there are builds for Linux x86_64 and arm64, macOS x86_64 and arm64, Windows x64; to build from source, clone $repo_url and run ./install.sh" ;;
    esac
    if [ "$os" = Linux ] && { [ -f /etc/alpine-release ] || { ldd --version 2>&1 || true; } | grep -qi musl; }; then
      refuse "no release build for Linux with musl (Alpine): the builds need glibc; to build from source, clone $repo_url and run ./install.sh"
    fi
    asset="devin-handoff-$rid.tar.gz"

    version="${release#v}"
    if [ -n "${DEVIN_HANDOFF_RELEASE_URL:-}" ]; then base="${DEVIN_HANDOFF_RELEASE_URL%/}"
    elif [ "$version" = latest ]; then base="$repo_url/releases/latest/download"
    else base="$repo_url/releases/download/v$version"; fi
    case "$base" in
      https://*) ;;
      http://*)
        hostport="${base#http://}"; hostport="${hostport%%/*}"; hostport="${hostport##*@}"
        case "$hostport" in \[*) host="${hostport%%]*}]" ;; *) host="${hostport%%:*}" ;; esac
        if ! { [ "$host" = localhost ] || [ "$host" = "[::1]" ] || [[ "$host" =~ ^127\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}$ ]]; }; then
          refuse "refusing plain-http $base: downloads need https (http only from this machine: localhost, 127.x.x.x, [::1])"
        fi ;;
      *) refuse "DEVIN_HANDOFF_RELEASE_URL must be an https:// URL (got '$base')" ;;
    esac

    if command -v sha256sum >/dev/null 2>&1; then sha256() { sha256sum "$1" | cut -d' ' -f1; }
    elif command -v shasum >/dev/null 2>&1; then sha256() { shasum -a 256 "$1" | cut -d' ' -f1; }
    else refuse "needs sha256sum or shasum to check the download"; fi
    if command -v curl >/dev/null 2>&1; then
      download() { # URL FILE; an https download may not be redirected to plain http
        case "$1" in
          https://*) curl -fsSL --retry 2 --proto-redir "=https" -o "$2" "$1" ;;
          *) curl -fsSL --retry 2 -o "$2" "$1" ;;
        esac
      }
    elif command -v wget >/dev/null 2>&1; then download() { wget -q -O "$2" "$1"; }
    else refuse "needs curl or wget to download"; fi
    command -v tar >/dev/null 2>&1 || refuse "needs tar to unpack the download"

    staging="$(mktemp -d)"
    trap 'rm -rf "$staging"' EXIT
    echo "downloading $asset ($version) from $base…" >&2
    download "$base/SHA256SUMS" "$staging/SHA256SUMS" || refuse "could not download $base/SHA256SUMS"
    download "$base/$asset" "$staging/$asset" || refuse "could not download $base/$asset"
    expected="$(awk -v n="$asset" '{ f = $2; sub(/^\*/, "", f) } f == n { print tolower($1); exit }' "$staging/SHA256SUMS")"
    [[ "$expected" =~ ^[0-9a-f]{64}$ ]] || refuse "SHA256SUMS has no checksum for $asset"
    actual="$(sha256 "$staging/$asset")"
    [ "$actual" = "$expected" ] || refuse "checksum mismatch for $asset (expected $expected, got $actual): the download is damaged or was tampered with"

    mkdir "$staging/x"
    tar -xzf "$staging/$asset" -C "$staging/x" || refuse "could not unpack $asset"
    new="$staging/x/devin-handoff-$rid"
    [ -f "$new/devin-handoff" ] || refuse "$asset holds no devin-handoff-$rid/devin-handoff"
    chmod +x "$new/devin-handoff"
    # It must run here before it replaces anything (an older glibc, say, fails now rather than after the install).
    got="$("$new/devin-handoff" --version </dev/null 2>"$staging/version.err")" \
      || refuse "the downloaded binary does not run on this machine: $(head -1 "$staging/version.err")"
    if [ "$version" != latest ] && [ "${got%%+*}" != "$version" ]; then refuse "asked for version $version, but the download is version $got"; fi

    place "$new"
    path_note
    echo "installed (release $got, $rid): $bin/devin-handoff  (try: git devin-handoff create --task \"…\" --dry-run)" >&2
    exit 0
  fi

  # ---- Build from this clone.
  command -v dotnet >/dev/null 2>&1 || { echo "install.sh: the .NET SDK (dotnet) is needed to build; see https://dot.net, or install a release: ./install.sh --release" >&2; exit 1; }
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
  # repeating the Native AOT one (a minute or two). eng/release.sh publishes the same way and shares it.
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
      echo "note: $why, so this installs the ReadyToRun build, which starts slower; for the fast Native AOT build, $toolchain_hint and rerun ./install.sh (or install a release: ./install.sh --release)" >&2
    fi
  fi
  if [ -z "$build" ]; then
    echo "building devin-handoff ($rid, ReadyToRun)…" >&2
    dotnet publish "$project" -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true \
      --artifacts-path "$artifacts/readytorun" -o "$staging/out" -nologo -v quiet >"$staging/r2r.log" 2>&1 \
      || { cat "$staging/r2r.log" >&2; echo "install.sh: the build failed" >&2; exit 1; }
    build="ReadyToRun"
  fi

  place "$staging/out"
  path_note
  echo "installed ($build): $bin/devin-handoff  (try: git devin-handoff create --task \"…\" --dry-run)" >&2
}

main "$@"
