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

    /// <summary>"3 secrets in 2 files" / "1 secret in 1 file, 2 commits".</summary>
    public static string Summary(IReadOnlyCollection<Finding> findings)
    {
        var files = findings.Select(f => f.File).Distinct(StringComparer.Ordinal).Count();
        var commits = findings.Select(f => f.Commit).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).Count();
        var text = $"{Plural(findings.Count, "secret")} in {Plural(files, "file")}";
        return commits > 0 ? $"{text}, {Plural(commits, "commit")}" : text;
    }

    private static string Plural(int n, string word) => n == 1 ? $"1 {word}" : $"{n} {word}s";
}
