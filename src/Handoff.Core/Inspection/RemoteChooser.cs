using LibGit2Sharp;

namespace Handoff.Core.Inspection;

/// <summary>Picks the remote: --remote, else the branch's upstream remote, else origin, else the only remote.</summary>
internal static class RemoteChooser
{
    public static string? Choose(Repository repo, Configuration config, HeadState head, string? requested, List<string> warnings)
    {
        var names = repo.Network.Remotes.Select(r => r.Name).Order(StringComparer.Ordinal).ToList();
        if (requested is not null)
        {
            if (names.Contains(requested)) return requested;
            var known = names.Count == 0 ? "this repository has no remotes" : $"remotes: {string.Join(", ", names)}";
            throw new HandoffException($"unknown remote '{requested}'; {known}", ExitCodes.Usage);
        }

        var upstreamRemote = head.Branch is null ? null : UpstreamRemote(config, head.Branch);
        if (upstreamRemote is not null && names.Contains(upstreamRemote)) return upstreamRemote;
        if (names.Contains("origin")) return "origin";
        if (names.Count == 1) return names[0];

        warnings.Add(names.Count == 0
            ? "the repository has no remote; the session gets no repository"
            : $"several remotes and none is 'origin' ({string.Join(", ", names)}); choose one with --remote");
        return null;
    }

    /// <summary>branch.NAME.remote, unless it is "." (a local upstream).</summary>
    public static string? UpstreamRemote(Configuration config, string branch)
    {
        var remote = config.Get<string>($"branch.{branch}.remote")?.Value;
        return remote is null or "." ? null : remote;
    }

    /// <summary>branch.NAME.merge without "refs/heads/", e.g. "feat".</summary>
    public static string? UpstreamBranch(Configuration config, string branch)
    {
        var merge = config.Get<string>($"branch.{branch}.merge")?.Value;
        return merge is not null && merge.StartsWith("refs/heads/", StringComparison.Ordinal) ? merge["refs/heads/".Length..] : merge;
    }
}
