using Handoff.Core.Handoffs;

namespace Handoff.Cli;

/// <summary>The short human summary of a handoff on stderr: what was read, what goes, what stays.</summary>
public sealed class HandoffReport(TextWriter error)
{
    public void Warnings(PreparedHandoff prepared)
    {
        foreach (var warning in prepared.Snapshot.Warnings)
            error.WriteLine($"warning: {warning}");
        foreach (var item in prepared.Changes.Withheld)
        {
            var where = item.WholeFile ? "whole file" : item.StartLine is { } s ? $"lines {s}-{item.EndLine ?? s}" : "hunk";
            var commit = item.Commit is null ? "" : $" in commit {item.Commit[..Math.Min(10, item.Commit.Length)]}";
            error.WriteLine($"withheld: {item.File} ({where}{commit}): {string.Join(", ", item.RuleIds)}");
        }
        foreach (var finding in prepared.TextFindings)
            error.WriteLine($"redacted: a {finding.RuleId} secret in the {finding.File}");
    }

    public void Summary(PreparedHandoff prepared, bool dryRun)
    {
        var s = prepared.Snapshot;
        var upstream = s.Upstream switch
        {
            null => "",
            { TrackingBranch: null, BranchExistsOnRemote: false } => ", never pushed",
            { Ahead: { } a, Behind: { } b } => $", {a} ahead / {b} behind {s.Upstream.TrackingBranch}",
            _ => "",
        };
        var repo = prepared.Repository ?? "no shareable remote";
        var head = s.Head.Sha is null ? "" : $" @ {s.Head.Sha[..Math.Min(10, s.Head.Sha.Length)]}";
        error.WriteLine($"{repo} · {s.Head.Describe()}{head}{upstream}");
        var omitted = prepared.Prompt.Omitted.Count == 0 ? "" :
            $", omitted {prepared.Prompt.Omitted.Count} ({string.Join(", ", prepared.Prompt.Omitted.GroupBy(o => o.Reason).Select(g => $"{g.Key}: {g.Count()}"))})";
        error.WriteLine($"{(dryRun ? "would send" : "sending")} {prepared.Prompt.IncludedFiles.Count} file(s), {Kb(prepared.Prompt.Bytes)}{omitted}" +
                        (dryRun ? " — dry run, nothing sent" : ""));
    }

    private static string Kb(long bytes) => bytes < 1024 ? $"{bytes} B" : $"{bytes / 1024.0:0.#} KB";
}
