#!/usr/bin/env bash
# Checks a release folder (eng/release.sh output) the way users meet it: served from 127.0.0.1, installed by
# install.sh (a lone copy, and piped into bash) with a temp HOME and a PATH without dotnet, then a dry-run handoff,
# an upgrade over an older install, refusals that leave nothing behind (tampered archive, missing checksum line,
# plain-http URL, unknown platform, wrong version), and --uninstall; install.ps1 -Release through eng/smoke-install.ps1
# when PowerShell is there ($PWSH, else pwsh on PATH). With --readme FILE it also runs the README's one-line install
# verbatim, its github.com downloads answered from the served folder. One line per check ("ok: …" / "FAIL: …"); the
# last line is "N passed, N failed, N skipped"; the exit code is non-zero when a check failed.
#   eng/test-release-install.sh RELEASE_DIR [--readme README.md]
set -uo pipefail

[ $# -ge 1 ] || { sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
release_dir="$(cd "$1" && pwd)"; shift
readme=""
if [ "${1:-}" = --readme ]; then readme="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"; fi
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
repo_url="https://github.com/club-cog/devin-handoff"

passed=0; failed=0; skipped=0
ok() { echo "ok: $*"; passed=$((passed + 1)); }
bad() { echo "FAIL: $*"; failed=$((failed + 1)); }
show() { sed 's/^/    /' "$@"; }   # details under a FAIL line, indented

archives=("$release_dir"/devin-handoff-*.tar.gz)
if [ ! -f "${archives[0]}" ] || [ ! -f "$release_dir/SHA256SUMS" ]; then
  echo "test-release-install.sh: $release_dir has no devin-handoff-*.tar.gz and SHA256SUMS" >&2; exit 2
fi
asset="${archives[0]##*/}"
rid="${asset#devin-handoff-}"; rid="${rid%.tar.gz}"
version="$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$root/Directory.Build.props" | head -1)"

tmp="$(mktemp -d)"
server_pid=""
cleanup() { if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null; wait "$server_pid" 2>/dev/null; fi; rm -rf "$tmp"; }
trap cleanup EXIT

# ---- The served folders: the release as built, and doctored copies of it.
srv="$tmp/srv"
mkdir -p "$srv/latest" "$srv/tampered" "$srv/nosum" "$srv/old"
cp "$release_dir/$asset" "$release_dir/SHA256SUMS" "$root/install.sh" "$root/install.ps1" "$srv/latest/"
# Tampered: a valid archive whose binary is not the one released, beside the release's own SHA256SUMS.
mkdir "$tmp/t" && tar -xzf "$release_dir/$asset" -C "$tmp/t" && printf '\n' >>"$tmp/t/devin-handoff-$rid/devin-handoff" \
  && tar -czf "$srv/tampered/$asset" -C "$tmp/t" "devin-handoff-$rid" && cp "$release_dir/SHA256SUMS" "$srv/tampered/"
# No checksum line for this platform's archive (the other lines stay).
cp "$release_dir/$asset" "$srv/nosum/"
{ grep -v " \*\{0,1\}$asset\$" "$release_dir/SHA256SUMS"; echo "0000000000000000000000000000000000000000000000000000000000000000  devin-handoff-other.tar.gz"; } >"$srv/nosum/SHA256SUMS"
# An older release: a stand-in binary that reports 0.0.1 and registers the alias the way the real one does.
mkdir -p "$tmp/o/devin-handoff-$rid"
cat >"$tmp/o/devin-handoff-$rid/devin-handoff" <<'EOF'
#!/bin/sh
here="$(cd "$(dirname "$0")" && pwd)"
case "$1" in
  --version) echo 0.0.1 ;;
  install) git config --global alias.devin-handoff "!cd \"\${GIT_PREFIX:-.}\" && '$here/devin-handoff'" ;;
  uninstall) git config --global --unset alias.devin-handoff ;;
esac
EOF
chmod +x "$tmp/o/devin-handoff-$rid/devin-handoff"
echo "only in the old release" >"$tmp/o/devin-handoff-$rid/old-only.txt"
tar -czf "$srv/old/$asset" -C "$tmp/o" "devin-handoff-$rid"
(cd "$srv/old" && { sha256sum "$asset" 2>/dev/null || shasum -a 256 "$asset"; } >SHA256SUMS)

python3 -u -m http.server 0 --bind 127.0.0.1 --directory "$srv" >"$tmp/server.log" 2>&1 &
server_pid=$!
port=""
for _ in $(seq 100); do
  port="$(sed -n 's/.*port \([0-9]*\).*/\1/p' "$tmp/server.log" | head -1)"
  [ -n "$port" ] && break
  sleep 0.2
