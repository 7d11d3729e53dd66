#!/usr/bin/env bash
# Builds the benchmark project in Release and runs one quick single-threaded measurement of the secret
# scanner over a generated diff of realistic code (default 50 MB; pass another size in MB as $1).
# The diff is generated to a file by a separate process first, so the measured process only streams it:
# its peak memory is the scanner's (plus the runtime), not the generator's.
# Prints: "scan throughput: N MB/s, peak memory: N MB". For the full BenchmarkDotNet run use:
#   dotnet run -c Release --project tests/Handoff.Benchmarks -- --filter '*ScanDiff*'
set -euo pipefail
cd "$(dirname "$0")/../.."
size="${1:-50}"
mode="${2:-quick-scan}" # or read-only: the I/O floor (read + split lines, no scan)
dir="${TMPDIR:-/tmp}"
dotnet build -c Release tests/Handoff.Benchmarks -v quiet -nologo >/dev/null
dll=tests/Handoff.Benchmarks/bin/Release/net10.0/Handoff.Benchmarks.dll
rm -f "$dir/handoff-quick-${size}mb.diff" "$dir/handoff-quick-warmup.diff"
dotnet "$dll" gen "$size" "$dir/handoff-quick-${size}mb.diff"
dotnet "$dll" gen 8 "$dir/handoff-quick-warmup.diff" 2
dotnet "$dll" "$mode" "$size" "$dir/handoff-quick-${size}mb.diff"
