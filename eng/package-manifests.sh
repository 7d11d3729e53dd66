#!/usr/bin/env bash
# Writes the Homebrew formula (devin-handoff.rb) and the Scoop manifest (devin-handoff.json) of a release into OUTDIR,
# from the templates in eng/homebrew and eng/scoop and the release's merged SHA256SUMS, which must name all five
# archives. The release workflow attaches both to the GitHub release; copy them into the tap and the bucket.
#   eng/package-manifests.sh VERSION SHA256SUMS OUTDIR
set -euo pipefail

[ $# -eq 3 ] || { sed -n '2,5p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
version="${1#v}"; sums="$2"; outdir="$3"
eng="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
[[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+([-+][0-9A-Za-z.-]+)?$ ]] || { echo "package-manifests.sh: '$1' is not a version" >&2; exit 2; }
[ -f "$sums" ] || { echo "package-manifests.sh: no file $sums" >&2; exit 1; }

checksum() { # asset -> its sha256 from SHA256SUMS, or a failure naming it
  local hash
  hash="$(awk -v n="$1" '{ f = $2; sub(/^\*/, "", f) } f == n { print tolower($1); exit }' "$sums")"
  [[ "$hash" =~ ^[0-9a-f]{64}$ ]] || { echo "package-manifests.sh: $sums has no checksum for $1" >&2; return 1; }
  echo "$hash"
}
linux_x64="$(checksum devin-handoff-linux-x64.tar.gz)"
linux_arm64="$(checksum devin-handoff-linux-arm64.tar.gz)"
osx_x64="$(checksum devin-handoff-osx-x64.tar.gz)"
osx_arm64="$(checksum devin-handoff-osx-arm64.tar.gz)"
win_x64="$(checksum devin-handoff-win-x64.zip)"

mkdir -p "$outdir"
for pair in "homebrew/devin-handoff.rb.in:devin-handoff.rb" "scoop/devin-handoff.json.in:devin-handoff.json"; do
  template="$eng/${pair%%:*}"; out="$outdir/${pair##*:}"
  sed -e "s/@VERSION@/$version/g" -e "s/@SHA256_LINUX_X64@/$linux_x64/g" -e "s/@SHA256_LINUX_ARM64@/$linux_arm64/g" \
      -e "s/@SHA256_OSX_X64@/$osx_x64/g" -e "s/@SHA256_OSX_ARM64@/$osx_arm64/g" -e "s/@SHA256_WIN_X64@/$win_x64/g" \
      "$template" >"$out"
  if grep -n '@[A-Z0-9_]*@' "$out" >&2; then echo "package-manifests.sh: placeholders left in $out" >&2; exit 1; fi
  echo "wrote $out" >&2
done
