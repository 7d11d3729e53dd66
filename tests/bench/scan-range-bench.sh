#!/usr/bin/env bash
# Times `devin-handoff scan --range ROOT..HEAD` over a generated history of realistic code with a few secrets,
# and prints the diff-text throughput (MB/s of `git log -p -U0` output) and peak memory (max RSS).
#   tests/bench/scan-range-bench.sh [COMMITS] [RUNS]      (defaults: 1000 commits, 5 runs)
# The binary is built by ./install.sh, as users get it: Native AOT (or its ReadyToRun fallback, which the output
# names); BUILD=r2r measures the ReadyToRun build for comparison.
# Each commit touches 3 files (two grow by ~40 lines, one is new), like everyday work; 5 commits add a secret.
# Memory must stay flat: the binary streams git's output into the scanner, so peak RSS should not grow with history.
set -euo pipefail
commits="${1:-1000}"
runs="${2:-5}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
[ -x /usr/bin/time ] || { echo "needs GNU time (/usr/bin/time; Debian package 'time')" >&2; exit 1; }

. "$root/tests/bench/install-for-bench.sh"
bench_sandbox "$work"
bench_install "$work/prefix"

echo "generating $commits commits…" >&2
repo="$work/repo"
git init -q -b main "$repo"
# One awk program writes a git fast-import stream: realistic C#-ish and Python-ish code, varied identifiers,
# comments and string literals; a secret (made up at run time) in 5 commits spread over the history.
awk -v commits="$((commits + 1))" -v seed="$RANDOM" '
function rnd(n) { return int(rand() * n) }
function word() { return words[rnd(nwords) + 1] }
function ident() { return word() toupper(substr(word(), 1, 1)) substr(word(), 2) }
function token(n,   s, i) { s = ""; for (i = 0; i < n; i++) s = s substr(alnum, rnd(62) + 1, 1); return s }
function b32(n,   s, i) { s = ""; for (i = 0; i < n; i++) s = s substr("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", rnd(32) + 1, 1); return s }
function cs_line(i,   r) {
  r = rnd(6)
  if (r == 0) return "    public async Task<" toupper(substr(word(),1,1)) substr(word(),2) "> " ident() i "Async(int " word() "Id, CancellationToken ct)"
  if (r == 1) return "        var " ident() " = await _" word() "Repository.FindAsync(" word() "Id, ct).ConfigureAwait(false);"
  if (r == 2) return "        // " word() " the " word() " before we " word() " it, see issue #" rnd(5000)
  if (r == 3) return "        if (" ident() " is null) throw new InvalidOperationException(\"" word() " " word() " not found\");"
  if (r == 4) return "        _logger.LogInformation(\"" word() " {" toupper(substr(word(),1,1)) "} took {Elapsed} ms\", " ident() ", sw.ElapsedMilliseconds);"
  return "        return " ident() "." ident() "(" rnd(100) ", \"" word() "-" word() "\");"
}
function py_line(i,   r) {
  r = rnd(5)
  if (r == 0) return "def " word() "_" word() "_" i "(" word() ", " word() "=None):"
  if (r == 1) return "    " word() " = self." word() "_" word() ".get(\"" word() "\", " rnd(1000) ")"
  if (r == 2) return "    # " word() " " word() " " word() " for " word() " compatibility"
  if (r == 3) return "    return {\"" word() "\": " word() ", \"" word() "\": [" rnd(9) ", " rnd(9) "]}"
  return "    logger.debug(\"%s " word() " %d\", " word() ", len(" word() "))"
}
function add_lines(f, n,   i, ext) {
  ext = (f ~ /\.py$/)
  for (i = 0; i < n; i++) content[f] = content[f] (ext ? py_line(i) : cs_line(i)) "\n"
}
function emit_file(f,   c) { c = content[f]; printf "M 100644 inline %s\ndata %d\n%s\n", f, length(c), c }
BEGIN {
  srand(seed)
  alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
  nwords = split("order customer invoice payment account session cache queue retry token user report export import " \
                 "batch schedule notify render parse validate config setting feature window buffer stream record " \
                 "ledger balance tax shipping address product catalog search index filter sort page limit", words, " ")
  secret_every = int(commits / 5); if (secret_every < 1) secret_every = 1
  nfiles = 0
  for (c = 1; c <= commits; c++) {
    msg = word() ": " word() " " word() " (" c ")\n"
    printf "commit refs/heads/main\nmark :%d\ncommitter bench <bench@example.invalid> %d +0000\ndata %d\n%s", c, 1700000000 + c * 60, length(msg), msg
    if (c > 1) printf "from :%d\n", c - 1
    # one new file
    nfiles++
    f = "src/" word() "/" toupper(substr(word(),1,1)) substr(word(),2) nfiles (nfiles % 3 == 0 ? ".py" : ".cs")
    files[nfiles] = f
    add_lines(f, 30 + rnd(30))
    if (c % secret_every == 0) {
      if (c % 2) content[f] = content[f] "STRIPE_KEY = \"sk_" "live_" token(24) "\"\n"
      else content[f] = content[f] "aws_access_key_id = \"AKIA" b32(16) "\"\n"
    }
    emit_file(f)
    # two existing files grow
    for (k = 0; k < 2 && nfiles > 1; k++) { g = files[rnd(nfiles - 1) + 1]; add_lines(g, 20 + rnd(40)); emit_file(g) }
    printf "\n"
  }
}' | git -C "$repo" fast-import --quiet   # commits+1: the root commit is the range's base
git -C "$repo" reset -q --hard main
first=$(git -C "$repo" rev-list --max-parents=0 HEAD)
range="$first..HEAD"