done
[ -n "$port" ] || { cat "$tmp/server.log" >&2; echo "test-release-install.sh: the http server did not start" >&2; exit 1; }
base="http://127.0.0.1:$port"

# ---- A PATH without dotnet: every other program on PATH, linked into one folder.
nodotnet="$tmp/path"
mkdir "$nodotnet"
IFS=: read -r -a path_dirs <<<"$PATH"
for d in "${path_dirs[@]}"; do
  [ -d "$d" ] || continue
  for f in "$d"/*; do
    name="${f##*/}"
    [ -x "$f" ] && [ ! -d "$f" ] && [ ! -e "$nodotnet/$name" ] && ln -s "$f" "$nodotnet/$name"
  done
done
rm -f "$nodotnet/dotnet" "$nodotnet/dotnet.exe"

# A user's machine: temp HOME, its own git config, no key, no dotnet. Runs "$@" with it.
sandbox() { # home command...
  local home="$1"; shift
  mkdir -p "$home"; touch "$home/.gitconfig"
  ( export HOME="$home" GIT_CONFIG_GLOBAL="$home/.gitconfig" GIT_CONFIG_NOSYSTEM=1 PATH="$nodotnet"
    unset DEVIN_API_KEY DEVIN_HANDOFF_RELEASE_URL DOTNET_ROOT
    "$@" )
}
copy="$tmp/download/install.sh"   # outside any clone
mkdir -p "$tmp/download" && cp "$root/install.sh" "$copy"

smoke_repo() { # folder: a repository with a change, an origin, and a subfolder to run from
  git init -q -b main "$1" && mkdir -p "$1/src/deep"
  echo 'print("hi")' >"$1/src/app.py"
  git -C "$1" add -A && git -C "$1" -c user.name=ci -c user.email=ci@example.invalid commit -qm init
  git -C "$1" remote add origin https://github.com/example/smoke.git
  echo 'print("changed")' >"$1/src/app.py"
}
dry_run() { # home bin: git devin-handoff create --dry-run in a fresh repository, from a subfolder
  local home="$1" bin="$2"
  sandbox "$home" bash -c '
    command -v dotnet >/dev/null && { echo "dotnet is on PATH"; exit 1; }
    cd "$1/repo/src/deep" && PATH="$2:$PATH" git devin-handoff create --task "Fix the flaky auth test" --dry-run >"$1/out.txt" 2>"$1/err.txt" \
      || { cat "$1/err.txt"; exit 1; }
    grep -q "Fix the flaky auth test" "$1/out.txt" && grep -q "github.com/example/smoke" "$1/out.txt" && grep -q "print(\"changed\")" "$1/out.txt" \
      || { echo "the dry-run prompt lacks the task, the repository or the diff:"; head -30 "$1/out.txt"; exit 1; }' _ "$home" "$bin"
}
installed_version() { "$1/bin/devin-handoff" --version 2>/dev/null; }
prefix_empty() { [ ! -e "$1" ] || [ -z "$(ls -A "$1")" ]; }
alias_of() { git config --file "$1/.gitconfig" --get alias.devin-handoff 2>/dev/null; }

# 1. A lone copy of install.sh, --release, explicit prefix.
h="$tmp/h1"; p="$tmp/p1"
if sandbox "$h" env DEVIN_HANDOFF_RELEASE_URL="$base/latest" bash "$copy" --release --prefix "$p" >"$tmp/1.log" 2>&1 \
   && grep -q "^installed (release $version" "$tmp/1.log" && got="$(installed_version "$p")" && [ "${got%%+*}" = "$version" ] \
   && smoke_repo "$h/repo" && dry_run "$h" "$p/bin" >>"$tmp/1.log" 2>&1; then
  ok "install.sh --release (a copy outside any clone, no dotnet on PATH) installs $got; git devin-handoff create --dry-run works"
else
  bad "install.sh --release from a lone copy"; show "$tmp/1.log"
fi

# 2. curl … | bash: outside a clone it takes the release by itself; the default prefix is ~/.local.
h="$tmp/h2"
if sandbox "$h" bash -c 'curl -fsSL "$1/install.sh" | DEVIN_HANDOFF_RELEASE_URL="$1" bash' _ "$base/latest" >"$tmp/2.log" 2>&1 \
   && grep -q "^installed (release $version" "$tmp/2.log" && [ -x "$h/.local/bin/devin-handoff" ] \
   && smoke_repo "$h/repo" && dry_run "$h" "$h/.local/bin" >>"$tmp/2.log" 2>&1; then
  ok "curl -fsSL …/install.sh | bash installs the release into ~/.local without --release"
