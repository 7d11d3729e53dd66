#!/usr/bin/env bash
# Mutation testing (issue 15) with Stryker.NET over the code that protects users: one realistic change at a time in
# src/Handoff.Core, the unit tests (tests/Handoff.Tests) run against each, a mutant that no test notices "survives".
# Not in CI: a scope takes from minutes (RemoteUrlParser) to hours (Secrets) on two cores.
#
#   tests/mutation.sh                      every scope, smallest first, one Stryker run each
#   tests/mutation.sh Devin Hooks          only these scopes
#   MUTATION_TOGETHER=1 tests/mutation.sh Attachments Hooks Devin
#                                          one Stryker run for all of them (Stryker's fixed cost, building and
#                                          compiling the mutants, about 25 minutes on a busy 2-core machine, is paid
#                                          once), figures still per scope
#   MUTATION_CONCURRENCY=2 tests/mutation.sh Attachments
#   MUTATION_RECHECK=artifacts/mutation/Devin/reports/mutation-report.json tests/mutation.sh Devin
#                                          re-runs only that earlier run's survivors (tests added since cannot revive
#                                          a killed mutant while the code is unchanged) and prints the scope's score
#                                          with the earlier kills (tests/mutation-recheck.py)
#   MUTATION_ARGS="--log-to-file" tests/mutation.sh Devin
#                                          extra Stryker options (here: a trace log of every test session in logs/)
#
# Scopes: RemoteUrlParser, Attachments, Hooks, Devin (retry, idempotent create, status mapping), Prompting, Secrets
# (the rule tables BuiltInRules*.cs are data: their regexes are measured by the rule samples and the corpus tests,
# not by mutating them; SecretsCore, SecretsArchivesOutput, SecretsGeneric and SecretsRest split Secrets in four for shorter runs). Each run writes artifacts/mutation/<scope>[+<scope>...]/ (reports/mutation-report.html and
# .json, the log, the surviving mutants of each scope in survivors-<scope>.txt) and prints one line per scope:
# "<scope>: score N% (killed K, timeout T, survived S, no coverage C; ...)", score = (killed + timeout) / (those +
# survived + no coverage). Exit status: 0; 1 when a run did not finish; 2 for an unknown scope.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

