using Handoff.Core.Abstractions;

namespace Handoff.Core.Doctor;

/// <summary>Finds the repository's pre-push hook the way git does (core.hooksPath honoured) and tells whether it is ours.</summary>
public sealed class HookLocator(IProcessRunner processes)
{
    public const string Marker = "devin-handoff";

    /// <summary>The hooks folder git uses for <paramref name="workDir"/>, or null outside a repository.</summary>
    public async Task<string?> HooksDirectory(string workDir, CancellationToken ct)
    {
        // `git rev-parse --git-path hooks` resolves core.hooksPath (relative to the work tree) and worktrees.
        var result = await processes.Run("git", ["rev-parse", "--git-path", "hooks"], workDir, cancellationToken: ct);
        if (result.ExitCode != 0) return null;
        var path = result.StandardOutput.Trim();
        if (path.Length == 0) return null;
        if (Path.IsPathRooted(path)) return Path.GetFullPath(path);
        // Relative answers are relative to the current folder (git prints them that way).
        return Path.GetFullPath(Path.Combine(workDir, path));
    }

    /// <summary>(path, installed): installed when a pre-push hook file exists there and mentions devin-handoff.</summary>
    public async Task<(string? Path, bool Installed)> PrePush(string workDir, CancellationToken ct)
    {
        var dir = await HooksDirectory(workDir, ct);
        if (dir is null) return (null, false);
        var hook = Path.Combine(dir, "pre-push");
        if (!File.Exists(hook)) return (hook, false);
        try
        {
            return (hook, File.ReadAllText(hook).Contains(Marker, StringComparison.Ordinal));
        }
        catch (IOException)
        {
            return (hook, false);
        }
        catch (UnauthorizedAccessException)
        {
            return (hook, false);
        }
    }
}
