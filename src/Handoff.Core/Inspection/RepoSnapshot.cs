namespace Handoff.Core.Inspection;

/// <summary>Everything Inspect learned about the local repository. Plain data; nothing here talks to git.</summary>
public sealed record RepoSnapshot
{
    /// <summary>Absolute path of the working tree. Local only: never put into a prompt.</summary>
    public required string WorkingDirectory { get; init; }

    /// <summary>Absolute path of the git dir of this worktree (where handoffs are saved). Local only.</summary>
    public required string GitDirectory { get; init; }

    /// <summary>The remote chosen (upstream's remote, else origin, else the only one, else --remote).</summary>
    public string? RemoteName { get; init; }

    /// <summary>The shareable remote, or null when there is none (no remote, or a local-path / file:// remote).</summary>
    public RemoteUrl? Remote { get; init; }

    /// <summary>Warnings for the user's stderr (e.g. "remote 'origin' is a local path and is not sent").</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    public required HeadState Head { get; init; }

    public UpstreamState? Upstream { get; init; }

    /// <summary>The newest commit the remote has, from which the cloud session should start. Null when unknown.</summary>
    public string? BaseCommit { get; init; }

    /// <summary>Commits on HEAD that the remote lacks, oldest first.</summary>
    public IReadOnlyList<CommitPatch> UnpushedCommits { get; init; } = [];

    /// <summary>Staged, unstaged and untracked changes against HEAD (against the empty tree when unborn).</summary>
    public IReadOnlyList<FileChange> WorkingChanges { get; init; } = [];

    /// <summary>"merge", "rebase", "cherry-pick", ... when one is in progress; null otherwise.</summary>
    public string? OperationInProgress { get; init; }

    /// <summary>Paths with unresolved conflicts.</summary>
    public IReadOnlyList<string> ConflictedPaths { get; init; } = [];
}

/// <summary>Where HEAD points. Branch is null when detached; Sha is null when the branch is unborn.</summary>
public sealed record HeadState(string? Branch, string? Sha, bool IsDetached, bool IsUnborn)
{
    /// <summary>What to show as "branch": the branch name, or "(detached at abc1234)". Never the literal HEAD.</summary>
    public string Describe() =>
        Branch ?? (Sha is null ? "(no commit yet)" : $"(detached at {Sha[..Math.Min(12, Sha.Length)]})");
}

/// <summary>The upstream of the current branch, from the remote-tracking ref.</summary>
public sealed record UpstreamState(
    string? TrackingBranch,      // e.g. "origin/feature", null when the branch has no upstream
    bool BranchExistsOnRemote,   // a remote-tracking ref for this branch exists
    int? Ahead,
    int? Behind);

/// <summary>A commit the remote lacks, with its changes as files and hunks (rendered format-patch style by Compose).</summary>
public sealed record CommitPatch(
    string Sha,
    string Subject,
    string Message,
    string AuthorName,
    string AuthorEmail,
    DateTimeOffset AuthorDate,
    IReadOnlyList<FileChange> Files);

public enum ChangeKind { Added, Modified, Deleted, Renamed, Copied, TypeChanged, Untracked, Submodule }

/// <summary>Why a file's content is not inlined.</summary>
public enum ContentOmission
{
    None,
    Binary,
    LfsPointer,
    TooLarge,

    /// <summary>Listed only: InspectOptions.ReadBudgetBytes was used up before this file was read.</summary>
    ReadBudgetExceeded,

    /// <summary>Text that is not UTF-8: a prompt is UTF-8, so its lines could not be sent byte for byte.</summary>
    NotUtf8,
}

/// <summary>
/// One file's change as a unified diff: header lines (diff --git, mode, rename, ---/+++) and whole hunks.
/// Paths are repository-relative with forward slashes.
/// </summary>
public sealed record FileChange
{
    public required string Path { get; init; }
    public string? OldPath { get; init; }
    public required ChangeKind Kind { get; init; }
    public string? OldMode { get; init; }
    public string? NewMode { get; init; }

    /// <summary>Size in bytes of the new content (old content for deletions).</summary>
    public long Size { get; init; }

    public ContentOmission Omission { get; init; } = ContentOmission.None;

    /// <summary>Header lines, each without its line terminator.</summary>
    public IReadOnlyList<string> HeaderLines { get; init; } = [];

    public IReadOnlyList<DiffHunk> Hunks { get; init; } = [];

    /// <summary>For submodules: "old..new" commit range.</summary>
    public string? SubmoduleRange { get; init; }

    /// <summary>Bytes of the header and hunks when rendered.</summary>
    public long DiffBytes => HeaderLines.Sum(l => (long)System.Text.Encoding.UTF8.GetByteCount(l) + 1) + Hunks.Sum(h => h.Bytes);
}

/// <summary>One hunk: the "@@ -a,b +c,d @@" header and its lines, each starting with ' ', '+', '-' or '\'.</summary>
public sealed record DiffHunk(string Header, IReadOnlyList<string> Lines, int NewStart, int OldStart)
{
    public long Bytes => System.Text.Encoding.UTF8.GetByteCount(Header) + 1 + Lines.Sum(l => (long)System.Text.Encoding.UTF8.GetByteCount(l) + 1);

    /// <summary>Added lines with their new-file line numbers (the text without the leading '+').</summary>
    public IEnumerable<(int LineNumber, string Text)> AddedLines()
    {
        var line = NewStart;
        foreach (var l in Lines)
        {
            if (l.Length == 0) { line++; continue; }
            switch (l[0])
            {
                case '+': yield return (line, l[1..]); line++; break;
                case ' ': line++; break;
            }
        }
    }
}
