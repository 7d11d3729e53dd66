#!/usr/bin/env bash
# Mutation testing (issue 15) with Stryker.NET over the code that protects users: one realistic change at a time in
# src/Handoff.Core, the unit tests (tests/Handoff.Tests) run against each, a mutant that no test notices "survives".
# Not in CI: a scope takes from minutes (RemoteUrlParser) to hours (Secrets) on two cores.
#
#   tests/mutation.sh                      every scope, smallest first
#   tests/mutation.sh Devin Hooks          only these scopes
#   MUTATION_CONCURRENCY=2 tests/mutation.sh Attachments
#
# Scopes: RemoteUrlParser, Attachments, Hooks, Devin (retry, idempotent create, status mapping), Prompting, Secrets
# (the rule tables BuiltInRules*.cs are data: their regexes are measured by the rule samples and the corpus tests,
# not by mutating them). Each scope writes artifacts/mutation/<scope>/ (reports/mutation-report.html and .json,
# the surviving mutants in survivors.txt) and prints "<scope>: score N% (killed K, survived S, timeout T, no
# coverage C)". Exit status: 0, or 1 when a scope could not run.
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
)
order=(RemoteUrlParser Attachments Hooks Devin Prompting Secrets)
scopes=("$@"); [ ${#scopes[@]} -gt 0 ] || scopes=("${order[@]}")

dotnet tool restore >/dev/null || { echo "mutation: dotnet tool restore failed (.config/dotnet-tools.json)" >&2; exit 1; }

status=0
for scope in "${scopes[@]}"; do
  if [ -z "${globs[$scope]:-}" ]; then echo "mutation: unknown scope '$scope' (${order[*]})" >&2; status=1; continue; fi
  out="$PWD/artifacts/mutation/$scope"
  rm -rf "$out"; mkdir -p "$out"
  mutate=()
  for g in ${globs[$scope]}; do mutate+=(--mutate "$g"); done
  echo "== $scope: ${globs[$scope]}"
  ( cd tests/Handoff.Tests && dotnet stryker --skip-version-check \
      --project Handoff.Core.csproj --test-project Handoff.Tests.csproj \
      "${mutate[@]}" --concurrency "${MUTATION_CONCURRENCY:-1}" \
      --reporter Json --reporter Html --reporter ClearText --output "$out" ) >"$out/stryker.log" 2>&1
  report="$out/reports/mutation-report.json"
  if [ ! -f "$report" ]; then
    tail -30 "$out/stryker.log" >&2; echo "mutation: $scope did not finish (log: $out/stryker.log)" >&2; status=1; continue
  fi
  python3 - "$report" "$scope" "$out/survivors.txt" <<'PY'
import json, sys
report, scope, survivors = sys.argv[1:]
data = json.load(open(report))
counts, lines = {}, []
for path, f in sorted(data["files"].items()):
    source = f["source"].splitlines()
    for m in f["mutants"]:
        counts[m["status"]] = counts.get(m["status"], 0) + 1
        if m["status"] in ("Survived", "NoCoverage"):
            line = m["location"]["start"]["line"]
            text = source[line - 1].strip() if line <= len(source) else ""
            lines.append(f'{path.split("src/")[-1]}:{line}: {m["status"]}: {m["mutatorName"]}: {m.get("replacement", "")!r}\n    {text}')
killed = counts.get("Killed", 0) + counts.get("Timeout", 0)
detected_or_not = killed + counts.get("Survived", 0) + counts.get("NoCoverage", 0)
score = 100.0 * killed / detected_or_not if detected_or_not else 100.0
open(survivors, "w").write("\n".join(lines) + ("\n" if lines else ""))
print(f'{scope}: score {score:.1f}% (killed {counts.get("Killed", 0)}, survived {counts.get("Survived", 0)}, '
      f'timeout {counts.get("Timeout", 0)}, no coverage {counts.get("NoCoverage", 0)}, '
      f'ignored/compile errors {counts.get("Ignored", 0) + counts.get("CompileError", 0)})')
PY
done
exit "$status"
