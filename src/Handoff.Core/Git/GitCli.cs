using System.Text.RegularExpressions;
using Handoff.Core.Abstractions;

namespace Handoff.Core.Git;

/// <summary>The git operations that must run through the user's own git binary.</summary>
public interface IGitCli
{
    /// <summary>Runs <c>git push -u REMOTE HEAD</c> in <paramref name="workDir"/>.</summary>
    Task Push(string workDir, string remote, CancellationToken cancellationToken = default);
}

/// <summary>
/// Runs the user's own git for what must use their credentials (credential helpers, SSH agent, insteadOf):
/// pushing. Everything read-only goes through LibGit2Sharp instead.
/// </summary>
public sealed partial class GitCli(IProcessRunner runner, IReadOnlyDictionary<string, string?>? environment = null) : IGitCli
{
    /// <summary>
    /// Runs <c>git push -u REMOTE HEAD</c> in <paramref name="workDir"/> with the inherited environment
    /// (plus <c>environment</c> overrides, for tests), so credential helpers and SSH agents work.
    /// </summary>
    /// <exception cref="HandoffException">the remote name is unusable (exit 2) or git failed (exit 1, git's message).</exception>
    public async Task Push(string workDir, string remote, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(remote) || remote.StartsWith('-'))
            throw new HandoffException($"invalid remote name '{remote}'", ExitCodes.Usage);

        var result = await runner.Run("git", ["push", "-u", remote, "HEAD"], workDir,
            environment: environment, cancellationToken: cancellationToken);
        if (result.ExitCode != 0)
            throw new HandoffException($"git push to '{remote}' failed: {Summarise(result.StandardError, result.ExitCode)}", ExitCodes.Error);
    }

    /// <summary>git's stderr as one line, with any credentials in URLs removed.</summary>
    internal static string Summarise(string stderr, int exitCode)
    {
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        // "fatal:", "error:" and the " ! [rejected] ..." ref lines say what went wrong; hints and progress do not.
        var important = lines.Where(l => l.StartsWith("fatal:", StringComparison.Ordinal)
                                         || l.StartsWith("error:", StringComparison.Ordinal)
                                         || l.StartsWith('!')).ToList();
        var chosen = important.Count > 0 ? important : lines.ToList();
        var text = chosen.Count == 0 ? $"git exited with code {exitCode}" : string.Join(" | ", chosen);
        text = UrlCredentials().Replace(text, "://");
        return text.Length > 600 ? text[..600] + "..." : text;
    }

    [GeneratedRegex(@"://[^/@\s']+@")]
    private static partial Regex UrlCredentials();
}
