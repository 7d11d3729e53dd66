#!/usr/bin/env bash
# False alarms on real repositories: for each clone given, what the shipped binary would do to ordinary work.
#   tests/bench/realrepo-fp.sh [--commits N] [--out DIR] CLONE…
#  1. history: the newest N commits (default 1,000), each scanned on its own diff exactly as the pre-push hook scans
#     a pushed commit (one `git log -p -U0` stream with the hook's options, merges as their remerge diff, piped into
#     `devin-handoff scan --stdin --json`, which keeps each finding's commit). Prints the commits per 1,000 the hook
#     would BLOCK (a finding of medium or high confidence: the hook's policy, docs/commands/hook.md) and, apart, those
#     it would only warn about (low confidence).
#  2. files: every tracked file, scanned whole with `devin-handoff scan PATH…` (what `create` would withhold or
#     redact). Prints the % of files with a finding that withholds (medium/high) and with any finding, and how many
#     of the withheld files are private-key files (rules private-key* / path-*: genuine key files are not false alarms
#     by themselves; read them).
#  3. a per-rule breakdown (rule, confidence, commits, files), and every finding (previews are redacted) in
#     DIR/<clone>.commits.tsv and DIR/<clone>.files.tsv to read one by one (DIR: --out, default a new temp folder).
# The binary is built by ./install.sh, as users get it (Native AOT, or its ReadyToRun fallback; BUILD=r2r to compare);
# DEVIN_HANDOFF_BIN=path skips the build and measures that binary instead. Needs git and jq. Not run in CI: it needs clones.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
commits=1000
out=""
clones=()
while [ $# -gt 0 ]; do
  case "$1" in
    --commits) commits="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "realrepo-fp.sh: unknown option '$1'" >&2; exit 2 ;;
    *) clones+=("$(cd "$1" && pwd)"); shift ;;
  esac
