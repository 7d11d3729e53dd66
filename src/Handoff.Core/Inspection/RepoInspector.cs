using Handoff.Core.Git;
using LibGit2Sharp;

namespace Handoff.Core.Inspection;

/// <summary>
/// Reads the repository around <see cref="InspectOptions.StartDirectory"/> with LibGit2Sharp.
/// Never depends on the user's diff settings (colour, external diff, textconv): hunks are computed here.
/// </summary>
public sealed class RepoInspector : IRepoInspector
{
    /// <summary>With no remote commit to start from, at most this many commits are sent as patches.</summary>
    public const int MaxCommitsWithoutBase = 50;

    public RepoSnapshot Inspect(InspectOptions options)
    {
        var start = System.IO.Path.GetFullPath(options.StartDirectory);
        var gitDir = GitDirectoryFinder.Find(start);
        if (gitDir is null)
            throw new HandoffException($"not inside a git repository: {start}", ExitCodes.Error);

        using var repo = LibGit2Repositories.Open(gitDir);
        // Config values are read from git's files directly, never through repo.Config (see LibGit2Repositories).
        using var config = LibGit2Repositories.ConfigFiles.Open(System.IO.Path.Combine(GitDirectoryFinder.CommonDirectory(gitDir), "config"));
        if (repo.Info.IsBare || repo.Info.WorkingDirectory is null)
            throw new HandoffException($"not inside a git working tree (the repository is bare): {start}", ExitCodes.Error);

        var warnings = new List<string>();
        var head = ReadHead(repo);
        var remoteName = RemoteChooser.Choose(repo, config, head, options.RemoteName, warnings);
        var remote = remoteName is null ? null : ShareableRemote(repo, remoteName, warnings);
        var history = new HistoryReader(repo, config, head, remoteName).Read(warnings);

        var budget = new ReadBudget(options.ReadBudgetBytes);
        var commits = ReadCommitPatches(repo, config, history.UnpushedCommits, options, budget, warnings);
        var workingChanges = options.IncludeChanges ? ReadWorkingChanges(repo, config, options, budget, warnings) : [];

        var unread = commits.SelectMany(c => c.Files).Concat(workingChanges).Count(f => f.Omission == ContentOmission.ReadBudgetExceeded);
        if (unread > 0)
            warnings.Add($"the read budget of {options.ReadBudgetBytes} bytes was reached; {unread} more file change(s) are listed without content");

        return new RepoSnapshot
        {
            WorkingDirectory = TrimSeparator(repo.Info.WorkingDirectory),
            GitDirectory = TrimSeparator(repo.Info.Path),
            RemoteName = remoteName,
            Remote = remote,
            Warnings = warnings,
            Head = head,
            Upstream = history.Upstream,
            BaseCommit = history.BaseCommit,
            UnpushedCommits = commits,
            WorkingChanges = workingChanges,
            OperationInProgress = OperationName(repo.Info.CurrentOperation),
            ConflictedPaths = repo.Index.Conflicts
                .Select(c => (c.Ours ?? c.Theirs ?? c.Ancestor).Path.Replace(System.IO.Path.DirectorySeparatorChar, '/'))
                .Distinct().Order(StringComparer.Ordinal).ToList(),
        };
    }

    private static HeadState ReadHead(Repository repo)
    {
        if (repo.Info.IsHeadUnborn)
        {
            // HEAD is a symbolic ref to a branch that has no commit yet: its name is the ref's target.
            var target = (repo.Refs.Head as SymbolicReference)?.TargetIdentifier
                         ?? File.ReadAllText(System.IO.Path.Combine(repo.Info.Path, "HEAD")).Replace("ref:", "").Trim();
            var branch = target.StartsWith("refs/heads/", StringComparison.Ordinal) ? target["refs/heads/".Length..] : target;
            return new HeadState(branch, null, IsDetached: false, IsUnborn: true);
        }
        var sha = repo.Head.Tip.Sha;
        return repo.Info.IsHeadDetached
            ? new HeadState(null, sha, IsDetached: true, IsUnborn: false)
            : new HeadState(repo.Head.FriendlyName, sha, IsDetached: false, IsUnborn: false);
    }

    private static RemoteUrl? ShareableRemote(Repository repo, string remoteName, List<string> warnings)
    {
        var url = repo.Network.Remotes[remoteName]?.Url;
        if (RemoteUrlParser.IsLocal(url))
        {
            warnings.Add($"remote '{remoteName}' points to a local path and is not shared; the session gets no repository");
            return null;
        }
        var parsed = RemoteUrlParser.Parse(url);
        if (parsed is null)
            warnings.Add($"remote '{remoteName}' has a URL that cannot be shared; the session gets no repository");
        return parsed;
    }

    private static List<CommitPatch> ReadCommitPatches(Repository repo, Configuration config, IReadOnlyList<Commit> commits, InspectOptions options, ReadBudget budget, List<string> warnings)
    {
        var factory = new FileChangeFactory(repo, config, options, budget, workingDirectory: null, warnings);
        var patches = new List<CommitPatch>(commits.Count);
        foreach (var commit in commits)
        {
            var files = new List<FileChange>();
            if (options.IncludeChanges)
            {
                var parentTree = commit.Parents.FirstOrDefault()?.Tree;
                var changes = repo.Diff.Compare<TreeChanges>(parentTree, commit.Tree, CompareOptions());
                foreach (var entry in changes) files.AddRange(factory.Create(entry, parentTree));
            }
            patches.Add(new CommitPatch(commit.Sha, commit.MessageShort, commit.Message, commit.Author.Name,
                commit.Author.Email, commit.Author.When, files));
        }
        return patches;
    }

    private static List<FileChange> ReadWorkingChanges(Repository repo, Configuration config, InspectOptions options, ReadBudget budget, List<string> warnings)
    {
        var headTree = repo.Info.IsHeadUnborn ? null : repo.Head.Tip.Tree;
        var factory = new FileChangeFactory(repo, config, options, budget, repo.Info.WorkingDirectory, warnings);
        // Index | WorkingDirectory: staged and unstaged together against HEAD; untracked files are included.
        var changes = repo.Diff.Compare<TreeChanges>(headTree, DiffTargets.Index | DiffTargets.WorkingDirectory,
            null, null, CompareOptions());
        var result = new List<FileChange>();
        foreach (var entry in changes) result.AddRange(factory.Create(entry, headTree));
        return result;
    }

    /// <summary>Explicit options so the user's diff configuration never changes what is read.</summary>
    private static CompareOptions CompareOptions() => new()
    {
        ContextLines = 3,
        InterhunkLines = 0,
        Similarity = SimilarityOptions.Renames,
        IncludeUnmodified = false,
    };

    private static string? OperationName(CurrentOperation operation) => operation switch
    {
        CurrentOperation.None => null,
        CurrentOperation.Merge => "merge",
        CurrentOperation.Revert or CurrentOperation.RevertSequence => "revert",
        CurrentOperation.CherryPick or CurrentOperation.CherryPickSequence => "cherry-pick",
        CurrentOperation.Bisect => "bisect",
        CurrentOperation.Rebase or CurrentOperation.RebaseInteractive or CurrentOperation.RebaseMerge
            or CurrentOperation.ApplyMailboxOrRebase => "rebase",
        CurrentOperation.ApplyMailbox => "am",
        _ => operation.ToString().ToLowerInvariant(),
    };

    private static string TrimSeparator(string path) =>
        path.Length > 1 ? path.TrimEnd(System.IO.Path.DirectorySeparatorChar, System.IO.Path.AltDirectorySeparatorChar) : path;
}
