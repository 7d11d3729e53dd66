using System.Diagnostics;
using BenchmarkDotNet.Running;
using Handoff.Benchmarks;
using Handoff.Core.Secrets;

// quick-scan [MB]: one timed single-threaded pass (after warm-up passes over 8 MB), prints throughput and peak memory.
// Anything else: BenchmarkDotNet (e.g. --filter *ScanDiff*).
if (args.Length > 0 && args[0] == "quick-scan")
{
    var megabytes = args.Length > 1 ? int.Parse(args[1]) : 50;
    var path = Path.Combine(Path.GetTempPath(), $"handoff-quick-{megabytes}mb.diff");
    var warmPath = Path.Combine(Path.GetTempPath(), "handoff-quick-warmup.diff");
    if (!File.Exists(path)) DiffGenerator.Write(path, megabytes * 1024L * 1024);
    if (!File.Exists(warmPath)) DiffGenerator.Write(warmPath, 8 * 1024L * 1024, seed: 2);
    // Warm up twice so tiered JIT has promoted the hot loops and the regexes are compiled.
    for (var i = 0; i < 2; i++)
    {
        using var warm = new StreamReader(warmPath);
        _ = new SecretScanner(SecretScanConfig.Default).ScanDiff(warm).Count();
        Thread.Sleep(200);
    }
    GC.Collect();

    var bytes = new FileInfo(path).Length;
    var process = Process.GetCurrentProcess();
    var cpuBefore = process.TotalProcessorTime;
    var stopwatch = Stopwatch.StartNew();
    int findings;
    using (var reader = new StreamReader(path)) findings = new SecretScanner(SecretScanConfig.Default).ScanDiff(reader).Count();
    stopwatch.Stop();
    process.Refresh();
    var cpu = process.TotalProcessorTime - cpuBefore;
    var megabytesScanned = bytes / 1024.0 / 1024.0;
    var mbPerSecond = megabytesScanned / stopwatch.Elapsed.TotalSeconds;
    var peakMb = process.PeakWorkingSet64 / 1024.0 / 1024.0;
    Console.WriteLine($"scanned {megabytesScanned:F1} MB in {stopwatch.Elapsed.TotalSeconds:F2} s wall / {cpu.TotalSeconds:F2} s CPU ({megabytesScanned / cpu.TotalSeconds:F0} MB/s per CPU second), {findings} findings");
    Console.WriteLine($"scan throughput: {mbPerSecond:F0} MB/s, peak memory: {peakMb:F0} MB");
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(ScanBenchmarks).Assembly).Run(args);
return 0;