else
  bad "curl … | bash"; show "$tmp/2.log"
fi

# 3. Upgrade: an older release first, then this one over it, then once more (a no-op for the alias).
h="$tmp/h3"; p="$tmp/p3"
if sandbox "$h" env DEVIN_HANDOFF_RELEASE_URL="$base/old" bash "$copy" --release --prefix "$p" >"$tmp/3.log" 2>&1 \
   && [ "$(installed_version "$p")" = 0.0.1 ] \
   && sandbox "$h" env DEVIN_HANDOFF_RELEASE_URL="$base/latest" bash "$copy" --release --prefix "$p" >>"$tmp/3.log" 2>&1 \
   && got="$(installed_version "$p")" && [ "${got%%+*}" = "$version" ] && [ ! -e "$p/lib/devin-handoff/old-only.txt" ] \
   && cmp -s "$p/lib/devin-handoff/devin-handoff" <(tar -xzOf "$release_dir/$asset" "devin-handoff-$rid/devin-handoff") \
   && [ "$(grep -c 'devin-handoff =' "$h/.gitconfig")" = 1 ] && alias_of "$h" | grep -qF "$p/lib/devin-handoff/devin-handoff" \
   && sandbox "$h" env DEVIN_HANDOFF_RELEASE_URL="$base/latest" bash "$copy" --release --prefix "$p" >"$tmp/3b.log" 2>&1 \
   && grep -q "already installed" "$tmp/3b.log" && smoke_repo "$h/repo" && dry_run "$h" "$p/bin" >>"$tmp/3.log" 2>&1; then
  ok "an install over an older release upgrades in place (0.0.1 -> $got, its files gone, one alias); a re-run is a no-op for the alias"
else
  bad "upgrade over an older release"; show "$tmp/3.log" "$tmp/3b.log" 2>/dev/null
fi

# 4-8. Refusals: non-zero exit, the reason said, nothing in the prefix, no alias.
refusals=0
refused() { # name, expected message, release URL, command...
  local name="$1" says="$2" url="$3"; shift 3
  refusals=$((refusals + 1))
  local h="$tmp/r$refusals" p="$tmp/rp$refusals"
  if sandbox "$h" env DEVIN_HANDOFF_RELEASE_URL="$url" "$@" --prefix "$p" >"$h.log" 2>&1; then
    bad "$name: exit 0"; show "$h.log"
  elif ! grep -qF "$says" "$h.log"; then
    bad "$name: did not say '$says'"; show "$h.log"
  elif ! prefix_empty "$p" || [ -n "$(alias_of "$h")" ]; then
    bad "$name: left files in the prefix or an alias"; find "$p" | head -20 | show
  else
    ok "refused, nothing installed: $name ($(grep -F "$says" "$h.log" | head -1 | cut -c1-150))"
  fi
}
refused "a tampered archive" "checksum mismatch" "$base/tampered" bash "$copy" --release
refused "SHA256SUMS without a line for $asset" "SHA256SUMS has no checksum for $asset" "$base/nosum" bash "$copy" --release
refused "a plain-http URL that is not loopback" "refusing plain-http" "http://downloads.example.invalid/devin-handoff" bash "$copy" --release
refused "a version other than the one asked for" "asked for version 9.9.9" "$base/latest" bash "$copy" --release 9.9.9
mkdir -p "$tmp/fake-uname"
printf '#!/bin/sh\ncase "$1" in -s) echo SunOS ;; -m) echo sparc64 ;; *) echo SunOS ;; esac\n' >"$tmp/fake-uname/uname"
chmod +x "$tmp/fake-uname/uname"
refused "an unknown platform (SunOS sparc64)" "no release build for this platform (SunOS sparc64)" "$base/latest" \
  PATH="$tmp/fake-uname:$nodotnet" bash "$copy" --release

# 9. A tampered archive over an existing install leaves that install as it was.
if sandbox "$tmp/h3" env DEVIN_HANDOFF_RELEASE_URL="$base/tampered" bash "$copy" --release --prefix "$tmp/p3" >"$tmp/9.log" 2>&1; then
  bad "a tampered archive over an install: exit 0"
elif cmp -s "$tmp/p3/lib/devin-handoff/devin-handoff" <(tar -xzOf "$release_dir/$asset" "devin-handoff-$rid/devin-handoff") \
     && installed_version "$tmp/p3" >/dev/null; then
  ok "a tampered archive over an install is refused and the installed binary is untouched"
