using Handoff.Core.Abstractions;

namespace Handoff.Core.Hooks;

/// <summary>
/// Selects exactly the commits a push sends that the remote does not have:
/// an update sends <c>remote-sha..local-sha</c>; a new ref sends what no remote-tracking ref of that remote has
/// (<c>git rev-list LOCAL --not --remotes=REMOTE</c>); a deletion sends nothing. When the remote's old commit is
/// not in the local repository (someone else pushed and we never fetched), the new-ref rule is used.
/// </summary>
public sealed class PushedCommits(IProcessRunner processes, string workDir)
{
    /// <summary>The commits to scan, each once, in the order first seen (newest first per ref).</summary>
    /// <exception cref="HandoffException">git failed (exit 1).</exception>
    public async Task<IReadOnlyList<string>> Select(string remoteName, IEnumerable<PushedRef> refs, CancellationToken cancellationToken = default)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var ordered = new List<string>();
        foreach (var pushed in refs)
        {
            if (pushed.IsDeletion) continue;
            var arguments = await RevListArguments(remoteName, pushed, cancellationToken);
            foreach (var sha in await RevList(arguments, cancellationToken))
                if (seen.Add(sha)) ordered.Add(sha);
        }
        return ordered;
    }

    /// <summary>The rev-list arguments for one pushed ref (public for tests).</summary>
    public async Task<IReadOnlyList<string>> RevListArguments(string remoteName, PushedRef pushed, CancellationToken cancellationToken = default)
    {
        if (!pushed.IsNewRemoteRef && await CommitExists(pushed.RemoteSha, cancellationToken))
            return ["rev-list", $"{pushed.RemoteSha}..{pushed.LocalSha}"];
        return ["rev-list", pushed.LocalSha, "--not", $"--remotes={remoteName}"];
    }

    private async Task<bool> CommitExists(string sha, CancellationToken cancellationToken)
    {
        var result = await processes.Run("git", ["cat-file", "-e", sha + "^{commit}"], workDir, cancellationToken: cancellationToken);
        return result.ExitCode == 0;
    }

    private async Task<IReadOnlyList<string>> RevList(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var shas = new List<string>();
        var result = await processes.RunStreaming("git", arguments, workDir, reader =>
        {
            while (reader.ReadLine() is { } line)
                if (line.Length > 0) shas.Add(line.Trim());
        }, cancellationToken: cancellationToken);
        if (result.ExitCode != 0)
            throw new HandoffException($"git {string.Join(' ', arguments)} failed: {FirstLine(result.StandardError)}");
        return shas;
    }

    internal static string FirstLine(string text)
    {
        var line = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        return line ?? "no message";
    }
}
