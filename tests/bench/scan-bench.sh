#!/usr/bin/env bash
# Builds the benchmark project in Release and runs one quick single-threaded measurement of the secret
# scanner over a generated diff of realistic code (default 50 MB; pass another size in MB as $1).
# Prints: "scan throughput: N MB/s, peak memory: N MB". For the full BenchmarkDotNet run use:
#   dotnet run -c Release --project tests/Handoff.Benchmarks -- --filter '*ScanDiff*'
set -euo pipefail
cd "$(dirname "$0")/../.."
size="${1:-50}"
dotnet build -c Release tests/Handoff.Benchmarks -v quiet -nologo >/dev/null
rm -f "${TMPDIR:-/tmp}/handoff-quick-${size}mb.diff"
dotnet run -c Release --no-build --project tests/Handoff.Benchmarks -- quick-scan "$size"
