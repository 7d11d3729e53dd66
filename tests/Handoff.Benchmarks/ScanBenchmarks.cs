using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Handoff.Core.Secrets;

namespace Handoff.Benchmarks;

/// <summary>Single-threaded scan of a generated 50 MB diff, streamed from disk. Reports MB/s.</summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class ScanBenchmarks
{
    public const long DiffBytes = 50L * 1024 * 1024;
    private string _path = "";

    [GlobalSetup]
    public void Setup()
    {
        _path = Path.Combine(Path.GetTempPath(), "handoff-bench-50mb.diff");
        if (!File.Exists(_path) || new FileInfo(_path).Length < DiffBytes) DiffGenerator.Write(_path, DiffBytes);
    }

    [Benchmark]
    public int ScanDiff50MB()
    {
        using var reader = new StreamReader(_path);
        return new SecretScanner(SecretScanConfig.Default).ScanDiff(reader).Count();
    }

    private sealed class ThroughputConfig : ManualConfig
    {
        public ThroughputConfig() => AddColumn(new ThroughputColumn());
    }

    private sealed class ThroughputColumn : IColumn
    {
        public string Id => "MBps";
        public string ColumnName => "MB/s";
        public bool AlwaysShow => true;
        public ColumnCategory Category => ColumnCategory.Custom;
        public int PriorityInCategory => 0;
        public bool IsNumeric => true;
        public UnitType UnitType => UnitType.Dimensionless;
        public string Legend => "Megabytes of diff scanned per second";
        public bool IsAvailable(Summary summary) => true;
        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var report = summary[benchmarkCase];
            if (report?.ResultStatistics is not { } stats) return "-";
            return (DiffBytes / 1024.0 / 1024.0 / (stats.Mean / 1e9)).ToString("F0");
        }
    }
}