bytes=$(git -C "$repo" log -p -U0 --no-ext-diff --no-textconv --no-color --format='commit %H' "$range" | wc -c)
count=$(git -C "$repo" rev-list --count "$range")
echo "history: $count commits in $range, $(awk -v b="$bytes" 'BEGIN{printf "%.1f", b/1048576}') MB of diff text" >&2

times=(); mems=(); cpus=(); findings=""
for _ in $(seq 1 "$runs"); do
  set +e
  ( cd "$repo" && /usr/bin/time -f "%e %U %S %M" -o "$work/time.txt" "$bench_bin" scan --range "$range" --json >"$work/out.json" 2>"$work/err.txt" )
  code=$?
  set -e
  [ "$code" = 3 ] || [ "$code" = 0 ] || { echo "scan failed (exit $code):" >&2; cat "$work/err.txt" >&2; exit 1; }
  read -r secs user sys kb < <(tail -1 "$work/time.txt")   # GNU time prefixes "Command exited with non-zero status 3"
  times+=("$secs"); mems+=("$kb"); cpus+=("$(awk -v u="$user" -v s="$sys" 'BEGIN{print u+s}')")
  findings=$(grep -o '"count":[0-9]*' "$work/out.json" | head -1 | cut -d: -f2)
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}')
cpu=$(printf '%s\n' "${cpus[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}')
peak=$(printf '%s\n' "${mems[@]}" | sort -n | tail -1)
# Wall time includes git log producing the patches; CPU time is ours (plus git's, which runs as a child).
printf 'scan --range over %d commits (%s build): %d findings; runs %d, median wall %.2f s (%.1f MB/s of diff text), median CPU %.2f s (%.1f MB/s), peak memory %.1f MB\n' \
  "$count" "$bench_build" "${findings:-0}" "$runs" "$median" "$(awk -v b="$bytes" -v s="$median" 'BEGIN{print b/1048576/s}')" \
  "$cpu" "$(awk -v b="$bytes" -v s="$cpu" 'BEGIN{print b/1048576/s}')" "$(awk -v k="$peak" 'BEGIN{print k/1024}')"
