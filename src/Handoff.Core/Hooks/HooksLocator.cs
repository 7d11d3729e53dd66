using Handoff.Core.Abstractions;
using Handoff.Core.Git;

namespace Handoff.Core.Hooks;

/// <summary>Finds where git looks for hooks, with the user's own git (so core.hooksPath, worktrees and includes count).</summary>
public sealed class HooksLocator(IProcessRunner processes, string workingDirectory, string homeDirectory)
{
    public const string HooksPathKey = "core.hooksPath";

    /// <summary>Set when `hook install --global` set core.hooksPath itself, so uninstall can unset it again.</summary>
    public const string ManagedHooksPathKey = "devin-handoff.hook.managedHooksPath";

    /// <summary>The repository's hooks folder: core.hooksPath when set, else $GIT_COMMON_DIR/hooks.</summary>
    /// <exception cref="HandoffException">not inside a git repository (exit 1).</exception>
    public async Task<string> RepositoryHooks(CancellationToken cancellationToken)
    {
        var result = await processes.Run("git", ["rev-parse", "--git-path", "hooks"], workingDirectory, cancellationToken: cancellationToken);
        if (result.ExitCode != 0)
            throw new HandoffException($"not inside a git repository: {workingDirectory} (use --global to install for every repository)");
        return Path.GetFullPath(ExpandHome(result.StandardOutput.Trim()), workingDirectory);
    }

    /// <summary>The global hooks folder: the configured core.hooksPath, else null.</summary>
    public async Task<string?> ConfiguredGlobalHooks(CancellationToken cancellationToken)
    {
        var value = await new GitConfigWriter(processes, workingDirectory).GetGlobal(HooksPathKey, cancellationToken);
        return string.IsNullOrWhiteSpace(value) ? null : Path.GetFullPath(ExpandHome(value.Trim()), homeDirectory);
    }

    /// <summary>Where `hook install --global` puts hooks when no core.hooksPath is set.</summary>
    public string DefaultGlobalHooks() => Path.Combine(homeDirectory, ".config", "devin-handoff", "hooks");

    private string ExpandHome(string path) =>
        path == "~" ? homeDirectory : path.StartsWith("~/", StringComparison.Ordinal) ? Path.Combine(homeDirectory, path[2..]) : path;
}
