using Handoff.Core.Abstractions;
using Handoff.Core.Devin;
using Handoff.Core.Inspection;

namespace Handoff.Core.GitHub;

public sealed record PickupOptions
{
    public required string SessionId { get; init; }
    public required string WorkingDirectory { get; init; }
    /// <summary>Stash uncommitted changes first instead of refusing.</summary>
    public bool Stash { get; init; }
    /// <summary>How the caller asks for <see cref="Stash"/>, named in the refusal: the CLI's flag, the MCP tool's argument.</summary>
    public string StashHint { get; init; } = "pass --stash";
}

/// <param name="Source">The remote name fetched from, or the URL when no remote matches.</param>
public sealed record PickupResult(
    string SessionId, string PullRequestUrl, string? PullRequestState, string Repository, string Branch, string Commit,
    string Source, bool FromRemote, bool Stashed, bool BranchCreated);

/// <summary>
/// `pickup`: takes the session's pull request, resolves its head branch (GitHub API), fetches it with the user's
/// own git and checks it out on a local branch of the same name (created, or fast-forwarded when it exists).
/// A dirty working tree is refused unless <see cref="PickupOptions.Stash"/>.
/// </summary>
public sealed class PullRequestPickup(IDevinClient devin, IPullRequestSource pullRequests, IProcessRunner processes, IReadOnlyDictionary<string, string?>? gitEnvironment = null)
{
    public async Task<PickupResult> Run(PickupOptions options, CancellationToken ct)
    {
        var session = await devin.Sessions.Get(options.SessionId, ct);
        var pr = ChoosePullRequest(session);
        var workTree = (await Git(options.WorkingDirectory, ct, "rev-parse", "--show-toplevel")).Trim();

        var url = PullRequestUrl.Parse(pr.PrUrl)
            ?? throw new HandoffException(
                $"{pr.PrUrl} is not a GitHub pull request, so its branch cannot be looked up; open it, then run: git fetch <remote> <branch> && git switch <branch>",
                ExitCodes.Error);
        var head = await pullRequests.GetHead(url, ct);
        if (head.Branch.StartsWith('-') || await TryGit(workTree, ct, "check-ref-format", "--branch", head.Branch) is null)
            throw new HandoffException($"the pull request's branch name '{head.Branch}' is not a valid branch name here");

        var stashed = await CleanTree(workTree, options, ct);
        var remote = await MatchingRemote(workTree, head.CloneUrl, ct);
        var source = remote ?? head.CloneUrl;
        await Git(workTree, ct, "fetch", "--no-tags", source, "refs/heads/" + head.Branch);
        var commit = (await Git(workTree, ct, "rev-parse", "--verify", "FETCH_HEAD^{commit}")).Trim();

        var created = await CheckOut(workTree, head.Branch, commit, remote, ct);
        return new PickupResult(session.SessionId, pr.PrUrl, head.State ?? pr.PrState, head.RepositoryFullName, head.Branch, commit,
            source, remote is not null, stashed, created);
    }

    /// <summary>The newest open pull request, else the newest one.</summary>
    internal static SessionPullRequest ChoosePullRequest(SessionResponse session)
    {
        var prs = session.PullRequests.Where(p => !string.IsNullOrWhiteSpace(p.PrUrl)).ToList();
        if (prs.Count == 0)
            throw new HandoffException($"session {session.SessionId} has no pull request yet (see: devin-handoff status {session.SessionId})", ExitCodes.NotFound);
        return prs.LastOrDefault(p => string.Equals(p.PrState, "open", StringComparison.OrdinalIgnoreCase)) ?? prs[^1];
    }

    private async Task<bool> CleanTree(string workTree, PickupOptions options, CancellationToken ct)
    {
        var changes = (await Git(workTree, ct, "status", "--porcelain", "--untracked-files=no"))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (changes.Length == 0) return false;
        if (!options.Stash)
            throw new HandoffException(
                $"your working tree has uncommitted changes ({changes.Length} file{(changes.Length == 1 ? "" : "s")}); commit them, or {options.StashHint} to stash them first",
                ExitCodes.Error);
        await Git(workTree, ct, "stash", "push", "-m", $"devin-handoff pickup {options.SessionId}");
        return true;
    }

    /// <summary>The remote whose URL is the pull request's head repository, if any.</summary>
    private async Task<string?> MatchingRemote(string workTree, string cloneUrl, CancellationToken ct)
    {
        var wanted = Key(cloneUrl, workTree);
        foreach (var line in (await Git(workTree, ct, "remote", "-v")).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split(['\t', ' '], StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length >= 2 && parts.ElementAtOrDefault(2) == "(fetch)" && Key(parts[1], workTree) == wanted)
                return parts[0];
        }
        return null;
    }

    /// <summary>host/owner/repo for network URLs, the full path for local ones; case-insensitive.</summary>
    private static string Key(string url, string workTree)
    {
        if (RemoteUrlParser.Parse(url) is { } remote)
            return (remote.Host + "/" + remote.Path).ToLowerInvariant().TrimEnd('/');
        var path = url.StartsWith("file://", StringComparison.OrdinalIgnoreCase) ? new Uri(url).LocalPath : url;
        return Path.GetFullPath(path, workTree).TrimEnd('/', '\\').ToLowerInvariant();
    }

    /// <returns>True when the local branch was created.</returns>
    private async Task<bool> CheckOut(string workTree, string branch, string commit, string? remote, CancellationToken ct)
    {
        var local = (await TryGit(workTree, ct, "rev-parse", "--verify", "--quiet", $"refs/heads/{branch}^{{commit}}"))?.Trim();
        if (string.IsNullOrEmpty(local))
        {
            await Git(workTree, ct, "checkout", "-b", branch, commit);
            if (remote is not null)
                await TryGit(workTree, ct, "branch", $"--set-upstream-to={remote}/{branch}", branch);
            return true;
        }
        if (local != commit && await TryGit(workTree, ct, "merge-base", "--is-ancestor", local, commit) is null)
            throw new HandoffException(
                $"your local branch '{branch}' has commits the pull request does not have; rename it (git branch -m {branch} {branch}-mine) and run pickup again");
        await Git(workTree, ct, "checkout", branch);
        if (local != commit)
            await Git(workTree, ct, "merge", "--ff-only", commit);
        return false;
    }

    private async Task<string> Git(string dir, CancellationToken ct, params string[] args)
    {
        var result = await processes.Run("git", args, dir, environment: gitEnvironment, cancellationToken: ct);
        if (result.ExitCode != 0)
        {
            var what = args[0] == "rev-parse" && args.Contains("--show-toplevel") ? $"{dir} is not inside a git repository" : $"git {args[0]} failed";
            throw new HandoffException($"{what}: {Handoff.Core.Git.GitCli.Summarise(result.StandardError, result.ExitCode)}",
                args.Contains("--show-toplevel") ? ExitCodes.Usage : ExitCodes.Error);
        }
        return result.StandardOutput;
    }

    private async Task<string?> TryGit(string dir, CancellationToken ct, params string[] args)
    {
        var result = await processes.Run("git", args, dir, environment: gitEnvironment, cancellationToken: ct);
        return result.ExitCode == 0 ? result.StandardOutput : null;
    }
}
