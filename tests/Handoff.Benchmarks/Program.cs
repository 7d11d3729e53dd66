using System.Diagnostics;
using BenchmarkDotNet.Running;
using Handoff.Benchmarks;
using Handoff.Core.Secrets;

// gen MB PATH: writes the generated diff to PATH (a separate process, so generating never counts in the scan's peak memory).
// quick-scan [MB] [PATH]: one timed single-threaded pass over the streamed file (after warm-up passes over 8 MB),
//   prints throughput and peak memory. Generates the files first when missing (then the peak includes generation).
// read-only [MB] [PATH]: the same pass without scanning (StreamReader + newline split): the I/O floor.
// Anything else: BenchmarkDotNet (e.g. --filter *ScanDiff*).
if (args.Length > 0 && args[0] == "gen")
{
    DiffGenerator.Write(args[2], int.Parse(args[1]) * 1024L * 1024, seed: args.Length > 3 ? int.Parse(args[3]) : 1);
    return 0;
}
if (args.Length > 0 && args[0] is "quick-scan" or "read-only")
{
    var scan = args[0] == "quick-scan";
    var megabytes = args.Length > 1 ? int.Parse(args[1]) : 50;
    var path = args.Length > 2 ? args[2] : Path.Combine(Path.GetTempPath(), $"handoff-quick-{megabytes}mb.diff");
    var warmPath = Path.Combine(Path.GetTempPath(), "handoff-quick-warmup.diff");
    if (!File.Exists(path)) DiffGenerator.Write(path, megabytes * 1024L * 1024);
    if (!File.Exists(warmPath)) DiffGenerator.Write(warmPath, 8 * 1024L * 1024, seed: 2);
    // Warm up twice so tiered JIT has promoted the hot loops and the regexes are compiled.
    for (var i = 0; i < 2; i++)
    {
        using var warm = new StreamReader(warmPath);
        _ = scan ? new SecretScanner(SecretScanConfig.Default).ScanDiff(warm).Count() : ReadOnly(warm);
        Thread.Sleep(200);
    }
    GC.Collect();

    var bytes = new FileInfo(path).Length;
    var process = Process.GetCurrentProcess();
    var cpuBefore = process.TotalProcessorTime;
    var stopwatch = Stopwatch.StartNew();
    int findings;
    using (var reader = new StreamReader(path)) findings = scan ? new SecretScanner(SecretScanConfig.Default).ScanDiff(reader).Count() : ReadOnly(reader);
    stopwatch.Stop();
    process.Refresh();
    var cpu = process.TotalProcessorTime - cpuBefore;
    var megabytesScanned = bytes / 1024.0 / 1024.0;
    var mbPerSecond = megabytesScanned / stopwatch.Elapsed.TotalSeconds;
    var peakMb = process.PeakWorkingSet64 / 1024.0 / 1024.0;
    Console.WriteLine($"scanned {megabytesScanned:F1} MB in {stopwatch.Elapsed.TotalSeconds:F2} s wall / {cpu.TotalSeconds:F2} s CPU ({megabytesScanned / cpu.TotalSeconds:F0} MB/s per CPU second), {(scan ? findings + " findings" : findings + " lines")}");
    Console.WriteLine($"scan throughput: {mbPerSecond:F0} MB/s, peak memory: {peakMb:F0} MB, allocated: {GC.GetTotalAllocatedBytes() / 1024.0 / 1024.0:F0} MB total");
    var gc = GC.GetGCMemoryInfo();
    Console.WriteLine($"GC: heap {gc.HeapSizeBytes / 1048576.0:F1} MB, committed {gc.TotalCommittedBytes / 1048576.0:F1} MB, gen0/1/2 collections {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}");
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(ScanBenchmarks).Assembly).Run(args);
return 0;

static int ReadOnly(TextReader reader)
{
    var buffer = new char[1 << 16];
    var lines = 0;
    int read;
    while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
        lines += buffer.AsSpan(0, read).Count('\n');
    return lines;
}
