#!/usr/bin/env bash
# Secret-scan throughput and peak memory on generated diffs of realistic code (default 50 and 200 MB), two ways:
#  1. library: the benchmark project (Release, JIT) makes one timed single-threaded pass of the scanner over the
#     streamed file, after warm-up ("scan throughput: N MB/s, peak memory: N MB");
#  2. end to end: the shipped binary, built by ./install.sh (Native AOT, or its ReadyToRun fallback, which the output
#     names; BUILD=r2r to compare), as `devin-handoff scan --stdin < FILE`, timed by /usr/bin/time over RUNS runs:
#     wall time including start-up, median MB/s and the highest peak RSS. Comparing sizes shows that memory stays
#     flat in input size (the scan streams).
#   tests/bench/scan-bench.sh [SIZES] [RUNS] [MODE]
#     SIZES: MB, comma-separated (default 50,200); RUNS: end-to-end runs per size (default 5);
#     MODE: quick-scan (default) or read-only: the library pass's I/O floor (read + split lines, no scan).
# Each diff is generated to a file by a separate process first, so the measured processes only stream it.
# For the full BenchmarkDotNet run use: dotnet run -c Release --project tests/Handoff.Benchmarks -- --filter '*ScanDiff*'
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
sizes="${1:-50,200}"
runs="${2:-5}"
mode="${3:-quick-scan}"
dir="${TMPDIR:-/tmp}"   # the benchmark program looks for its warm-up file there
work="$(mktemp -d)"
generated=()
cleanup() { rm -rf "$work"; rm -f "${generated[@]}"; }
trap cleanup EXIT
[ -x /usr/bin/time ] || { echo "needs GNU time (/usr/bin/time; Debian package 'time')" >&2; exit 1; }

. "$root/tests/bench/install-for-bench.sh"
bench_sandbox "$work"
bench_install "$work/prefix"

dotnet build -c Release tests/Handoff.Benchmarks -v quiet -nologo >/dev/null
dll=tests/Handoff.Benchmarks/bin/Release/net10.0/Handoff.Benchmarks.dll
generated+=("$dir/handoff-quick-warmup.diff")
rm -f "$dir/handoff-quick-warmup.diff"
dotnet "$dll" gen 8 "$dir/handoff-quick-warmup.diff" 2

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
for size in ${sizes//,/ }; do
  file="$dir/handoff-quick-${size}mb.diff"
  generated+=("$file")
  rm -f "$file"
  dotnet "$dll" gen "$size" "$file"
  mb="$(awk -v b="$(wc -c < "$file")" 'BEGIN{print b/1048576}')"

  echo "== ${size} MB diff, library ($mode, dotnet JIT):"
  dotnet "$dll" "$mode" "$size" "$file"

  # Untimed: the generator's dirty pages are flushed and the file and binary are in the page cache first.
  sync; "$bench_bin" scan --stdin <"$file" >/dev/null 2>&1 || true
  times=(); mems=(); cpus=()
  for _ in $(seq 1 "$runs"); do
    set +e
    /usr/bin/time -f "%e %M %U %S" -o "$work/time.txt" "$bench_bin" scan --stdin <"$file" >/dev/null 2>"$work/err.txt"
    code=$?
    set -e
    [ "$code" = 0 ] || [ "$code" = 3 ] || { echo "scan --stdin failed (exit $code):" >&2; cat "$work/err.txt" >&2; exit 1; }
    read -r secs kb user sys < <(tail -1 "$work/time.txt")   # GNU time prefixes "Command exited with non-zero status 3"
    times+=("$secs"); mems+=("$kb"); cpus+=("$(awk -v u="$user" -v s="$sys" 'BEGIN{print u+s}')")
  done
  wall="$(printf '%s\n' "${times[@]}" | median)"
  cpu="$(printf '%s\n' "${cpus[@]}" | median)"
  fastest="$(printf '%s\n' "${times[@]}" | sort -n | head -1)"
  peak="$(printf '%s\n' "${mems[@]}" | sort -n | tail -1)"
  # CPU time is the steadier figure on a shared machine, where wall time swings with other load.
  printf '== %s MB diff, end to end (devin-handoff scan --stdin, %s build): runs %d, median %.2f s wall incl. start-up (%.0f MB/s; fastest run %.0f MB/s), median CPU %.2f s (%.0f MB/s), peak memory %.1f MB\n' \
    "$size" "$bench_build" "$runs" "$wall" "$(awk -v m="$mb" -v s="$wall" 'BEGIN{print m/s}')" "$(awk -v m="$mb" -v s="$fastest" 'BEGIN{print m/s}')" \
    "$cpu" "$(awk -v m="$mb" -v s="$cpu" 'BEGIN{print m/s}')" "$(awk -v k="$peak" 'BEGIN{print k/1024}')"
done
