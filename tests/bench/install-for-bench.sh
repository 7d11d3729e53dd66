# shellcheck shell=bash
# Sourced by the benchmarks: installs devin-handoff the way users get it, with ./install.sh into a prefix
# under the benchmark's temp folder (Native AOT; ReadyToRun where Native AOT is not possible, or with BUILD=r2r
# to compare), and tells which build that is.
#   bench_sandbox WORK       points HOME and git's global config into WORK (install.sh registers the git alias
#                            there), keeping the usual NuGet package folder so nothing is downloaded again
#   bench_install PREFIX     sets bench_bin (the binary) and bench_build ("Native AOT" or "ReadyToRun")
# install.sh keeps its compilation in artifacts/install/, so a rerun of a benchmark does not compile again.
bench_sandbox() {
  export NUGET_PACKAGES="${NUGET_PACKAGES:-$HOME/.nuget/packages/}"   # before HOME changes; same restore as install.sh
  export HOME="$1/home" GIT_CONFIG_GLOBAL="$1/home/.gitconfig" GIT_CONFIG_NOSYSTEM=1
  mkdir -p "$HOME" && touch "$GIT_CONFIG_GLOBAL"
}

bench_install() {
  local prefix="$1" flags=()
  : "${root:?the benchmark that sources this file sets root}"
  case "${BUILD:-aot}" in
    aot) ;;
    r2r|readytorun) flags+=(--no-aot) ;;
    *) echo "BUILD must be aot or r2r, not '$BUILD'" >&2; exit 2 ;;
  esac
  echo "building with ./install.sh${flags[*]:+ ${flags[*]}}…" >&2
  "$root/install.sh" --prefix "$prefix" "${flags[@]}" >"$prefix.install.log" 2>&1 \
    || { cat "$prefix.install.log" >&2; echo "install.sh failed" >&2; exit 1; }
  grep '^note: ' "$prefix.install.log" | grep -v 'not on your PATH' >&2 || true   # e.g. why it fell back
  bench_build="$(sed -n 's/^installed (\(.*\)): .*/\1/p' "$prefix.install.log")"
  bench_bin="$prefix/lib/devin-handoff/devin-handoff"
  if [ -z "$bench_build" ] || [ ! -x "$bench_bin" ]; then cat "$prefix.install.log" >&2; echo "install.sh installed nothing" >&2; exit 1; fi
  echo "measuring the $bench_build build ($(du -sh "$prefix/lib/devin-handoff" | cut -f1) installed)" >&2
}
