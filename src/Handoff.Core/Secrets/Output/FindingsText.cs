namespace Handoff.Core.Secrets.Output;

/// <summary>Findings for a terminal or a hook's output: location, rule, redacted preview, fingerprint.</summary>
public static class FindingsText
{
    /// <summary>
    /// <code>
    /// src/app.py:12  aws-access-key-id  (commit 1a2b3c4d5e6f)        a low-confidence finding: "…  generic-secret  [low confidence]  (commit …)"
    ///     aws_access_key_id = AKIA…
    ///     fingerprint: src/app.py:aws-access-key-id:0123456789abcdef
    /// </code>
    /// </summary>
    public static void Write(TextWriter writer, IEnumerable<Finding> findings)
    {
        foreach (var f in findings)
        {
            var location = f.Line > 0 ? $"{f.File}:{f.Line}" : $"{f.File} (whole file)";
            var commit = f.Commit is null ? "" : $"  (commit {f.Commit[..Math.Min(12, f.Commit.Length)]})";
            var low = f.Confidence == FindingConfidence.Low ? "  [low confidence]" : "";
            writer.WriteLine($"{location}  {f.RuleId}{low}{commit}");
            writer.WriteLine($"    {f.Preview}");
            writer.WriteLine($"    fingerprint: {f.Fingerprint}");
        }
    }

    /// <summary>Findings about the scan itself rather than a secret: a part not scanned, a malformed diff, an archive not fully scanned.</summary>
    public static readonly IReadOnlySet<string> ScanProblemRules = new HashSet<string>(StringComparer.Ordinal)
    {
        SecretScanner.ScanErrorRuleId, DiffStreamScanner.MalformedRuleId, Archives.ArchiveScanner.UnscannedRuleId,
    };

    /// <summary>"3 secrets in 2 files" / "1 secret in 1 file, 2 commits" / "1 secret in 1 file, 1 scan problem" / "1 scan problem".</summary>
    public static string Summary(IReadOnlyCollection<Finding> findings)
    {
        var secrets = findings.Where(f => !ScanProblemRules.Contains(f.RuleId)).ToList();
        var problems = findings.Count - secrets.Count;
        var files = secrets.Select(f => f.File).Distinct(StringComparer.Ordinal).Count();
        var commits = secrets.Select(f => f.Commit).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).Count();
        var parts = new List<string>();
        if (secrets.Count > 0 || problems == 0) parts.Add($"{Plural(secrets.Count, "secret")} in {Plural(files, "file")}");
        if (commits > 0) parts.Add(Plural(commits, "commit"));
        if (problems > 0) parts.Add(Plural(problems, "scan problem"));
        return string.Join(", ", parts);
    }

    private static string Plural(int n, string word) => n == 1 ? $"1 {word}" : $"{n} {word}s";
}