done
[ ${#clones[@]} -gt 0 ] || { echo "usage: tests/bench/realrepo-fp.sh [--commits N] [--out DIR] CLONE…" >&2; exit 2; }
command -v jq >/dev/null || { echo "realrepo-fp.sh needs jq" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
out="${out:-$(mktemp -d)}"
mkdir -p "$out"

. "$root/tests/bench/install-for-bench.sh"
bench_sandbox "$work"   # the clones are read with an empty global git config, as a test would
if [ -n "${DEVIN_HANDOFF_BIN:-}" ]; then
  bin="$(cd "$(dirname "$DEVIN_HANDOFF_BIN")" && pwd)/$(basename "$DEVIN_HANDOFF_BIN")"
  echo "measuring $bin" >&2
else
  bench_install "$work/prefix"
  bin="$bench_bin"
fi

# The hook's own log options (src/Handoff.Core/Hooks/GitDiffScan.cs), newest commits first.
log_options=(-p -U0 --no-ext-diff --no-textconv --no-color "--format=commit %H" --diff-merges=remerge)

# Runs `scan` and keeps its JSON; exit 3 (findings) is the expected outcome, anything else is an error.
scan_json() {
  local code=0
  "$bin" scan --json "$@" 2>"$scan_err" || code=$?
  [ "$code" = 0 ] || [ "$code" = 3 ] || { cat "$scan_err" >&2; echo "realrepo-fp.sh: devin-handoff scan exited $code" >&2; return 255; }
}
export -f scan_json
export bin scan_err="$work/scan.err"

# Scans the commits listed in $work/shas as the hook does (`git log --no-walk=unsorted --stdin`). A clone that lacks a
# blob (a partial fetch) makes git stop there: that file is then left out (named on stderr) and the scan rerun.
scan_history() {
  local clone="$1" name="$2" excludes=() missing path
  for _ in 1 2 3 4 5; do
    if git -C "$clone" log --no-walk=unsorted --stdin "${log_options[@]}" -- . "${excludes[@]}" <"$work/shas" 2>"$work/git.err" \
      | (cd "$clone" && scan_json --stdin) | to_tsv; then return; fi
    missing="$(grep -E '^fatal: (unable to read|missing blob object)' "$work/git.err" | grep -oE '[0-9a-f]{40}' | head -1 || true)"
    [ -n "$missing" ] || { cat "$work/git.err" >&2; exit 1; }
    path="$(git -C "$clone" log --all --raw --no-abbrev --format= --find-object="$missing" | cut -f2 | head -1 || true)"
    echo "note: $name lacks blob $missing (${path:-unknown path}); its history scan leaves that file out" >&2
    [ -n "$path" ] || exit 1
    excludes+=(":(exclude)$path")
  done
  exit 1
}

# The findings (TSV) of a confidence the policy blocks/withholds on: BLOCK_ON, default "medium high" (the policy of
# docs/commands/hook.md and create.md); BLOCK_ON="low medium high" measures a build that blocked on everything.
blocking() { awk -F'\t' -v on=" ${BLOCK_ON:-medium high} " 'index(on, " " $3 " ")'; }

# Findings as TSV: commit-or-file, rule, confidence, file:line, preview.
to_tsv() { jq -r '.findings[] | [(.commit // .file), .rule, .confidence, "\(.file):\(.line)", .preview] | @tsv'; }

printf '%-40s %8s %9s %8s %8s %9s %8s %8s %7s\n' repository commits blocked per1000 warned files withheld "%" keys
total_commits=0; total_blocked=0; total_files=0; total_withheld=0; total_keys=0; total_any=0; total_warned=0
rules="$work/rules.tsv"
: >"$rules"
for clone in "${clones[@]}"; do
  name="$(basename "$clone")"
  # 1. History: one stream, each commit's findings carry its sha.
  git -C "$clone" rev-list -n "$commits" HEAD >"$work/shas"
  n="$(wc -l <"$work/shas")"
  scan_history "$clone" "$name" >"$out/$name.commits.tsv"
  blocked="$(blocking <"$out/$name.commits.tsv" | cut -f1 | sort -u | wc -l)"
  warned="$(($(cut -f1 "$out/$name.commits.tsv" | sort -u | wc -l) - blocked))"

  # 2. Files: tracked regular files that are present (no submodules, no symlinks), in batches.
  (cd "$clone" && git ls-files -s -z | tr '\0' '\n' | awk '$1 ~ /^100/ {sub(/^[^\t]*\t/, ""); print}' \
    | while IFS= read -r f; do [ -f "$f" ] && printf '%s\0' "$f"; done >"$work/files")
  files="$(tr -cd '\0' <"$work/files" | wc -c)"
  (cd "$clone" && xargs -0 -n 1000 bash -c 'scan_json "$@"' scan <"$work/files") | to_tsv >"$out/$name.files.tsv"
  withheld="$(blocking <"$out/$name.files.tsv" | cut -f1 | sort -u | wc -l)"
  any="$(cut -f1 "$out/$name.files.tsv" | sort -u | wc -l)"
  keys="$(blocking <"$out/$name.files.tsv" | awk -F'\t' '$2 ~ /private-key/ || $2 ~ /^path-/ {print $1}' | sort -u | wc -l)"

  awk -F'\t' -v repo="$name" '{print repo "\tcommits\t" $2 "\t" $3 "\t" $1}' "$out/$name.commits.tsv" >>"$rules"
  awk -F'\t' -v repo="$name" '{print repo "\tfiles\t" $2 "\t" $3 "\t" $1}' "$out/$name.files.tsv" >>"$rules"
  printf '%-40s %8d %9d %8.2f %8d %9d %8d %7.2f%% %7d  (any finding: %d files)\n' "$name" "$n" "$blocked" \
    "$(awk -v b="$blocked" -v n="$n" 'BEGIN{print n ? 1000*b/n : 0}')" "$warned" "$files" "$withheld" \
    "$(awk -v w="$withheld" -v f="$files" 'BEGIN{print f ? 100*w/f : 0}')" "$keys" "$any"
  total_commits=$((total_commits + n)); total_blocked=$((total_blocked + blocked)); total_warned=$((total_warned + warned))
  total_files=$((total_files + files)); total_withheld=$((total_withheld + withheld)); total_keys=$((total_keys + keys)); total_any=$((total_any + any))
done
printf '%-40s %8d %9d %8.2f %8d %9d %8d %7.2f%% %7d  (any finding: %d files, %.2f%%)\n' TOTAL "$total_commits" "$total_blocked" \
  "$(awk -v b="$total_blocked" -v n="$total_commits" 'BEGIN{print n ? 1000*b/n : 0}')" "$total_warned" "$total_files" "$total_withheld" \
  "$(awk -v w="$total_withheld" -v f="$total_files" 'BEGIN{print f ? 100*w/f : 0}')" "$total_keys" "$total_any" \
  "$(awk -v w="$total_any" -v f="$total_files" 'BEGIN{print f ? 100*w/f : 0}')"
printf 'withheld files without the private-key files: %d (%.2f%%)\n' "$((total_withheld - total_keys))" \
  "$(awk -v w="$((total_withheld - total_keys))" -v f="$total_files" 'BEGIN{print f ? 100*w/f : 0}')"

echo
echo "per rule (distinct commits / files it fired in):"
awk -F'\t' '{k = $3 "\t" $4; seen[$1 "\t" $2 "\t" k "\t" $5]++ || count[k "\t" $2]++; keys[k] = 1}
  END {for (k in keys) printf "  %-34s %-7s commits %4d  files %4d\n", substr(k, 1, index(k, "\t") - 1), substr(k, index(k, "\t") + 1),
    count[k "\tcommits"], count[k "\tfiles"]}' "$rules" | sort -k4,4nr -k6,6nr
echo "findings to read: $out/<clone>.commits.tsv and $out/<clone>.files.tsv"
