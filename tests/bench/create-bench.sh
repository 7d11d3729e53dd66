#!/usr/bin/env bash
# Times `devin-handoff create` end to end (Inspect, Scan, Compose, Send to the fake API) on generated
# repositories and prints median wall time and peak memory (max RSS).
#   tests/bench/create-bench.sh [RUNS]        (default 15 runs)
# The binary is built by ./install.sh, as users get it: Native AOT (or its ReadyToRun fallback, which the output
# names); BUILD=r2r tests/bench/create-bench.sh measures the ReadyToRun build for comparison.
# Targets on a 2-core machine: ~1,000 files with 40 modified + 5 untracked: median < 120 ms, peak < 100 MB;
# a working tree with 60 MB of changes: peak < 300 MB.
set -euo pipefail
runs="${1:-15}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
fake_pid=""
cleanup() { [ -n "$fake_pid" ] && kill "$fake_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
[ -x /usr/bin/time ] || { echo "needs GNU time (/usr/bin/time; Debian package 'time')" >&2; exit 1; }

export GIT_AUTHOR_NAME=bench GIT_AUTHOR_EMAIL=bench@example.invalid GIT_COMMITTER_NAME=bench GIT_COMMITTER_EMAIL=bench@example.invalid
. "$root/tests/bench/install-for-bench.sh"
bench_sandbox "$work"
bench_install "$work/prefix"
echo "building the fake API…" >&2
dotnet build "$root/tests/Handoff.FakeDevin/Handoff.FakeDevin.csproj" -c Release -o "$work/fake" -nologo -v quiet >&2
port=$((20000 + RANDOM % 20000))
"$work/fake/Handoff.FakeDevin" --urls "http://127.0.0.1:$port" >"$work/fake.log" 2>&1 &
fake_pid=$!
for _ in $(seq 1 100); do curl -s -o /dev/null "http://127.0.0.1:$port/_fake/requests" && break; sleep 0.1; done

code_file() { # n lines of plausible code
  local n="$1" seed="$2"
  for i in $(seq 1 "$n"); do echo "    public int Method${seed}_$i(int value) => value * $i + $seed; // keep it simple"; done
}
make_repo() { # dir files modified untracked bytes_per_change
  local dir="$1" files="$2" modified="$3" untracked="$4" lines="$5"
  git init -q -b main "$dir"
  git init -q --bare "$dir.remote.git"
  for i in $(seq 1 "$files"); do
    mkdir -p "$dir/src/m$((i % 50))"
    code_file 60 "$i" > "$dir/src/m$((i % 50))/File$i.cs"
  done
  git -C "$dir" add -A && git -C "$dir" commit -qm initial
  git -C "$dir" remote add origin "https://github.com/example/bench.git"
  git -C "$dir" update-ref refs/remotes/origin/main HEAD
  git -C "$dir" branch -q --set-upstream-to=origin/main main
  for i in $(seq 1 "$modified"); do code_file "$lines" "$((i + 7000))" >> "$dir/src/m$((i % 50))/File$i.cs"; done
  for i in $(seq 1 "$untracked"); do code_file "$lines" "$((i + 9000))" > "$dir/src/New$i.cs"; done
}
measure() { # label dir
  local label="$1" dir="$2" times=() mems=()
  for _ in $(seq 1 "$runs"); do
    ( cd "$dir" && DEVIN_API_KEY=cog_bench DEVIN_ORG_ID=org-test DEVIN_API_URL="http://127.0.0.1:$port" \
      /usr/bin/time -f "%e %M" -o "$work/time.txt" "$bench_bin" create --task "benchmark handoff" --json >/dev/null 2>"$work/err.txt" ) \
      || { echo "create failed:" >&2; cat "$work/err.txt" >&2; exit 1; }
    read -r secs kb < "$work/time.txt"
    times+=("$secs"); mems+=("$kb")
  done
  local median peak
  median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2) * 1000}')
  peak=$(printf '%s\n' "${mems[@]}" | sort -n | tail -1)
  printf '%s (%s build): runs %d, median %.0f ms, peak memory %.1f MB\n' "$label" "$bench_build" "$runs" "$median" "$(awk -v k="$peak" 'BEGIN{print k/1024}')"
}

make_repo "$work/small" 1000 40 5 20
measure "1,000 files, 40 modified, 5 untracked" "$work/small"
make_repo "$work/large" 200 100 600 1000   # ~60 MB of changed text
echo "large working tree: $(git -C "$work/large" diff --stat | tail -1 | sed 's/^ *//'); $(du -sh "$work/large/src" | cut -f1) on disk" >&2
runs=3 measure "60 MB of changes" "$work/large"
