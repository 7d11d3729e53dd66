using Handoff.Core.Abstractions;

namespace Handoff.Core.Git;

/// <summary>Reads and writes the user's global git config with their own git (so includes and XDG paths are honoured).</summary>
public sealed class GitConfigWriter(IProcessRunner processes, string workingDirectory)
{
    public async Task<string?> GetGlobal(string key, CancellationToken cancellationToken)
    {
        var result = await processes.Run("git", ["config", "--global", "--get", key], workingDirectory, cancellationToken: cancellationToken);
        return result.ExitCode == 0 ? result.StandardOutput.TrimEnd('\n', '\r') : null;
    }

    public async Task SetGlobal(string key, string value, CancellationToken cancellationToken)
    {
        var result = await processes.Run("git", ["config", "--global", key, value], workingDirectory, cancellationToken: cancellationToken);
        if (result.ExitCode != 0)
            throw new HandoffException($"git config --global {key} failed: {result.StandardError.Trim()}");
    }

    public async Task UnsetGlobal(string key, CancellationToken cancellationToken)
    {
        var result = await processes.Run("git", ["config", "--global", "--unset", key], workingDirectory, cancellationToken: cancellationToken);
        if (result.ExitCode != 0 && result.ExitCode != 5)
            throw new HandoffException($"git config --global --unset {key} failed: {result.StandardError.Trim()}");
    }
}
