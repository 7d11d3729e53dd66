#!/usr/bin/env bash
# Start-up of the MCP server: the time from starting `devin-handoff mcp` to its answer to `initialize` (target on a
# 2-core machine: median < 100 ms for the Native AOT build), and for comparison the time of `devin-handoff --version`
# (a whole run of the CLI). Prints the median and the fastest of RUNS runs of each.
#   tests/bench/mcp-bench.sh [RUNS]                    (default 30 runs; builds with ./install.sh like the other benchmarks)
#   DEVIN_HANDOFF_BIN=path/to/devin-handoff tests/bench/mcp-bench.sh   measures that binary instead (no build)
set -euo pipefail
runs="${1:-30}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if [ -n "${DEVIN_HANDOFF_BIN:-}" ]; then
  bench_bin="$DEVIN_HANDOFF_BIN"; bench_build="given binary"
  export HOME="$work/home" GIT_CONFIG_GLOBAL="$work/home/.gitconfig" GIT_CONFIG_NOSYSTEM=1
  mkdir -p "$HOME" && touch "$GIT_CONFIG_GLOBAL"
else
  . "$root/tests/bench/install-for-bench.sh"
  bench_sandbox "$work"
  bench_install "$work/prefix"
fi
mkdir -p "$work/repo" && git init -q "$work/repo"

python3 - "$bench_bin" "$runs" "$work/repo" "$bench_build" <<'PY'
import json, statistics, subprocess, sys, time
binary, runs, repo, build = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
initialize = json.dumps({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {
    "protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "bench", "version": "1"}}}) + "\n"

def version_ms():
    start = time.perf_counter_ns()
    subprocess.run([binary, "--version"], cwd=repo, stdout=subprocess.DEVNULL, check=True)
    return (time.perf_counter_ns() - start) / 1e6

def initialize_ms():
    start = time.perf_counter_ns()
    p = subprocess.Popen([binary, "mcp"], cwd=repo, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    p.stdin.write(initialize.encode()); p.stdin.flush()
    answer = p.stdout.readline()
    elapsed = (time.perf_counter_ns() - start) / 1e6
    p.stdin.close(); p.wait(timeout=30)
    reply = json.loads(answer)
    assert reply["result"]["serverInfo"]["name"] == "devin-handoff", reply
    assert p.returncode == 0, f"exit {p.returncode} after stdin closed"
    return elapsed

for name, measure in (("--version", version_ms), ("mcp: start to initialize answer", initialize_ms)):
    measure()  # warm the file cache
    times = sorted(measure() for _ in range(runs))
    print(f"{name}: median {statistics.median(times):.1f} ms, fastest {times[0]:.1f} ms ({runs} runs, {build})")
PY
