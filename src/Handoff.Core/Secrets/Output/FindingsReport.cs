using System.Text.Json.Serialization;

namespace Handoff.Core.Secrets.Output;

/// <summary>
/// The `scan --json` document: <c>{"mode", "findings":[{rule,file,line,fingerprint,preview,commit?,confidence}],
/// "summary":{count,files,commits,by_rule:[{rule,count}]}}</c>. Never holds a secret in clear (previews are redacted).
/// </summary>
public sealed record FindingsReport(string Mode, IReadOnlyList<FindingView> Findings, FindingsSummary Summary)
{
    public static FindingsReport From(string mode, IReadOnlyList<Finding> findings) => new(
        mode,
        findings.Select(FindingView.From).ToList(),
        new FindingsSummary(
            findings.Count,
            findings.Select(f => f.File).Distinct(StringComparer.Ordinal).Count(),
            findings.Select(f => f.Commit).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).Count(),
            findings.GroupBy(f => f.RuleId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new RuleCount(g.Key, g.Count())).ToList()));
}

public sealed record FindingView(
    string Rule,
    string File,
    int Line,
    string Fingerprint,
    string Preview,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Commit,
    string Confidence)
{
    public static FindingView From(Finding f) =>
        new(f.RuleId, f.File, f.Line, f.Fingerprint, f.Preview, f.Commit, f.Confidence.ToString().ToLowerInvariant());
}

public sealed record FindingsSummary(int Count, int Files, int Commits, IReadOnlyList<RuleCount> ByRule);

public sealed record RuleCount(string Rule, int Count);
