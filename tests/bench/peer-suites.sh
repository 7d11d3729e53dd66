#!/usr/bin/env bash
# Recall and false alarms on other secret scanners' own test suites, read from their checkouts at run time
# (nothing of theirs is stored in this repository). Not in CI: it needs the clones.
#   tests/bench/peer-suites.sh [--gitleaks DIR] [--secretlint DIR] [--detect-secrets DIR] [--betterleaks DIR]
#                              [--trufflehog DIR] [--summary]
# For each suite it prints positives flagged / total, the real-looking positives flagged (all but those read and
# judged to hold a placeholder, example or other value issue 11 excludes), negatives flagged / total, and false alarms
# (the flagged negatives but those read and judged to hold a real-looking value). The judged cases are listed in
# tests/bench/peer-reviewed.tsv (case ids and a reason each). Then it lists every missed positive and every flagged
# negative (--summary: the figures only). How the cases are extracted:
# tests/bench/peer_suites.py (needs python3; detect-secrets' own expectations also run detect-secrets from its
# checkout when its dependencies are installed, else only the lines its tests list count).
# It measures the shipped binary, built by ./install.sh as tests/bench/scan-bench.sh does (BUILD=r2r for the
# ReadyToRun build), running `devin-handoff scan --json` over the cases written to a temp folder.
# BIN=path/to/devin-handoff measures that binary instead (quicker while tuning rules).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
args=() summary=()
while [ $# -gt 0 ]; do
  case "$1" in
    --gitleaks|--secretlint|--detect-secrets|--betterleaks|--trufflehog)
      if [ $# -lt 2 ] || [ ! -d "$2" ]; then echo "peer-suites.sh: $1 needs a checkout folder" >&2; exit 2; fi
      args+=("$1" "$(cd "$2" && pwd)"); shift 2 ;;
    --summary) summary=(--summary); shift ;;
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "peer-suites.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done
[ ${#args[@]} -gt 0 ] || { echo "peer-suites.sh: give at least one checkout (see --help)" >&2; exit 2; }
command -v python3 >/dev/null || { echo "peer-suites.sh: needs python3" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
if [ -n "${BIN:-}" ]; then
  bench_bin="$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")"
  echo "measuring $bench_bin" >&2
else
  . "$root/tests/bench/install-for-bench.sh"
  bench_sandbox "$work"
  bench_install "$work/prefix"
fi

python3 "$root/tests/bench/peer_suites.py" extract "$work/out" "${args[@]}"
set +e
(cd "$work/out" && "$bench_bin" scan --json cases >"$work/findings.json" 2>"$work/scan.err")
code=$?
set -e
[ "$code" = 0 ] || [ "$code" = 3 ] || { echo "scan failed (exit $code):" >&2; cat "$work/scan.err" >&2; exit 1; }
python3 "$root/tests/bench/peer_suites.py" report "$work/out" "$work/findings.json" "${summary[@]}" \
  --reviewed "$root/tests/bench/peer-reviewed.tsv"
