#!/usr/bin/env bash
# Drives `devin-handoff mcp` with the reference TypeScript MCP client: installs @modelcontextprotocol/sdk from npm
# into a temp folder, starts the fake Devin API on 127.0.0.1, makes a temp repository and runs check.mjs there.
#   tests/mcp-ts/run.sh BINARY        (.ci/run passes the Native AOT binary)
# Prints "ok: …" / "FAIL: …" per check; exits non-zero when one fails.
set -euo pipefail
binary="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
root="$(cd "$(dirname "$0")/../.." && pwd)"
sdk_version=1.32.2
work="$(mktemp -d)"
fake_pid=""
cleanup() { [ -n "$fake_pid" ] && kill "$fake_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then echo "FAIL: mcp (TypeScript client): needs node and npm"; exit 1; fi
(cd "$work" && npm init -y >/dev/null && npm install --no-audit --no-fund --silent "@modelcontextprotocol/sdk@$sdk_version" >/dev/null) \
  || { echo "FAIL: mcp (TypeScript client): npm install @modelcontextprotocol/sdk@$sdk_version"; exit 1; }
cp "$root/tests/mcp-ts/check.mjs" "$work/check.mjs"

dotnet build "$root/tests/Handoff.FakeDevin/Handoff.FakeDevin.csproj" -c Release -o "$work/fake" -nologo -v quiet >"$work/build.log" 2>&1 \
  || { cat "$work/build.log"; echo "FAIL: mcp (TypeScript client): building the fake API"; exit 1; }
port=$((20000 + RANDOM % 20000))
"$work/fake/Handoff.FakeDevin" --urls "http://127.0.0.1:$port" >"$work/fake.log" 2>&1 &
fake_pid=$!
for _ in $(seq 1 100); do curl -s -o /dev/null "http://127.0.0.1:$port/_fake/requests" && break; sleep 0.1; done

export HOME="$work/home" GIT_CONFIG_GLOBAL="$work/home/.gitconfig" GIT_CONFIG_NOSYSTEM=1
mkdir -p "$HOME" && touch "$GIT_CONFIG_GLOBAL"
repo="$work/repo"
git init -q -b main "$repo"
echo "# demo" >"$repo/README.md"
git -C "$repo" add -A && git -C "$repo" -c user.name=ci -c user.email=ci@example.invalid commit -qm init
git -C "$repo" remote add origin https://github.com/example/demo.git

node "$work/check.mjs" "$binary" "$repo" "http://127.0.0.1:$port"