declare -A globs=(
  [RemoteUrlParser]="**/Inspection/RemoteUrlParser.cs"
  [Attachments]="**/Attachments/*.cs"
  [Hooks]="**/Hooks/*.cs"
  [Devin]="**/Devin/DevinHttp.cs **/Devin/ApiCall.cs **/Devin/SessionsClient.cs **/Devin/SessionStatus.cs **/Devin/SessionIds.cs"
  [Prompting]="**/Prompting/*.cs"
  [Secrets]="**/Secrets/**/*.cs !**/Secrets/BuiltInRules*.cs"
  # Secrets in parts, for a machine that cannot run it whole: what decides, parses, masks and verifies a finding; the
  # archive and report code; the generic (keyword) detector, mostly word tables, each word a mutant that only the whole
  # suite can judge; the rest.
  [SecretsCore]="**/Secrets/FindingPolicy.cs **/Secrets/LineMasker.cs **/Secrets/DiffStreamScanner.cs **/Secrets/Checksums.cs **/Secrets/HitEvaluator.cs"
  [SecretsArchivesOutput]="**/Secrets/Output/*.cs **/Secrets/Archives/*.cs"
  [SecretsGeneric]="**/Secrets/Generic/*.cs"
  # SecretsRest in two: the line and fragment scanning (what finds a secret on a line, in lists, below names, in key
  # blocks and keystores), and the setup around it (config, rule set, file walk, scanner facade).
  [SecretsScanning]="**/Secrets/LineScanner.cs **/Secrets/FragmentScanner.cs **/Secrets/ValueLists.cs **/Secrets/MultiLineValues.cs **/Secrets/KeyBlockBody.cs **/Secrets/FalsePositiveFilter.cs **/Secrets/Entropy.cs **/Secrets/DiffHeaders.cs **/Secrets/KeystoreShape.cs **/Secrets/Pkcs12Exposure.cs **/Secrets/SnapshotFilter.cs **/Secrets/PromptDiff.cs"
  [SecretsSetup]="**/Secrets/SecretScanConfig.cs **/Secrets/SecretScanner.cs **/Secrets/CompiledRule.cs **/Secrets/CompiledRuleSet.cs **/Secrets/CompiledAllowlist.cs **/Secrets/SecretRule.cs **/Secrets/ScanContext.cs **/Secrets/FileTreeScanner.cs **/Secrets/LocalScan.cs **/Secrets/GarbagePacer.cs **/Secrets/HotRegex.cs **/Secrets/PrecompiledRegexes.cs **/Secrets/ISecretScanner.cs"
  # Checksums.cs alone: its CRC tables load in static constructors, so Stryker runs every test for each mutant unless
  # told which tests to run (MUTATION_ARGS="--test-case-filter ..."; docs/mutation.md gives the filter used).
  [Checksums]="**/Secrets/Checksums.cs"
  [SecretsRest]="**/Secrets/**/*.cs !**/Secrets/BuiltInRules*.cs !**/Secrets/FindingPolicy.cs !**/Secrets/LineMasker.cs !**/Secrets/DiffStreamScanner.cs !**/Secrets/Checksums.cs !**/Secrets/HitEvaluator.cs !**/Secrets/Output/*.cs !**/Secrets/Archives/*.cs !**/Secrets/Generic/*.cs"
)
order=(RemoteUrlParser Attachments Hooks Devin Prompting Secrets)
scopes=("$@"); [ ${#scopes[@]} -gt 0 ] || scopes=("${order[@]}")

dotnet tool restore >/dev/null || { echo "mutation: dotnet tool restore failed (.config/dotnet-tools.json)" >&2; exit 1; }

for scope in "${scopes[@]}"; do
  [ -n "${globs[$scope]:-}" ] || { echo "mutation: unknown scope '$scope' (${order[*]})" >&2; exit 2; }
done

# Runs Stryker once over the given scopes and prints one figure per scope.
run() { # scope...
  local name out mutate=() g
  name="$(IFS=+; echo "$*")${MUTATION_RECHECK:+-recheck}"
  out="$PWD/artifacts/mutation/$name"
  rm -rf "$out"; mkdir -p "$out"
  local patterns=()
  for scope in "$@"; do for g in ${globs[$scope]}; do patterns+=("$g"); done; done
  if [ -n "${MUTATION_RECHECK:-}" ]; then
    while read -r g; do mutate+=(--mutate "$g"); done < <(python3 tests/mutation-recheck.py spans "$MUTATION_RECHECK" "${patterns[@]}")
    [ ${#mutate[@]} -gt 0 ] || { echo "mutation: $name: no survivor in $MUTATION_RECHECK" >&2; return 1; }
  else
    for g in "${patterns[@]}"; do mutate+=(--mutate "$g"); done
  fi
  local extra=()
  read -r -a extra <<<"${MUTATION_ARGS:-}" # split at spaces, never globbed ("--mutate !**/Secrets/Checksums.cs")
  echo "== $name: Stryker log in $out/stryker.log"
  ( cd tests/Handoff.Tests && dotnet stryker --skip-version-check \
      --project Handoff.Core.csproj --test-project Handoff.Tests.csproj \
      "${mutate[@]}" --concurrency "${MUTATION_CONCURRENCY:-1}" "${extra[@]}" \
      --reporter Json --reporter Html --reporter Dots --output "$out" ) >"$out/stryker.log" 2>&1
  local report="$out/reports/mutation-report.json"
  if [ ! -f "$report" ]; then
    tail -30 "$out/stryker.log" >&2; echo "mutation: $name did not finish (log: $out/stryker.log)" >&2; return 1
  fi
  if [ -n "${MUTATION_RECHECK:-}" ]; then
    echo "$name, the survivors of $MUTATION_RECHECK re-run, its other mutants taken as they were:"
    python3 tests/mutation-recheck.py combine "$MUTATION_RECHECK" "$report" "${patterns[@]}" | tee "$out/recheck.txt"
    return 0
  fi
  local args=()
  for scope in "$@"; do args+=("$scope=${globs[$scope]}"); done
  python3 - "$report" "$out" "${args[@]}" <<'PY'
import json, re, sys
def glob(pattern):  # Stryker's globs: ** is any number of folders, * stays within one
    parts = re.split(r"(\*\*/|\*)", pattern)
    return re.compile("".join("(?:.*/)?" if p == "**/" else "[^/]*" if p == "*" else re.escape(p) for p in parts) + "$")
report, out, scopes = sys.argv[1], sys.argv[2], sys.argv[3:]
data = json.load(open(report))
for spec in scopes:
    scope, patterns = spec.split("=", 1)
    include = [p for p in patterns.split() if not p.startswith("!")]
    exclude = [p[1:] for p in patterns.split() if p.startswith("!")]
    counts, lines = {}, []
    for path, f in sorted(data["files"].items()):
        rel = path.replace("\\", "/").split("/src/Handoff.Core/")[-1]
        if not any(glob(p).match(rel) for p in include) or any(glob(p).match(rel) for p in exclude): continue
        source = f["source"].splitlines()
        for m in f["mutants"]:
            counts[m["status"]] = counts.get(m["status"], 0) + 1
            if m["status"] in ("Survived", "NoCoverage"):
                start, end = m["location"]["start"], m["location"]["end"]
                text = source[start["line"] - 1] if start["line"] <= len(source) else ""
                original = text[start["column"] - 1:end["column"] - 1] if end["line"] == start["line"] else text[start["column"] - 1:] + " ..."
                lines.append(f'{rel}:{start["line"]}:{start["column"]}: {m["status"]}: {m["mutatorName"]}: '
                             f'{original.strip()!r} -> {m.get("replacement", "")!r}\n    {text.strip()}')
    killed = counts.get("Killed", 0) + counts.get("Timeout", 0)
    tested = killed + counts.get("Survived", 0) + counts.get("NoCoverage", 0)
    score = 100.0 * killed / tested if tested else 100.0
    open(f"{out}/survivors-{scope}.txt", "w").write("\n".join(lines) + ("\n" if lines else ""))
    print(f'{scope}: score {score:.1f}% (killed {counts.get("Killed", 0)}, timeout {counts.get("Timeout", 0)}, '
          f'survived {counts.get("Survived", 0)}, no coverage {counts.get("NoCoverage", 0)}; '
          f'not counted: {counts.get("CompileError", 0)} compile errors, {counts.get("Ignored", 0)} ignored); '
          f'survivors in {out}/survivors-{scope}.txt')
PY
}

status=0
if [ -n "${MUTATION_TOGETHER:-}" ]; then
  run "${scopes[@]}" || status=1
else
  for scope in "${scopes[@]}"; do run "$scope" || status=1; done
fi
exit "$status"
