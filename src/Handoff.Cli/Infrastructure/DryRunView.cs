using System.Text.Json.Nodes;
using Handoff.Core.Handoffs;
using Handoff.Core.Inspection;

namespace Handoff.Cli;

/// <summary>`create --dry-run --json`: the exact request body plus what inspection found. Field names are stable.</summary>
public static class DryRunView
{
    public static DryRunReport From(PreparedHandoff prepared, SavedHandoff saved, JsonNode request)
    {
        var s = prepared.Snapshot;
        return new DryRunReport(
            DryRun: true,
            request,
            new DryRunInspection(
                prepared.Repository,
                s.RemoteName,
                s.Head.Branch,
                s.Head.IsDetached,
                s.Head.IsUnborn,
                s.Head.Sha,
                s.BaseCommit,
                s.Upstream?.TrackingBranch,
                s.Upstream?.BranchExistsOnRemote ?? false,
                s.Upstream?.Ahead,
                s.Upstream?.Behind,
                s.UnpushedCommits.Select(c => new DryRunCommit(c.Sha, c.Subject)).ToList(),
                s.OperationInProgress,
                prepared.Prompt.IncludedFiles,
                prepared.Prompt.Omitted.Select(o => new DryRunOmitted(o.Path, o.Size, o.Reason, o.Commit)).ToList(),
                prepared.Changes.Withheld.Select(w => new DryRunWithheld(w.File, w.StartLine, w.EndLine, w.RuleIds, w.Commit, w.WholeFile)).ToList(),
                prepared.AllFindings.Select(f => new DryRunFinding(f.RuleId, f.File, f.Line, f.Fingerprint, f.Preview)).ToList(),
                prepared.Prompt.Bytes,
                s.Warnings,
                new DryRunPlan(FillOrder.Rule, prepared.Prompt.Plan.Select(p => new DryRunPlannedFile(p.Path, p.Commit, p.Class, p.Bytes, p.Included, p.Reason)).ToList())),
            saved.ClientToken);
    }
}

public sealed record DryRunReport(bool DryRun, JsonNode Request, DryRunInspection Inspection, string ClientToken);

public sealed record DryRunInspection(
    string? Repository,
    string? Remote,
    string? Branch,
    bool Detached,
    bool Unborn,
    string? Head,
    string? Base,
    string? Upstream,
    bool OnRemote,
    int? Ahead,
    int? Behind,
    IReadOnlyList<DryRunCommit> UnpushedCommits,
    string? OperationInProgress,
    IReadOnlyList<string> FilesIncluded,
    IReadOnlyList<DryRunOmitted> FilesOmitted,
    IReadOnlyList<DryRunWithheld> Withheld,
    IReadOnlyList<DryRunFinding> Findings,
    long Bytes,
    IReadOnlyList<string> Warnings,
    DryRunPlan Plan);

/// <summary>How the byte budget was filled: the rule, and every change in the order it was offered a place.</summary>
public sealed record DryRunPlan(string Rule, IReadOnlyList<DryRunPlannedFile> Files);

public sealed record DryRunPlannedFile(string Path, string? Commit, string Class, long Bytes, bool Included, string? Reason);

public sealed record DryRunCommit(string Sha, string Subject);

public sealed record DryRunOmitted(string Path, long Size, string Reason, string? Commit);

public sealed record DryRunWithheld(string File, int? StartLine, int? EndLine, IReadOnlyList<string> Rules, string? Commit, bool WholeFile);

public sealed record DryRunFinding(string Rule, string File, int Line, string Fingerprint, string Preview);