else
  bad "a tampered archive over an install changed it"; show "$tmp/9.log"
fi

# 10. --uninstall removes the binary, the link and the alias.
if sandbox "$tmp/h3" bash "$copy" --uninstall --prefix "$tmp/p3" >"$tmp/10.log" 2>&1 \
   && [ ! -e "$tmp/p3/bin/devin-handoff" ] && [ ! -L "$tmp/p3/bin/devin-handoff" ] && [ ! -e "$tmp/p3/lib/devin-handoff" ] \
   && [ -z "$(alias_of "$tmp/h3")" ]; then
  ok "install.sh --uninstall removes the binary, the link and the git alias"
else
  bad "install.sh --uninstall"; { cat "$tmp/10.log"; ls -la "$tmp/p3/bin" "$tmp/p3/lib" 2>/dev/null; alias_of "$tmp/h3"; } | show
fi

# 11. The README's one-line install, verbatim: its github.com URLs answered from the served folder by a curl that
#     rewrites them (the only stand-in; the installer's own download code runs as written).
if [ -n "$readme" ]; then
  line="$(awk '/^```sh$/{getline; print; exit}' "$readme")"
  mkdir -p "$tmp/fake-curl"
  real_curl="$(command -v curl)"
  cat >"$tmp/fake-curl/curl" <<EOF
#!/usr/bin/env bash
args=()
for a in "\$@"; do
  case "\$a" in
    $repo_url/releases/latest/download/*) args+=("$base/latest/\${a#$repo_url/releases/latest/download/}") ;;
    https://*) echo "curl stand-in: no network here for \$a" >&2; exit 6 ;;
    =https) args+=("=http,https") ;;
    *) args+=("\$a") ;;
  esac
done
exec "$real_curl" "\${args[@]}"
EOF
  chmod +x "$tmp/fake-curl/curl"
  h="$tmp/h11"
  if [[ "$line" != *"curl -fsSL $repo_url/releases/latest/download/install.sh | bash"* ]]; then
    bad "the README's first line is not the one-line install from the latest release: $line"
  elif smoke_repo "$h/repo" && sandbox "$h" bash -c 'export PATH="$1:$PATH"; cd "$2" && eval "$3"' _ "$tmp/fake-curl" "$h/repo" "$line" \
         >"$tmp/11.out" 2>"$tmp/11.err" && grep -q "Fix the flaky auth test" "$tmp/11.out" && grep -q 'print("changed")' "$tmp/11.out" \
         && [ -x "$h/.local/bin/devin-handoff" ]; then
    ok "the README's one-line install, verbatim: installs the latest release and prints the dry-run prompt"
  else
    bad "the README's one-line install: $line"; { cat "$tmp/11.err"; head -20 "$tmp/11.out"; } | show
  fi
fi

# 12. install.ps1 -Release, through the PowerShell there is: a lone copy, then a tampered archive.
pwsh_bin="${PWSH:-$(command -v pwsh || true)}"
if [ -z "$pwsh_bin" ]; then
  echo "skipped: install.ps1 -Release (no PowerShell; set PWSH)"; skipped=$((skipped + 1))
else
  # PowerShell itself runs on .NET: as a .NET tool, its launcher starts `dotnet pwsh.dll` through PATH, so it is
  # started here as the process it really is (the dotnet host by its full path, and pwsh.dll); the installer it
  # runs then finds no dotnet on PATH.
  ps=()
  while IFS= read -r l; do ps+=("$l"); done < <("$pwsh_bin" -NoProfile -NonInteractive -Command '(Get-Process -Id $PID).Path; $PSHOME')
  launcher=("${ps[0]}")
  if [ "$(basename "${ps[0]}")" = dotnet ]; then launcher+=("${ps[1]}/pwsh.dll"); fi
  for case_ in "latest:" "tampered:checksum mismatch"; do
    dir="${case_%%:*}"; refusal="${case_#*:}"
    args=(-NoProfile -NonInteractive -File "$root/eng/smoke-install.ps1" -ReleaseDir "$srv/$dir")
    [ -z "$refusal" ] || args+=(-ExpectRefusal "$refusal")
    if out="$(PATH="$nodotnet" "${launcher[@]}" "${args[@]}" 2>&1)"; then
      while IFS= read -r l; do [ -n "$l" ] && ok "${l#ok: }"; done <<<"$out"
    else
      bad "install.ps1 -Release ($dir)"; echo "$out" | show
    fi
  done
fi

echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
