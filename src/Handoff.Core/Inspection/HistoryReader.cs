using LibGit2Sharp;

namespace Handoff.Core.Inspection;

/// <summary>
/// Relates HEAD to the chosen remote: the upstream state, the base commit (the newest commit the remote
/// has) and the commits on HEAD that the remote lacks.
/// </summary>
internal sealed class HistoryReader(Repository repo, Configuration config, HeadState head, string? remoteName)
{
    public sealed record Result(UpstreamState? Upstream, string? BaseCommit, IReadOnlyList<Commit> UnpushedCommits);

    public Result Read(List<string> warnings)
    {
        var tip = head.IsUnborn ? null : repo.Head.Tip;
        var (upstream, compareRef) = ReadUpstream(tip);
        if (tip is null) return new Result(upstream, null, []);

        var baseCommit = MergeBase(tip, compareRef?.ResolveToDirectReference()?.Target as Commit)
                         ?? MergeBase(tip, DefaultBranchTip());
        var compareName = compareRef is null ? null : ShortRemoteRefName(compareRef.CanonicalName);

        if (compareRef?.ResolveToDirectReference()?.Target is Commit compareTip)
        {
            var unpushed = Query(tip, compareTip, limit: null);
            if (unpushed.Count > 0)
                warnings.Add($"{Count(unpushed.Count, "commit is", "commits are")} not on the remote ({compareName} lacks them); they are included as patches");
            if (upstream?.Behind is > 0)
                warnings.Add($"{compareName} has {Count(upstream.Behind.Value, "commit", "commits")} that HEAD does not; the session starts from the common base {baseCommit?.Sha[..12]}");
            return new Result(upstream, baseCommit?.Sha, unpushed);
        }

        if (baseCommit is not null)
        {
            var unpushed = Query(tip, baseCommit, limit: null);
            if (unpushed.Count > 0)
                warnings.Add(head.Branch is not null && remoteName is not null
                    ? $"branch '{head.Branch}' was never pushed to '{remoteName}'; its {Count(unpushed.Count, "commit", "commits")} since {baseCommit.Sha[..12]} are included as patches"
                    : $"{Count(unpushed.Count, "commit is", "commits are")} not on the remote; they are included as patches");
            return new Result(upstream, baseCommit.Sha, unpushed);
        }

        var all = Query(tip, null, RepoInspector.MaxCommitsWithoutBase + 1);
        var capped = all.Count > RepoInspector.MaxCommitsWithoutBase ? all.Skip(1).ToList() : all;
        var where = remoteName is null ? "there is no remote" : $"remote '{remoteName}' has none of these commits";
        warnings.Add(all.Count > RepoInspector.MaxCommitsWithoutBase
            ? $"{where}; only the newest {capped.Count} commits are included as patches (older history is not sent)"
            : $"{where}; all {Count(capped.Count, "commit", "commits")} are included as patches");
        return new Result(upstream, null, capped);
    }

    private (UpstreamState? State, Reference? CompareRef) ReadUpstream(Commit? tip)
    {
        if (head.IsDetached || head.Branch is null) return (null, null);

        var upstreamRemote = RemoteChooser.UpstreamRemote(config, head.Branch);
        var upstreamBranch = RemoteChooser.UpstreamBranch(config, head.Branch);
        var tracking = upstreamRemote is not null && upstreamBranch is not null ? $"{upstreamRemote}/{upstreamBranch}" : null;

        // Compare with the chosen remote only: that is the repository the session will clone.
        Reference? compareRef = null;
        if (remoteName is not null)
        {
            if (tracking is not null && upstreamRemote == remoteName)
                compareRef = repo.Refs[$"refs/remotes/{tracking}"];
            compareRef ??= repo.Refs[$"refs/remotes/{remoteName}/{head.Branch}"];
        }

        int? ahead = null, behind = null;
        if (tip is not null && compareRef?.ResolveToDirectReference()?.Target is Commit compareTip)
        {
            var divergence = repo.ObjectDatabase.CalculateHistoryDivergence(tip, compareTip);
            ahead = divergence.AheadBy;
            behind = divergence.BehindBy;
        }
        return (new UpstreamState(tracking, compareRef is not null, ahead, behind), compareRef);
    }

    /// <summary>refs/remotes/R/HEAD's target, else R/main, else R/master.</summary>
    private Commit? DefaultBranchTip()
    {
        if (remoteName is null) return null;
        var candidates = new[] { $"refs/remotes/{remoteName}/HEAD", $"refs/remotes/{remoteName}/main", $"refs/remotes/{remoteName}/master" };
        return candidates
            .Select(name => repo.Refs[name]?.ResolveToDirectReference()?.Target as Commit)
            .FirstOrDefault(c => c is not null);
    }

    private Commit? MergeBase(Commit tip, Commit? other) =>
        other is null ? null : repo.ObjectDatabase.FindMergeBase(tip, other);

    /// <summary>Commits reachable from tip and not from exclude, oldest first.</summary>
    private List<Commit> Query(Commit tip, Commit? exclude, int? limit)
    {
        var filter = new CommitFilter
        {
            IncludeReachableFrom = tip,
            ExcludeReachableFrom = exclude,
            SortBy = CommitSortStrategies.Topological | CommitSortStrategies.Time,
        };
        IEnumerable<Commit> newestFirst = repo.Commits.QueryBy(filter);
        if (limit is not null) newestFirst = newestFirst.Take(limit.Value);
        var list = newestFirst.ToList();
        list.Reverse();
        return list;
    }

    private static string ShortRemoteRefName(string canonical) =>
        canonical.StartsWith("refs/remotes/", StringComparison.Ordinal) ? canonical["refs/remotes/".Length..] : canonical;

    private static string Count(int n, string one, string many) => $"{n} {(n == 1 ? one : many)}";
}
