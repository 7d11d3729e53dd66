using Handoff.Core.Handoffs;

namespace Handoff.Cli;

/// <summary>`create --dry-run --json`: the exact request body plus what inspection found. Field names are stable.</summary>
public static class DryRunView
{
    public static object From(PreparedHandoff prepared, SavedHandoff saved, object request)
    {
        var s = prepared.Snapshot;
        return new
        {
            dry_run = true,
            request,
            inspection = new
            {
                repository = prepared.Repository,
                remote = s.RemoteName,
                branch = s.Head.Branch,
                detached = s.Head.IsDetached,
                unborn = s.Head.IsUnborn,
                head = s.Head.Sha,
                @base = s.BaseCommit,
                upstream = s.Upstream?.TrackingBranch,
                on_remote = s.Upstream?.BranchExistsOnRemote ?? false,
                ahead = s.Upstream?.Ahead,
                behind = s.Upstream?.Behind,
                unpushed_commits = s.UnpushedCommits.Select(c => new { sha = c.Sha, subject = c.Subject }),
                operation_in_progress = s.OperationInProgress,
                files_included = prepared.Prompt.IncludedFiles,
                files_omitted = prepared.Prompt.Omitted.Select(o => new { path = o.Path, size = o.Size, reason = o.Reason, commit = o.Commit }),
                withheld = prepared.Changes.Withheld.Select(w => new
                {
                    file = w.File, start_line = w.StartLine, end_line = w.EndLine, rules = w.RuleIds, commit = w.Commit, whole_file = w.WholeFile,
                }),
                findings = prepared.AllFindings.Select(f => new { rule = f.RuleId, file = f.File, line = f.Line, fingerprint = f.Fingerprint, preview = f.Preview }),
                bytes = prepared.Prompt.Bytes,
                warnings = s.Warnings,
            },
            client_token = saved.ClientToken,
        };
    }
}
