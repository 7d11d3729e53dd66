using System.Diagnostics;
using BenchmarkDotNet.Running;
using Handoff.Benchmarks;
using Handoff.Core.Secrets;

// quick-scan [MB]: one timed single-threaded pass (after a warm-up on 2 MB), prints throughput and peak memory.
// Anything else: BenchmarkDotNet (e.g. --filter *ScanDiff*).
if (args.Length > 0 && args[0] == "quick-scan")
{
    var megabytes = args.Length > 1 ? int.Parse(args[1]) : 50;
    var path = Path.Combine(Path.GetTempPath(), $"handoff-quick-{megabytes}mb.diff");
    var warmPath = Path.Combine(Path.GetTempPath(), "handoff-quick-warmup.diff");
    if (!File.Exists(path)) DiffGenerator.Write(path, megabytes * 1024L * 1024);
    if (!File.Exists(warmPath)) DiffGenerator.Write(warmPath, 2 * 1024L * 1024, seed: 2);
    using (var warm = new StreamReader(warmPath)) _ = new SecretScanner(SecretScanConfig.Default).ScanDiff(warm).Count();
    GC.Collect();

    var bytes = new FileInfo(path).Length;
    var stopwatch = Stopwatch.StartNew();
    int findings;
    using (var reader = new StreamReader(path)) findings = new SecretScanner(SecretScanConfig.Default).ScanDiff(reader).Count();
    stopwatch.Stop();
    var mbPerSecond = bytes / 1024.0 / 1024.0 / stopwatch.Elapsed.TotalSeconds;
    var peakMb = Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0;
    Console.WriteLine($"scanned {bytes / 1024.0 / 1024.0:F1} MB in {stopwatch.Elapsed.TotalSeconds:F2} s, {findings} findings");
    Console.WriteLine($"scan throughput: {mbPerSecond:F0} MB/s, peak memory: {peakMb:F0} MB");
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(ScanBenchmarks).Assembly).Run(args);
return 0;
