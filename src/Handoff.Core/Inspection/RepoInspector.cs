using Handoff.Core.Git;
using Handoff.Core.Inspection.Diffing;
using LibGit2Sharp;

namespace Handoff.Core.Inspection;

/// <summary>
/// Reads the repository around <see cref="InspectOptions.StartDirectory"/>: refs, history and remotes with
/// LibGit2Sharp, the changes with git's own diff engine (<see cref="GitDiffReader"/>), so .gitattributes and the
/// line-ending settings count exactly as in `git diff`, and the user's diff presentation settings never do.
/// </summary>
public sealed class RepoInspector(ISshHostResolver? sshHosts = null) : IRepoInspector
{
    private readonly ISshHostResolver _sshHosts = sshHosts ?? new SshConfigHostResolver();

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
        using var config = GitConfigFiles.Current.Open(System.IO.Path.Combine(GitDirectoryFinder.CommonDirectory(gitDir), "config"));
        if (repo.Info.IsBare || repo.Info.WorkingDirectory is null)
            throw new HandoffException($"not inside a git working tree (the repository is bare): {start}", ExitCodes.Error);

        var warnings = new List<string>();
        var head = ReadHead(repo);
        var remoteName = RemoteChooser.Choose(repo, config, head, options.RemoteName, warnings);
        var remote = remoteName is null ? null : ShareableRemote(repo, config, remoteName, warnings);
        var history = new HistoryReader(repo, config, head, remoteName).Read(warnings);

        var budget = new ReadBudget(options.ReadBudgetBytes);
        var conflicted = ConflictedPaths(repo);
        var diffs = new GitDiffReader(repo, TrimSeparator(repo.Info.Path), options, budget, warnings);
        var commits = ReadCommitPatches(diffs, history.UnpushedCommits, options);
        var workingChanges = options.IncludeChanges
            ? diffs.WorkingTree(TrimSeparator(repo.Info.WorkingDirectory), head.Sha, conflicted)
            : [];

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
            ConflictedPaths = conflicted,
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

    private RemoteUrl? ShareableRemote(Repository repo, Configuration config, string remoteName, List<string> warnings)
    {
        var url = repo.Network.Remotes[remoteName]?.Url;
        if (RemoteUrlParser.IsLocal(url))
        {
            warnings.Add($"remote '{remoteName}' points to a local path and is not shared; the session gets no repository");
            return null;
        }
        var parsed = RemoteUrlParser.Parse(url, alias => ResolveSshHost(alias, config, warnings));
        if (parsed is null)
            warnings.Add($"remote '{remoteName}' has a URL that cannot be shared; the session gets no repository");
        return parsed;
    }

    /// <summary>The host an ssh alias (Host github-work / HostName github.com) connects to; the alias itself, with a warning, when ssh cannot say.</summary>
    private string ResolveSshHost(string alias, Configuration config, List<string> warnings)
    {
        var resolved = _sshHosts.Resolve(alias, config.Get<string>("core.sshCommand")?.Value);
        if (resolved.HostName is { } host) return host;
        warnings.Add($"could not ask ssh which host '{alias}' is ({resolved.Error}); the remote is sent with '{alias}' as its host");
        return alias;
    }

    private static List<string> ConflictedPaths(Repository repo) => repo.Index.Conflicts
        .Select(c => (c.Ours ?? c.Theirs ?? c.Ancestor).Path.Replace(System.IO.Path.DirectorySeparatorChar, '/'))
        .Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>Each unpushed commit with its own changes (a merge: against its first parent).</summary>
    private static List<CommitPatch> ReadCommitPatches(GitDiffReader diffs, IReadOnlyList<Commit> commits, InspectOptions options)
    {
        var files = options.IncludeChanges
            ? diffs.Commits(commits.Select(c => new GitDiffReader.CommitToDiff(c.Sha, c.Parents.FirstOrDefault()?.Sha)).ToList())
            : commits.Select(_ => new List<FileChange>()).ToList();
        return commits.Select((commit, i) => new CommitPatch(commit.Sha, commit.MessageShort, commit.Message, commit.Author.Name,
            commit.Author.Email, commit.Author.When, files[i])).ToList();
    }

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
