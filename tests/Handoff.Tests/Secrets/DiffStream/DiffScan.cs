using Handoff.Core.Secrets;

namespace Handoff.Tests.Secrets.DiffStream;

/// <summary>Streams diff text through <see cref="SecretScanner.ScanDiff"/>, the way the hook and <c>scan --range</c> do.</summary>
internal static class DiffScan
{
    private static readonly Random Random = new(11);

    public static readonly string ShaA = new('a', 40);
    public static readonly string ShaB = new('b', 40);

    /// <summary>A GitHub token with a valid checksum (a High finding of rule github-pat).</summary>
    public static string Token() => SampleTemplate.Expand("ghp_«GH»", Random);

    public static List<Finding> Scan(string diff, SecretScanConfig? config = null, Action<ArchiveBlob>? onArchive = null) =>
        new SecretScanner(config ?? SecretScanConfig.Default).ScanDiff(new StringReader(diff), onArchive).ToList();

    public static List<(string File, int Line)> Tokens(IEnumerable<Finding> findings) =>
        findings.Where(f => f.RuleId == "github-pat").Select(f => (f.File, f.Line)).ToList();

    public static Finding[] Malformed(IEnumerable<Finding> findings) =>
        findings.Where(f => f.RuleId == DiffStreamScanner.MalformedRuleId).ToArray();
}
